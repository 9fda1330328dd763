using Microsoft.EntityFrameworkCore;
using Parley.Correspondence;
using Parley.Directory;
using Parley.Engagements;
using Parley.Record;

namespace Parley.Statements;

public static class StatementsProjection
{
    public static async ValueTask ApplyAsync(ParleyDb db, StatementEvent e, StoredEvent stored, CancellationToken ct)
    {
        switch (e)
        {
            case SourceStored s:
                db.StatementSources.Add(new StatementSource { Sha256 = s.Sha256, Text = s.Text, Url = s.Url, Outlet = s.Outlet, Published = s.Published });
                break;
            case StatementRecorded s:
                db.Statements.Add(new Statement
                {
                    Id = s.Id,
                    Speaker = s.Speaker,
                    Medium = s.Medium,
                    SaidOn = s.SaidOn,
                    SaidAt = s.SaidAt,
                    DateBasis = s.DateBasis,
                    Language = s.Language,
                    Text = s.Text,
                    Translation = s.Translation,
                    TranslationLanguage = s.TranslationLanguage,
                    Outlet = s.Outlet,
                    Url = s.Url,
                    SourceSha256 = s.SourceSha256,
                    RecordedAt = stored.RecordedAt,
                    Links = s.Links.Select(l => new RecordLink { Kind = l.Kind, Target = l.Target }).ToList(),
                });
                var speaker = await db.FindRowAsync<Person>([s.Speaker], ct);
                await SearchIndex.PutAsync(db, StatementRegister.SearchKind, s.Id,
                    SearchText.Document([s.Text, s.Translation, s.Outlet, .. (speaker?.Names ?? []).Select(n => n.Value).Distinct()]), ct);
                break;
            case CommitmentRecorded c:
                var commitment = new Commitment
                {
                    Id = c.Id,
                    Statement = c.Statement,
                    ByPerson = c.ByPerson,
                    ByInstitution = c.ByInstitution,
                    What = c.What,
                    DueFrom = c.DueFrom,
                    DueBy = c.DueBy,
                    Letter = c.Letter,
                    LetterReaches = c.LetterReaches,
                    Engagement = c.Engagement,
                    RecordedAt = stored.RecordedAt,
                };
                db.Commitments.Add(commitment);
                if (c.Engagement is { } engagement && await HeldAsync(db, engagement, ct))
                    (commitment.FulfilledAt, commitment.FulfilledBy) = (stored.RecordedAt, stored.Sequence);
                if (c.Letter is { } watched)
                {
                    var letter = await db.FindRowAsync<Letter>([watched], ct) ?? throw new InvalidOperationException($"Letter {watched} is not in the projection.");
                    letter.Watched = true;
                    // Already there when the commitment is recorded: fulfilled by this very event.
                    if (c.LetterReaches is { } target && letter.Status >= target)
                        (commitment.FulfilledAt, commitment.FulfilledBy) = (stored.RecordedAt, stored.Sequence);
                }
                break;
            case CommitmentConfirmed c:
                var confirmed = await db.FindRowAsync<Commitment>([c.Id], ct) ?? throw new InvalidOperationException($"Commitment {c.Id} is not in the projection.");
                (confirmed.FulfilledAt, confirmed.FulfilledBy, confirmed.FulfilmentNote) = (c.At, stored.Sequence, c.Note);
                break;
            default:
                throw new InvalidOperationException($"StatementsProjection does not handle {e.GetType().Name}.");
        }
    }

    /// <summary>
    /// Subscribed to the engagements' <see cref="MeetingHeld"/> (after their projection marked it held): commitments
    /// waiting for the meeting, or for its proposal's meeting, are fulfilled by that event.
    /// </summary>
    public static async ValueTask MeetingHeldAsync(ParleyDb db, MeetingHeld held, StoredEvent stored, CancellationToken ct)
    {
        var meeting = await db.FindRowAsync<Meeting>([held.Meeting], ct) ?? throw new InvalidOperationException($"Meeting {held.Meeting} is not in the projection.");
        var keys = new[] { meeting.Id, meeting.Proposal ?? meeting.Id };
        await db.Commitments.Where(c => c.Engagement != null && keys.Contains(c.Engagement.Value) && c.FulfilledAt == null).LoadAsync(ct);
        foreach (var commitment in db.Commitments.Local.Where(c => c.Engagement is { } e && keys.Contains(e) && c.FulfilledAt == null).ToList())
            (commitment.FulfilledAt, commitment.FulfilledBy) = (stored.RecordedAt, stored.Sequence);
    }

    private static async Task<bool> HeldAsync(ParleyDb db, Guid engagement, CancellationToken ct) =>
        db.Meetings.Local.Any(m => (m.Id == engagement || m.Proposal == engagement) && m.Status == MeetingStatus.Held)
        || await db.Meetings.AnyAsync(m => (m.Id == engagement || m.Proposal == engagement) && m.Status == MeetingStatus.Held, ct);

    /// <summary>
    /// Subscribed to correspondence events (after their projection re-derived the letters' status): commitments
    /// on a watched letter that wait for the status it has now reached are fulfilled by this event, with its ledger
    /// index. A waiting commitment's letter was below its target when recorded, so the first event that brings it
    /// there is the one that changed its status.
    /// </summary>
    public static async ValueTask LetterEventAsync(ParleyDb db, CorrespondenceEvent e, StoredEvent stored, CancellationToken ct)
    {
        foreach (var id in CorrespondenceEvents.LettersDerived(e))
        {
            // Tracked already: the correspondence projection has just derived it.
            if (await db.FindRowAsync<Letter>([id], ct) is not { Watched: true } letter)
                continue;
            // Stored ones are loaded; ones recorded earlier in this batch are only tracked, so both are read from Local.
            await db.Commitments.Where(c => c.Letter == letter.Id && c.FulfilledAt == null).LoadAsync(ct);
            var waiting = db.Commitments.Local.Where(c => c.Letter == letter.Id && c.FulfilledAt == null).ToList();
            foreach (var commitment in waiting.Where(c => c.LetterReaches is { } target && letter.Status >= target))
                (commitment.FulfilledAt, commitment.FulfilledBy) = (stored.RecordedAt, stored.Sequence);
        }
    }
}
