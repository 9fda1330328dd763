namespace Parley.Engagements;

public enum CharterState
{
    AwaitingApproval,
    Approved,
    Returned,
}

public enum Side
{
    A,
    B,
}

public enum MemberRole
{
    Member,
    Chair,
    CoChair,
}

/// <summary>A standing task force: two sides, a charter the oversight institution approves, a cadence (RRULE) and its members over time.</summary>
public sealed class TaskForce
{
    public Guid Id { get; set; }
    public required string Name { get; set; }
    public required string Purpose { get; set; }
    public Guid SideA { get; set; }
    public Guid SideB { get; set; }
    public Guid Oversight { get; set; }
    public required string Charter { get; set; }
    public CharterState CharterState { get; set; }
    public string? CharterReason { get; set; }
    public int SeatsPerSide { get; set; }
    public int AllowedDifference { get; set; }

    /// <summary>RFC 5545 RRULE, e.g. FREQ=WEEKLY;INTERVAL=8;BYDAY=TU.</summary>
    public required string Cadence { get; set; }

    /// <summary>The first meeting's local day and time in <see cref="Zone"/>: the series' DTSTART.</summary>
    public DateOnly FirstDay { get; set; }

    public TimeOnly FirstTime { get; set; }

    /// <summary>The same wall time as one value, for the code: not in the API, where a date-time without an offset reads as UTC.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public DateTime FirstMeeting => FirstDay.ToDateTime(FirstTime);

    public required string Zone { get; set; }
    public int DurationMinutes { get; set; }

    /// <summary>Hosts take turns in this order (side A's country, then side B's).</summary>
    public bool AlternateHosts { get; set; }

    public string StandingAgenda { get; set; } = "";
    public string? Source { get; set; }
    public List<TaskForceMember> Members { get; set; } = [];
}

/// <summary>A seat held over a period; leaving sets <see cref="Until"/>, so past rosters stay readable.</summary>
public sealed class TaskForceMember
{
    public Guid Person { get; set; }
    public Side Side { get; set; }
    public MemberRole Role { get; set; }
    public DateOnly Since { get; set; }
    public DateOnly? Until { get; set; }
}
