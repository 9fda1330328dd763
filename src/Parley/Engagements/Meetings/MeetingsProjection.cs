using Microsoft.EntityFrameworkCore;
using Parley.Record;

namespace Parley.Engagements;

/// <summary>Projects meetings, their agendas, minutes and action items; a meeting held moves its proposal on and records who met whom.</summary>
public static class MeetingsProjection
{
    /// <summary>Projects one of its events; false for any other.</summary>
    public static async ValueTask<bool> ApplyAsync(ParleyDb db, EngagementEvent e, StoredEvent stored, CancellationToken ct)
    {
        switch (e)
        {
            case MeetingScheduled m:
                db.Meetings.Add(new Meeting
                {
                    Id = m.Id,
                    Title = m.Title,
                    Visit = m.Visit,
                    Proposal = m.Proposal,
                    TaskForce = m.TaskForce,
                    Series = m.Series,
                    Place = m.Place,
                    Zone = m.Zone,
                    StartsAt = m.StartsAt,
                    EndsAt = m.EndsAt,
                    TimeUnknown = m.TimeUnknown,
                    Status = MeetingStatus.Scheduled,
                    Source = m.Source,
                    Participants = m.Participants.Select(p => new Participant { Person = p.Person, Side = p.Side, Post = p.Post }).ToList(),
                    Agenda = Agenda(m.Agenda),
                    RevisedAt = stored.RecordedAt,
                });
                break;
            case AgendaSet a:
                var planned = await MeetingAsync(db, a.Meeting, ct);
                planned.Agenda.Clear();
                planned.Agenda.AddRange(Agenda(a.Agenda));
                Revise(planned, stored);
                break;
            case MeetingHeld h:
                Revise(await HeldAsync(db, h, ct), stored);
                break;
            case MeetingCancelled c:
                var cancelled = await MeetingAsync(db, c.Meeting, ct);
                (cancelled.Status, cancelled.CancelledBecause) = (MeetingStatus.Cancelled, c.Reason);
                Revise(cancelled, stored);
                break;
            case MinutesDrafted d:
                var draft = await db.FindRowAsync<MinutesVersion>([d.Meeting, d.Version], ct);
                if (draft is null)
                    db.Minutes.Add(new MinutesVersion { Meeting = d.Meeting, Version = d.Version, Text = d.Text, Correcting = d.Correcting, DraftedAt = stored.RecordedAt });
                else
                    (draft.Text, draft.DraftedAt) = (d.Text, stored.RecordedAt);
                break;
            case MinutesShared s:
                (await VersionAsync(db, s.Meeting, s.Version, ct)).State = MinutesState.SharedForComments;
                break;
            case MinutesCommented c:
                (await VersionAsync(db, c.Meeting, c.Version, ct)).Comments.Add(new MinutesComment { By = stored.Actor, At = stored.RecordedAt, Text = c.Comment });
                break;
            case MinutesApproved a:
                var approved = await VersionAsync(db, a.Meeting, a.Version, ct);
                (approved.State, approved.ApprovedBy, approved.ApprovedAt) = (MinutesState.Approved, stored.Actor, stored.RecordedAt);
                break;
            case ActionRaised r:
                var at = await MeetingAsync(db, r.Meeting, ct);
                db.Actions.Add(new ActionItem { Id = r.Id, Meeting = r.Meeting, Series = at.Series, What = r.What, Owner = r.Owner, DueOn = r.DueOn, Status = ActionStatus.Open, RaisedAt = stored.RecordedAt });
                break;
            case ActionClosed c:
                var action = await db.FindRowAsync<ActionItem>([c.Id], ct) ?? throw Missing("action", c.Id);
                (action.Status, action.ClosedAt) = (c.Status, stored.RecordedAt);
                break;
            default:
                return false;
        }
        return true;
    }

    /// <summary>Marks the meeting held, moves its proposal on, and records who met whom across the sides.</summary>
    private static async Task<Meeting> HeldAsync(ParleyDb db, MeetingHeld h, CancellationToken ct)
    {
        var meeting = await MeetingAsync(db, h.Meeting, ct);
        meeting.Status = MeetingStatus.Held;
        meeting.Outcome = h.Outcome;
        foreach (var p in meeting.Participants)
            p.Attended = !h.Absent.Contains(p.Person);
        if (meeting.Proposal is { } id && await db.FindRowAsync<Proposal>([id], ct) is { State: ProposalState.Scheduled } proposal)
            proposal.State = ProposalState.Held;
        var countries = await Relationships.CountriesOfAsync(db, meeting.Participants.Select(p => p.Side), ct);
        foreach (var (a, b) in Relationships.Pairs(meeting.Participants, countries))
            db.Encounters.Add(new Encounter { Meeting = meeting.Id, PersonA = a, PersonB = b, MetAt = meeting.StartsAt });
        return meeting;
    }

    // Every change a calendar shows counts, so a client that already has the meeting takes the new version (RFC 5545 §3.8.7.4).
    private static void Revise(Meeting meeting, StoredEvent stored) => (meeting.Revision, meeting.RevisedAt) = (meeting.Revision + 1, stored.RecordedAt);

    private static List<AgendaItem> Agenda(IReadOnlyList<AgendaEntry> entries) =>
        entries.Select((a, i) => new AgendaItem { Order = i + 1, Title = a.Title, Presenter = a.Presenter, Minutes = a.Minutes, Letter = a.Letter, LinkedProposal = a.Proposal }).ToList();

    private static async Task<Meeting> MeetingAsync(ParleyDb db, Guid id, CancellationToken ct) =>
        await db.FindRowAsync<Meeting>([id], ct) ?? throw Missing("meeting", id);

    private static async Task<MinutesVersion> VersionAsync(ParleyDb db, Guid meeting, int version, CancellationToken ct) =>
        await db.FindRowAsync<MinutesVersion>([meeting, version], ct) ?? throw new InvalidOperationException($"Minutes {version} of meeting {meeting} are not in the projection.");

    private static InvalidOperationException Missing(string what, Guid id) => new($"The {what} {id} is not in the projection.");
}
