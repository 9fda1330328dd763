using Microsoft.EntityFrameworkCore;
using Parley.Record;

namespace Parley.Engagements;

/// <summary>A meeting's place in its series: open items carried over from earlier meetings, and the next meeting.</summary>
public static class Series
{
    /// <summary>Items raised at earlier meetings of the series that are still open: they stay on each later meeting until closed.</summary>
    public static async Task<IReadOnlyList<ActionItem>> CarriedOverAsync(ParleyDb db, Meeting meeting, CancellationToken ct)
    {
        if (meeting.Series is not { } series)
            return [];
        var earlier = db.Meetings.Where(m => m.Series == series && m.StartsAt < meeting.StartsAt && m.Status != MeetingStatus.Cancelled).Select(m => m.Id);
        return await db.Actions.AsNoTracking()
            .Where(a => earlier.Contains(a.Meeting) && a.Status == ActionStatus.Open)
            .OrderBy(a => a.DueOn).ToListAsync(ct);
    }

    /// <summary>The next meeting of the same series, if one is scheduled.</summary>
    public static Task<Meeting?> NextAsync(ParleyDb db, Meeting meeting, CancellationToken ct) =>
        meeting.Series is { } series
            ? db.Meetings.AsNoTracking().Where(m => m.Series == series && m.StartsAt > meeting.StartsAt && m.Status != MeetingStatus.Cancelled)
                .OrderBy(m => m.StartsAt).FirstOrDefaultAsync(ct)
            : Task.FromResult<Meeting?>(null);
}
