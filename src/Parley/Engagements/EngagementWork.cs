using Microsoft.EntityFrameworkCore;
using Parley.Access;
using Parley.Record;
using Parley.Web;

namespace Parley.Engagements;

/// <summary>The engagements waiting for a user: proposals and charters for their oversight institution to review, minutes of their institution's meetings to comment on or approve.</summary>
public static class EngagementWork
{
    public static async Task<IReadOnlyList<WorkItem>> ForAsync(ParleyDb db, Actor actor, CancellationToken ct)
    {
        if (actor.Institution is not { } mine || !actor.May(Permission.ReadEngagements))
            return [];
        var items = new List<WorkItem>();
        if (actor.May(Permission.OverseeEngagements))
        {
            var proposals = await db.Proposals.AsNoTracking()
                .Where(p => p.Oversight == mine && (p.State == ProposalState.Proposed || p.State == ProposalState.UnderReview))
                .OrderBy(p => p.ProposedAt).Take(100).Select(p => new { p.Id, p.Title, p.State, p.ProposedAt }).ToListAsync(ct);
            items.AddRange(proposals.Select(p => new WorkItem(WorkKind.Reviews,
                p.State == ProposalState.Proposed ? "Review the proposal “{0}”" : "Approve or return the proposal “{0}” (under review)",
                [p.Title], $"/proposals/{p.Id}", DateOnly.FromDateTime(p.ProposedAt))));
            var charters = await db.TaskForces.AsNoTracking().Where(t => t.Oversight == mine && t.CharterState == CharterState.AwaitingApproval)
                .OrderBy(t => t.Name).Take(100).Select(t => new { t.Id, t.Name }).ToListAsync(ct);
            items.AddRange(charters.Select(t => new WorkItem(WorkKind.Reviews, "Approve or return the charter of “{0}”", [t.Name], $"/task-forces/{t.Id}")));
        }
        if (actor.May(RecordMinutes.Needs))
        {
            // Minutes not yet approved, of meetings where someone spoke for the user's institution.
            var ours = db.Meetings.Where(m => m.Participants.Any(p => p.Side == mine)).Select(m => m.Id);
            // Only the newest version of a meeting's minutes can wait: an earlier one was superseded or corrected.
            var minutes = await db.Minutes.AsNoTracking()
                .Where(v => ours.Contains(v.Meeting) && v.State != MinutesState.Approved && !db.Minutes.Any(w => w.Meeting == v.Meeting && w.Version > v.Version))
                .Join(db.Meetings, v => v.Meeting, m => m.Id, (v, m) => new { v.Meeting, v.Version, v.State, m.Title, v.DraftedAt })
                .OrderBy(x => x.DraftedAt).Take(100).ToListAsync(ct);
            foreach (var v in minutes)
            {
                items.Add(new WorkItem(WorkKind.Minutes, v.State == MinutesState.SharedForComments ? "Comment on or approve the minutes of “{0}” (version {1}, shared for comments)" : "Share or approve the draft minutes of “{0}” (version {1})",
                    [v.Title, v.Version.ToString(System.Globalization.CultureInfo.InvariantCulture)], $"/meetings/{v.Meeting}", DateOnly.FromDateTime(v.DraftedAt)));
            }
        }
        return items;
    }
}
