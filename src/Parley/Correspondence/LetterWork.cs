using Microsoft.EntityFrameworkCore;
using Parley.Access;
using Parley.Record;
using Parley.Web;

namespace Parley.Correspondence;

/// <summary>The letters waiting for a user's institution: hand-overs to confirm, letters needing attention, replies falling due.</summary>
public static class LetterWork
{
    /// <summary>How far ahead a reply counts as falling due.</summary>
    public const int ReplyHorizonDays = 14;

    public static async Task<IReadOnlyList<WorkItem>> ForAsync(ParleyDb db, Actor actor, DateTime now, bool describe, CancellationToken ct)
    {
        if (actor.Institution is not { } mine || !actor.May(Permission.ReadLetters))
            return [];
        var items = new List<WorkItem>();
        if (actor.May(AnswerHandover.Needs))
        {
            var handed = await db.Handovers.AsNoTracking().Where(h => h.State == HandoverState.Recorded && h.ToInstitution == mine)
                .Join(db.Letters, h => h.LetterId, l => l.Id, (h, l) => new { h.At, h.FromInstitution, l.Id, l.Number })
                .OrderBy(x => x.At).Take(100).ToListAsync(ct);
            var givers = await db.Institutions.AsNoTracking().Where(i => handed.Select(h => h.FromInstitution).Contains(i.Id)).ToDictionaryAsync(i => i.Id, i => i.Name, ct);
            items.AddRange(handed.Select(h => new WorkItem(WorkKind.Letters, "Confirm or dispute receiving letter {0} from {1}",
                [h.Number, givers.GetValueOrDefault(h.FromInstitution) ?? ""], $"/letters/{h.Id}", DateOnly.FromDateTime(h.At))));
        }
        var attention = await db.LetterParties.AsNoTracking().Where(p => p.InstitutionId == mine && p.AttentionFrom != null && p.AttentionFrom <= now)
            .Join(db.Letters, p => p.LetterId, l => l.Id, (p, l) => new { l.Id, l.Number, p.AttentionFrom }).OrderBy(x => x.AttentionFrom).Take(100).ToListAsync(ct);
        // One item per letter, named by its first exception as the letter's page lists them (a leg overdue, a hand-over
        // unconfirmed, a dispute…); the navigation's count does without the names (describe: false), which cost a read each.
        foreach (var a in attention)
        {
            var exceptions = describe && await LetterRegister.LoadAsync(db, a.Id, ct) is { } state ? Custody.View(state, now).Exceptions : [];
            items.Add(new WorkItem(WorkKind.Letters, "Letter {0} needs attention: {1} (since {2})",
                [a.Number, exceptions.Count == 0 ? "an exception" : Labels.Of(exceptions[0]), a.AttentionFrom!.Value.ToString("yyyy-MM-dd HH:mm 'UTC'")],
                $"/letters/{a.Id}", DateOnly.FromDateTime(a.AttentionFrom.Value), Overdue: true));
        }
        var today = DateOnly.FromDateTime(now);
        var horizon = today.AddDays(ReplyHorizonDays);
        var replies = await db.Letters.AsNoTracking()
            .Where(l => l.AddresseeInstitution == mine && l.ReplyBy != null && l.ReplyBy <= horizon && l.Status != LetterStatus.Replied)
            .OrderBy(l => l.ReplyBy).Take(100).Select(l => new { l.Id, l.Number, l.ReplyBy }).ToListAsync(ct);
        // An overdue reply of a letter already listed as needing attention is that letter's exception, not a second item.
        items.AddRange(replies.Where(r => !(r.ReplyBy < today && attention.Any(a => a.Id == r.Id))).Select(r => r.ReplyBy < today
            ? new WorkItem(WorkKind.Letters, "The reply to letter {0} was due on {1}", [r.Number, r.ReplyBy!.Value.ToString("yyyy-MM-dd")], $"/letters/{r.Id}", r.ReplyBy, Overdue: true)
            : new WorkItem(WorkKind.Letters, "Reply to letter {0} by {1}", [r.Number, r.ReplyBy!.Value.ToString("yyyy-MM-dd")], $"/letters/{r.Id}", r.ReplyBy)));
        return items;
    }
}
