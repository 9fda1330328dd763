using Parley.Record;

namespace Parley.Engagements;

public abstract record EngagementEvent : IEvent
{
    public abstract string Stream { get; }
}

/// <summary>A visit; <see cref="Met"/> are the hosts its travellers met, as its source says (absent before hosts were recorded).</summary>
[EventType("engagements.visit-recorded")]
public sealed record VisitRecorded(
    Guid Id, string Title, string Purpose, Guid? Leader, Guid SentBy, string Destination, string DestinationCountry,
    DateOnly StartsOn, DateOnly EndsOn, IReadOnlyList<Guid> Travellers, string? MembersNote, string? Source, IReadOnlyList<Guid>? Met = null) : EngagementEvent
{
    public override string Stream => $"visit/{Id}";
}

public sealed record ParticipantEntry(Guid Person, Guid Side, string? Post);

public sealed record AgendaEntry(string Title, Guid? Presenter, int Minutes, Guid? Letter, Guid? Proposal);

[EventType("engagements.meeting-scheduled")]
public sealed record MeetingScheduled(
    Guid Id, string Title, Guid? Visit, Guid? Proposal, Guid? TaskForce, Guid? Series, string Place, string Zone,
    DateTime StartsAt, DateTime EndsAt, bool TimeUnknown, IReadOnlyList<ParticipantEntry> Participants, IReadOnlyList<AgendaEntry> Agenda,
    string? Source) : EngagementEvent
{
    public override string Stream => $"meeting/{Id}";
}

[EventType("engagements.agenda-set")]
public sealed record AgendaSet(Guid Meeting, IReadOnlyList<AgendaEntry> Agenda) : EngagementEvent
{
    public override string Stream => $"meeting/{Meeting}";
}

/// <summary>The meeting took place; everyone invited attended except <see cref="Absent"/>.</summary>
[EventType("engagements.meeting-held")]
public sealed record MeetingHeld(Guid Meeting, IReadOnlyList<Guid> Absent, string? Outcome) : EngagementEvent
{
    public override string Stream => $"meeting/{Meeting}";
}

[EventType("engagements.meeting-cancelled")]
public sealed record MeetingCancelled(Guid Meeting, string Reason) : EngagementEvent
{
    public override string Stream => $"meeting/{Meeting}";
}

/// <summary>Minutes text for a version still open to edits; a version after an approved one is a correction.</summary>
[EventType("engagements.minutes-drafted")]
public sealed record MinutesDrafted(Guid Meeting, int Version, string Text, string? Correcting) : EngagementEvent
{
    public override string Stream => $"meeting/{Meeting}";
}

[EventType("engagements.minutes-shared")]
public sealed record MinutesShared(Guid Meeting, int Version) : EngagementEvent
{
    public override string Stream => $"meeting/{Meeting}";
}

/// <summary>A comment on minutes shared for comments; the actor of the event is who commented.</summary>
[EventType("engagements.minutes-commented")]
public sealed record MinutesCommented(Guid Meeting, int Version, string Comment) : EngagementEvent
{
    public override string Stream => $"meeting/{Meeting}";
}

[EventType("engagements.minutes-approved")]
public sealed record MinutesApproved(Guid Meeting, int Version) : EngagementEvent
{
    public override string Stream => $"meeting/{Meeting}";
}

[EventType("engagements.action-raised")]
public sealed record ActionRaised(Guid Id, Guid Meeting, string What, Guid Owner, DateOnly DueOn) : EngagementEvent
{
    public override string Stream => $"meeting/{Meeting}";
}

[EventType("engagements.action-closed")]
public sealed record ActionClosed(Guid Id, Guid Meeting, ActionStatus Status) : EngagementEvent
{
    public override string Stream => $"meeting/{Meeting}";
}

[EventType("engagements.proposal-made")]
public sealed record ProposalMade(
    Guid Id, string Title, string Purpose, Guid PartyA, Guid PartyB, Guid? ProposedBy, Guid Oversight,
    IReadOnlyList<WindowEntry> Window, string? Source) : EngagementEvent
{
    public override string Stream => $"proposal/{Id}";
}

public sealed record WindowEntry(WindowKind Kind, Guid? Chamber, DateOnly? Date);

[EventType("engagements.proposal-stepped")]
public sealed record ProposalStepped(Guid Id, ProposalStep Step, string? Reason, Guid? Meeting) : EngagementEvent
{
    public override string Stream => $"proposal/{Id}";
}

/// <summary>
/// The invited party's answer to a proposal (its party B, perhaps on another node): accepted, or returned with its
/// reasons so its authors can revise and resubmit it.
/// </summary>
[EventType("engagements.proposal-answered")]
public sealed record ProposalAnswered(Guid Id, Guid Party, bool Accepted, string? Reason) : EngagementEvent
{
    public override string Stream => $"proposal/{Id}";
}

[EventType("engagements.task-force-chartered")]
public sealed record TaskForceChartered(
    Guid Id, string Name, string Purpose, Guid SideA, Guid SideB, Guid Oversight, string Charter, int SeatsPerSide, int AllowedDifference,
    string Cadence, DateTime FirstMeeting, string Zone, int DurationMinutes, bool AlternateHosts, string StandingAgenda, string? Source) : EngagementEvent
{
    public override string Stream => $"task-force/{Id}";
}

[EventType("engagements.charter-decided")]
public sealed record CharterDecided(Guid TaskForce, bool Approved, string? Reason) : EngagementEvent
{
    public override string Stream => $"task-force/{TaskForce}";
}

public sealed record SeatChange(Guid Person, Side Side, MemberRole Role);

/// <summary>Joins and departures taken together, so the sides stay balanced after each change.</summary>
[EventType("engagements.membership-changed")]
public sealed record MembershipChanged(Guid TaskForce, DateOnly On, IReadOnlyList<SeatChange> Joins, IReadOnlyList<Guid> Leaves) : EngagementEvent
{
    public override string Stream => $"task-force/{TaskForce}";
}
