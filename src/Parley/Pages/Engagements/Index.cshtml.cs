using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Parley.Access;
using Parley.Calendars;
using Parley.Directory;
using Parley.Engagements;
using Parley.Record;
using Parley.Web;

namespace Parley.Pages.Engagements;

/// <summary>The calendar: a month grid and an agenda of meetings, chamber periods, and the open proposals, task forces and visits.</summary>
[Authorize(Policy = nameof(Permission.ReadEngagements))]
public sealed class EngagementsModel(ParleyDb db, TimeProvider clock) : ParleyPage
{
    [BindProperty(SupportsGet = true)] public string? Month { get; set; }

    public DateOnly First { get; private set; }
    public string Zone { get; private set; } = "Etc/UTC";
    public IReadOnlyList<Meeting> Meetings { get; private set; } = [];
    public IReadOnlyList<CalendarPeriod> Periods { get; private set; } = [];
    public IReadOnlyList<Proposal> Proposals { get; private set; } = [];
    public IReadOnlyList<TaskForce> TaskForces { get; private set; } = [];
    public IReadOnlyList<Visit> Visits { get; private set; } = [];
    public Dictionary<Guid, string> Names { get; private set; } = [];

    /// <summary>The month of the latest meeting on record, when it is not the month shown (a store whose record is all in 2018).</summary>
    public DateOnly? LatestActivity { get; private set; }

    /// <summary>Whether the page opened at <see cref="LatestActivity"/> because the current month holds nothing.</summary>
    public bool OpenedAtLatest { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Zone = await EngagementViews.ViewerZoneAsync(db, Actor, ct);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var thisMonth = new DateOnly(today.Year, today.Month, 1);
        First = DateOnly.TryParseExact(Month, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var m) ? m : thisMonth;
        var latest = await db.Meetings.AsNoTracking().OrderByDescending(x => x.StartsAt).FirstOrDefaultAsync(ct);
        if (latest is not null && EngagementViews.Day(latest, Zone) is var day && new DateOnly(day.Year, day.Month, 1) is var month && month != First)
        {
            LatestActivity = month;
            // Opening without a month asked for: where the record is, when this month has no meeting and the last one is earlier.
            if (Month is null && month < thisMonth && !await db.Meetings.AnyAsync(x => x.StartsAt >= Zones.ToUtc(thisMonth, TimeOnly.MinValue, Zones.Find(Zone)!).AddDays(-1), ct))
                (First, OpenedAtLatest) = (month, true);
        }
        var (from, to) = (Zones.ToUtc(First, TimeOnly.MinValue, Zones.Find(Zone)!), Zones.ToUtc(First.AddMonths(1), TimeOnly.MinValue, Zones.Find(Zone)!));
        // A day earlier and later: a meeting whose hour is not known is on its own day, which may lie outside the viewer's month in UTC.
        var last = First.AddMonths(1).AddDays(-1);
        Meetings = (await db.Meetings.AsNoTracking().Where(x => x.StartsAt < to.AddDays(1) && x.EndsAt >= from.AddDays(-1)).OrderBy(x => x.StartsAt).ToListAsync(ct))
            .Where(x => EngagementViews.Day(x, Zone) is var day && day >= First && day <= last).ToList();
        Periods = await db.CalendarPeriods.AsNoTracking().Where(p => p.StartsOn <= last && p.EndsOn >= First).OrderBy(p => p.StartsOn).ToListAsync(ct);
        Proposals = await db.Proposals.AsNoTracking().OrderByDescending(p => p.ProposedAt).Take(50).ToListAsync(ct);
        TaskForces = await db.TaskForces.AsNoTracking().OrderBy(t => t.Name).ToListAsync(ct);
        Visits = await db.Visits.AsNoTracking().OrderByDescending(v => v.StartsOn).Take(10).ToListAsync(ct);
        Names = await DirectoryNames.NamesAsync(db, Periods.Select(p => p.Chamber).Concat(Proposals.SelectMany(p => new[] { p.PartyA, p.PartyB })), ct, Languages.Current);
    }
}
