namespace Parley.Engagements;

public enum MeetingStatus
{
    Scheduled,
    Held,
    Cancelled,
}

public enum MinutesState
{
    Draft,
    SharedForComments,
    Approved,
}

public enum ActionStatus
{
    Open,
    Done,
    Dropped,
}

/// <summary>A delegation's trip: who travels, who leads, from where to where, when and why.</summary>
public sealed class Visit
{
    public Guid Id { get; set; }
    public required string Title { get; set; }
    public required string Purpose { get; set; }
    public Guid? Leader { get; set; }
    public Guid SentBy { get; set; }
    public required string Destination { get; set; }
    public required string DestinationCountry { get; set; }
    public DateOnly StartsOn { get; set; }
    public DateOnly EndsOn { get; set; }

    /// <summary>What the source says of members it does not name ("members not named in the article").</summary>
    public string? MembersNote { get; set; }

    public string? Source { get; set; }
    public List<Traveller> Travellers { get; set; } = [];
}

public sealed class Traveller
{
    public Guid Person { get; set; }
}

/// <summary>A meeting: who from each side with their posts on the day, where, when (UTC, with the place's zone), its agenda and outcome.</summary>
public sealed class Meeting
{
    public Guid Id { get; set; }
    public required string Title { get; set; }
    public Guid? Visit { get; set; }
    public Guid? Proposal { get; set; }
    public Guid? TaskForce { get; set; }

    /// <summary>Meetings of one series share it; open action items carry over to the next meeting of the series.</summary>
    public Guid? Series { get; set; }

    public required string Place { get; set; }
    public required string Zone { get; set; }
    public DateTime StartsAt { get; set; }
    public DateTime EndsAt { get; set; }

    /// <summary>True when the source gives the date but not the hour; pages then show the day only.</summary>
    public bool TimeUnknown { get; set; }

    public MeetingStatus Status { get; set; }
    public string? Outcome { get; set; }
    public string? CancelledBecause { get; set; }
    public string? Source { get; set; }
    public List<Participant> Participants { get; set; } = [];
    public List<AgendaItem> Agenda { get; set; } = [];

    /// <summary>How many times the meeting changed after it was scheduled (agenda, held, cancelled): its iCalendar SEQUENCE.</summary>
    public int Revision { get; set; }

    /// <summary>When it was scheduled or last changed: its iCalendar LAST-MODIFIED.</summary>
    public DateTime RevisedAt { get; set; }
}

public sealed class Participant
{
    public Guid Person { get; set; }

    /// <summary>The institution the person speaks for at this meeting.</summary>
    public Guid Side { get; set; }

    /// <summary>The post held on the meeting's day, fixed when recorded.</summary>
    public string? Post { get; set; }

    public bool Attended { get; set; } = true;
}

public sealed class AgendaItem
{
    public int Order { get; set; }
    public required string Title { get; set; }
    public Guid? Presenter { get; set; }
    public int Minutes { get; set; }
    public Guid? Letter { get; set; }
    public Guid? LinkedProposal { get; set; }
}

/// <summary>One version of a meeting's minutes. Approved versions are locked; a correction is the next version.</summary>
public sealed class MinutesVersion
{
    public Guid Meeting { get; set; }
    public int Version { get; set; }
    public required string Text { get; set; }
    public MinutesState State { get; set; }
    public string? Correcting { get; set; }
    public DateTime DraftedAt { get; set; }
    public string? ApprovedBy { get; set; }
    public DateTime? ApprovedAt { get; set; }
    public List<MinutesComment> Comments { get; set; } = [];
}

public sealed class MinutesComment
{
    public required string By { get; set; }
    public DateTime At { get; set; }
    public required string Text { get; set; }
}

public sealed class ActionItem
{
    public Guid Id { get; set; }
    public Guid Meeting { get; set; }
    public Guid? Series { get; set; }
    public required string What { get; set; }
    public Guid Owner { get; set; }
    public DateOnly DueOn { get; set; }
    public ActionStatus Status { get; set; }
    public DateTime RaisedAt { get; set; }
    public DateTime? ClosedAt { get; set; }
}

/// <summary>Who met whom across sides, one row per pair per held meeting (A's id sorts before B's).</summary>
/// <summary>Two people who met across the sides: at a held meeting, or during a visit (<see cref="Meeting"/> is then the visit's id).</summary>
public sealed class Encounter
{
    public Guid Meeting { get; set; }
    public Guid PersonA { get; set; }
    public Guid PersonB { get; set; }
    public DateTime MetAt { get; set; }
}
