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

    public static MeetingDto Meeting(Meeting m, IReadOnlyDictionary<Guid, string> names, string viewerZone) => new(
        m.Id, m.Title, m.Status, m.Place, m.Zone,
        DateTime.SpecifyKind(m.StartsAt, DateTimeKind.Utc), DateTime.SpecifyKind(m.EndsAt, DateTimeKind.Utc), m.TimeUnknown,
        new LocalTimes(Zones.Label(m.StartsAt, m.Zone), Zones.Label(m.EndsAt, m.Zone)),
        new ViewerTimes(viewerZone, Zones.Label(m.StartsAt, viewerZone), Zones.Label(m.EndsAt, viewerZone)),
        m.Visit, m.Proposal, m.TaskForce, m.Series, m.Outcome, m.CancelledBecause,
        m.Participants.Select(p => new ParticipantDto(p.Person, names.GetValueOrDefault(p.Person), p.Side, names.GetValueOrDefault(p.Side), p.Post,
            m.Status == MeetingStatus.Held ? p.Attended : null)).ToList(),
        m.Agenda.OrderBy(a => a.Order).Select(a => new AgendaDto(a.Order, a.Title, a.Presenter, a.Minutes, a.Letter, a.LinkedProposal)).ToList());

    public static ActionDto Action(ActionItem a, IReadOnlyDictionary<Guid, string> names) =>
        new(a.Id, a.Meeting, a.What, a.Owner, names.GetValueOrDefault(a.Owner), a.DueOn, a.Status);

    public static MinutesDto Minutes(MinutesVersion v) =>
        new(v.Version, v.State, v.Text, v.Correcting, v.ApprovedBy, v.ApprovedAt,
            v.Comments.OrderBy(c => c.At).Select(c => new CommentDto(c.By, c.At, c.Text)).ToList());
}

/// <summary>A meeting for the API: UTC instants, and its times as labels in the place's zone and the viewer's.</summary>
public sealed record MeetingDto(
    Guid Id, string Title, MeetingStatus Status, string Place, string Zone, DateTime StartsAt, DateTime EndsAt, bool TimeUnknown,
    LocalTimes Local, ViewerTimes Yours, Guid? Visit, Guid? Proposal, Guid? TaskForce, Guid? Series, string? Outcome, string? CancelledBecause,
    IReadOnlyList<ParticipantDto> Participants, IReadOnlyList<AgendaDto> Agenda);

public sealed record LocalTimes(string Starts, string Ends);

public sealed record ViewerTimes(string Zone, string Starts, string Ends);

/// <summary>A participant: the person, the side they speak for, their post on the day, and (once held) whether they attended.</summary>
public sealed record ParticipantDto(Guid Person, string? Name, Guid Side, string? SideName, string? Post, bool? Attended);

public sealed record AgendaDto(int Order, string Title, Guid? Presenter, int Minutes, Guid? Letter, Guid? Proposal);

public sealed record ActionDto(Guid Id, Guid Meeting, string What, Guid Owner, string? OwnerName, DateOnly DueOn, ActionStatus Status);

public sealed record MinutesDto(int Version, MinutesState State, string Text, string? Correcting, string? ApprovedBy, DateTime? ApprovedAt, IReadOnlyList<CommentDto> Comments);

public sealed record CommentDto(string By, DateTime At, string Text);
