using Microsoft.EntityFrameworkCore;
using Parley.Access;
using Parley.Calendars;
using Parley.Record;

namespace Parley.Engagements;

/// <summary>Shapes for the API and pages: times in the place's zone and in the viewer's own.</summary>
public static class EngagementViews
{
    /// <summary>The viewer's zone: that of their institution's country (America/New_York for US staff, Europe/Moscow for Russian).</summary>
    public static async Task<string> ViewerZoneAsync(ParleyDb db, Actor actor, CancellationToken ct)
    {
        var institution = actor.Institution;
        var country = institution is null ? null : await db.Institutions.Where(i => i.Id == institution).Select(i => i.CountryCode).FirstOrDefaultAsync(ct);
        return Zones.ForCountry(country);
    }

    /// <summary>
    /// The day a meeting is on, for every page: a meeting whose hour is not known is on its own day where it took place
    /// (stored as that day's midnight there, it would fall on the day before in any zone west of it); one with an hour,
    /// on the day it is in the viewer's zone.
    /// </summary>
    public static DateOnly Day(Meeting m, string viewerZone) => Day(m.StartsAt, m.TimeUnknown, m.Zone, viewerZone);

    public static DateOnly Day(DateTime startsAt, bool timeUnknown, string meetingZone, string viewerZone) =>
        DateOnly.FromDateTime(Zones.Local(startsAt, timeUnknown ? meetingZone : viewerZone));

    public static object Meeting(Meeting m, IReadOnlyDictionary<Guid, string> names, string viewerZone) => new
    {
        id = m.Id,
        title = m.Title,
        status = m.Status,
        place = m.Place,
        zone = m.Zone,
        startsAt = DateTime.SpecifyKind(m.StartsAt, DateTimeKind.Utc),
        endsAt = DateTime.SpecifyKind(m.EndsAt, DateTimeKind.Utc),
        timeUnknown = m.TimeUnknown,
        local = new { starts = Zones.Label(m.StartsAt, m.Zone), ends = Zones.Label(m.EndsAt, m.Zone) },
        yours = new { zone = viewerZone, starts = Zones.Label(m.StartsAt, viewerZone), ends = Zones.Label(m.EndsAt, viewerZone) },
        visit = m.Visit,
        proposal = m.Proposal,
        taskForce = m.TaskForce,
        series = m.Series,
        outcome = m.Outcome,
        cancelledBecause = m.CancelledBecause,
        participants = m.Participants.Select(p => new { person = p.Person, name = names.GetValueOrDefault(p.Person), side = p.Side, sideName = names.GetValueOrDefault(p.Side), post = p.Post, attended = m.Status == MeetingStatus.Held ? p.Attended : (bool?)null }),
        agenda = m.Agenda.OrderBy(a => a.Order).Select(a => new { order = a.Order, title = a.Title, presenter = a.Presenter, minutes = a.Minutes, letter = a.Letter, proposal = a.LinkedProposal }),
    };

    public static object Action(ActionItem a, IReadOnlyDictionary<Guid, string> names) =>
        new { id = a.Id, meeting = a.Meeting, what = a.What, owner = a.Owner, ownerName = names.GetValueOrDefault(a.Owner), dueOn = a.DueOn, status = a.Status };

    public static object Minutes(MinutesVersion v) =>
        new
        {
            version = v.Version,
            state = v.State,
            text = v.Text,
            correcting = v.Correcting,
            approvedBy = v.ApprovedBy,
            approvedAt = v.ApprovedAt,
            comments = v.Comments.OrderBy(c => c.At).Select(c => new { by = c.By, at = c.At, text = c.Text }),
        };
}
