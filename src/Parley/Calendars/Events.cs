using Parley.Record;

namespace Parley.Calendars;

/// <summary>Events of the calendars: chambers' periods, people's busy times, and secret feed links.</summary>
public abstract record CalendarsEvent : IEvent
{
    public abstract string Stream { get; }
}

public sealed record PeriodEntry(Guid Id, PeriodKind Kind, string Name, DateOnly StartsOn, DateOnly EndsOn);

[EventType("engagements.calendar-periods-recorded")]
public sealed record CalendarPeriodsRecorded(Guid Chamber, IReadOnlyList<PeriodEntry> Periods, string? Source) : CalendarsEvent
{
    public override string Stream => $"calendar/{Chamber}";
}

[EventType("engagements.calendar-period-changed")]
public sealed record CalendarPeriodChanged(Guid Chamber, PeriodEntry Period) : CalendarsEvent
{
    public override string Stream => $"calendar/{Chamber}";
}

[EventType("engagements.calendar-period-removed")]
public sealed record CalendarPeriodRemoved(Guid Chamber, Guid Id) : CalendarsEvent
{
    public override string Stream => $"calendar/{Chamber}";
}

public sealed record BusyEntry(Guid Id, DateTime StartsAt, DateTime EndsAt, string? Note);

[EventType("engagements.busy-times-recorded")]
public sealed record BusyTimesRecorded(Guid Person, IReadOnlyList<BusyEntry> Times) : CalendarsEvent
{
    public override string Stream => $"busy/{Person}";
}

[EventType("engagements.feed-token-issued")]
public sealed record FeedTokenIssued(Guid Id, Guid Account) : CalendarsEvent
{
    public override string Stream => $"feed-token/{Account}";
}

[EventType("engagements.feed-token-revoked")]
public sealed record FeedTokenRevoked(Guid Id, Guid Account) : CalendarsEvent
{
    public override string Stream => $"feed-token/{Account}";
}
