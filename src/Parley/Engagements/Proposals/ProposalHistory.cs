using Microsoft.EntityFrameworkCore;
using Parley.Record;

namespace Parley.Engagements;

/// <summary>
/// One step of a proposal's way through oversight: what was done, by whom (the account's name), when, and the note
/// given; <see cref="Accepted"/> is set for the invited party's answer.
/// </summary>
public sealed record ProposalStepTaken(ProposalStep? Step, string By, DateTime At, string? Note, bool? Accepted = null);

/// <summary>A proposal's steps read from its own events in the ledger, so the page says the same as the record.</summary>
public static class ProposalHistory
{
    public static async Task<IReadOnlyList<ProposalStepTaken>> StepsAsync(ParleyDb db, Guid id, CancellationToken ct)
    {
        var events = await db.Events.AsNoTracking()
            .Where(e => e.Stream == $"proposal/{id}" && (e.Type == "engagements.proposal-made" || e.Type == "engagements.proposal-stepped" || e.Type == "engagements.proposal-answered"))
            .OrderBy(e => e.Sequence).Select(e => new { e.Type, e.Payload, e.Actor, e.RecordedAt }).ToListAsync(ct);
        // Events name the user ("user:clerk", as Actor.Recorded writes it); the page names the person, as their account does.
        var users = events.Select(e => e.Actor.StartsWith("user:", StringComparison.Ordinal) ? e.Actor[5..] : e.Actor).ToList();
        var accounts = users.Distinct().ToList();
        var names = await db.Accounts.AsNoTracking().Where(a => accounts.Contains(a.UserName)).ToDictionaryAsync(a => a.UserName, a => a.DisplayName, ct);
        return events.Select((e, i) =>
        {
            var by = names.GetValueOrDefault(users[i], users[i]);
            return EventCatalog.Deserialize(e.Type, e.Payload) switch
            {
                ProposalStepped stepped => new ProposalStepTaken(stepped.Step, by, e.RecordedAt, stepped.Reason),
                ProposalAnswered answered => new ProposalStepTaken(null, by, e.RecordedAt, answered.Reason, answered.Accepted),
                _ => new ProposalStepTaken(null, by, e.RecordedAt, null),
            };
        }).ToList();
    }
}
