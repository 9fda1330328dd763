namespace Parley.Calendars;

public enum PeriodKind
{
    Session,
    SittingDay,
    Recess,
}

/// <summary>A period of a chamber's calendar: a session, a sitting day, or a recess (a state work period), days inclusive.</summary>
public sealed class CalendarPeriod
{
    public Guid Id { get; set; }
    public Guid Chamber { get; set; }
    public PeriodKind Kind { get; set; }
    public required string Name { get; set; }
    public DateOnly StartsOn { get; set; }
    public DateOnly EndsOn { get; set; }
    public string? Source { get; set; }

    /// <summary>How many times the period changed after it was recorded: its iCalendar SEQUENCE.</summary>
    public int Revision { get; set; }

    /// <summary>When it was recorded or last changed: its iCalendar LAST-MODIFIED.</summary>
    public DateTime RevisedAt { get; set; }
}

/// <summary>A secret link to calendar feeds; the secret's hash lives in <see cref="FeedTokenSecret"/>, outside the record.</summary>
public sealed class FeedToken
{
    public Guid Id { get; set; }
    public Guid Account { get; set; }
    public DateTime IssuedAt { get; set; }
    public DateTime? RevokedAt { get; set; }
}

public sealed class FeedTokenSecret
{
    public Guid TokenId { get; set; }
    public required byte[] Hash { get; set; }
}

/// <summary>Day-level facts of a chamber's calendar, answered from its periods.</summary>
public sealed class ChamberDays(IReadOnlyList<CalendarPeriod> periods)
{
    public IReadOnlyList<CalendarPeriod> Periods => periods;

    /// <summary>In session: inside a session and not inside a recess of it.</summary>
    public bool InSession(DateOnly day) => SessionOn(day) is not null && RecessOn(day) is null;

    public CalendarPeriod? SessionOn(DateOnly day) => periods.FirstOrDefault(p => p.Kind == PeriodKind.Session && p.StartsOn <= day && day <= p.EndsOn);

    public CalendarPeriod? RecessOn(DateOnly day) => periods.FirstOrDefault(p => p.Kind == PeriodKind.Recess && p.StartsOn <= day && day <= p.EndsOn);

    /// <summary>Words for the day: "in the autumn session" or "in recess (state work period)".</summary>
    public string Describe(DateOnly day, Web.Say? say = null)
    {
        say ??= Web.Says.English;
        return (SessionOn(day), RecessOn(day)) switch
        {
            (_, { } recess) => say("in recess ({0}, {1:d MMM yyyy} – {2:d MMM yyyy})", recess.Name, recess.StartsOn, recess.EndsOn),
            ({ } session, null) => say("in session ({0}, {1:d MMM yyyy} – {2:d MMM yyyy})", session.Name, session.StartsOn, session.EndsOn),
            (null, null) => say("outside any recorded session"),
        };
    }
}

/// <summary>A time a person is not available (from their own calendar), which the scheduling assistant avoids.</summary>
public sealed class BusyTime
{
    public Guid Id { get; set; }
    public Guid Person { get; set; }
    public DateTime StartsAt { get; set; }
    public DateTime EndsAt { get; set; }
    public string? Note { get; set; }
}
