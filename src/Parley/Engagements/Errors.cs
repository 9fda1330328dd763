using Parley.Record;

namespace Parley.Engagements;

/// <summary>Every way an engagements command is refused: the field it is about, what to fix, and its kind.</summary>
public static class EngagementErrors
{
    public static DomainError NoPerson(string field, Guid id) => new(field, $"No person {id} is in the directory.", ErrorKind.NotFound);

    public static DomainError NoInstitution(string field, Guid id) => new(field, $"No institution {id} is in the directory.", ErrorKind.NotFound);

    public static DomainError NoMeeting(Guid id) => new("meeting", $"No meeting {id}.", ErrorKind.NotFound);

    public static DomainError NoVisit(Guid id) => new("visit", $"No visit {id}.", ErrorKind.NotFound);

    public static DomainError NoProposal(Guid id) => new("proposal", $"No proposal {id}.", ErrorKind.NotFound);

    public static DomainError NoTaskForce(Guid id) => new("taskForce", $"No task force {id}.", ErrorKind.NotFound);

    public static DomainError NoAction(Guid id) => new("action", $"No action item {id}.", ErrorKind.NotFound);

    public static DomainError NotAZone(string? zone, string example = "for example Europe/Moscow or America/New_York") =>
        new("zone", $"“{zone}” is not a time zone of the tz database ({example}).");

    public static readonly DomainError SourceTooLong = new("source", $"A source is up to {Bounds.Source:N0} characters: a citation or an address.");

    // Visits
    public static readonly DomainError MembersNoteTooLong = new("membersNote", "The members note is up to 1,000 characters.");
    public static readonly DomainError VisitTitle = new("title", "Give the visit a title, up to 300 characters.");
    public static readonly DomainError VisitPurpose = new("purpose", "Say what the visit is for, up to 4,000 characters.");
    public static readonly DomainError VisitSentBy = new("sentBy", "Name the institution the delegation comes from (it must be in the directory).");
    public static readonly DomainError VisitDestination = new("destination", "Say where the delegation goes (a city), up to 200 characters.");

    public static DomainError VisitCountry(string? code) => new("destinationCountry", $"“{code}” is not a country code in the directory (two letters, for example RU).");

    public static DomainError VisitDays(string field) => new(field, "Give the first and last day of the visit.");

    public static DomainError VisitEndsBeforeStart(DateOnly ends, DateOnly starts) => new("endsOn", $"The visit ends ({ends:yyyy-MM-dd}) before it starts ({starts:yyyy-MM-dd}).");

    public static readonly DomainError VisitTravellers = new("travellers", "Name who travels, or say in the members note why they are not named.");

    // Meetings
    public static readonly DomainError MeetingTitle = new("title", "Give the meeting a title, up to 300 characters.");
    public static readonly DomainError MeetingPlace = new("place", "Say where the meeting is (a city, a building, or “video call”), up to 300 characters.");

    public static DomainError MeetingTimes(string field) => new(field, "Give the meeting's start and end in the place's local time.");

    public static DomainError MeetingEndsBeforeStart(DateTime end, DateTime start) => new("end", $"The meeting ends ({end:yyyy-MM-dd HH:mm}) before it starts ({start:yyyy-MM-dd HH:mm}).");

    public static readonly DomainError MeetingTooLong = new("end", "A meeting lasts at most 14 days; record a visit for a longer trip.");
    public static readonly DomainError NoParticipants = new("participants", "Name at least one participant and the institution they speak for.");

    public static DomainError ParticipantOnTwoSides(string name) => new("participants", $"{name} is listed for more than one side; a person speaks for one side at a meeting.");

    public static DomainError ParticipantOfAnotherCountry(string name, string side, string countries) =>
        new("participants", $"{name} holds posts only in institutions of {countries}; they cannot speak for {side} at this meeting. Put them on their own side.");

    public static DomainError MetTraveller(Guid id) => new("met", $"The person {id} travels on the visit; the people met are its hosts.");

    public static DomainError NoParticipantPerson(Guid id) => NoPerson("participants", id);

    public static DomainError NoParticipantSide(Guid id) => NoInstitution("participants", id);

    public static DomainError MeetingNotScheduled(MeetingStatus status) => new("meeting", $"This meeting is already {status.ToString().ToLowerInvariant()}.", ErrorKind.Conflict);

    public static DomainError NotInvited(Guid person) => new("absent", $"{person} was not invited to this meeting, so cannot be absent from it.");

    public static readonly DomainError OutcomeTooLong = new("outcome", "Keep the outcome under 4,000 characters; the minutes hold the detail.");
    public static readonly DomainError CancelReason = new("reason", "Say why the meeting is cancelled (up to 1,000 characters).");

    public static DomainError AgendaTitle(int n) => new($"agenda[{n}].title", $"Agenda item {n} needs a title, up to 300 characters.");

    public static DomainError AgendaMinutes(int n) => new($"agenda[{n}].minutes", $"Agenda item {n} needs a duration between 1 and 600 minutes.");

    public static DomainError AgendaPresenter(int n) => new($"agenda[{n}].presenter", $"The presenter of agenda item {n} is not a participant of the meeting.");

    public static DomainError AgendaLetter(int n, Guid letter) => new($"agenda[{n}].letter", $"No letter {letter}.", ErrorKind.NotFound);

    public static DomainError AgendaProposal(int n, Guid proposal) => new($"agenda[{n}].proposal", $"No proposal {proposal}.", ErrorKind.NotFound);

    // Action items
    public static readonly DomainError ActionWhat = new("what", "Say what is to be done, up to 1,000 characters.");
    public static readonly DomainError ActionOwnerMissing = new("owner", "Name who owns the action.");

    public static DomainError ActionOwnerUnknown(Guid id) => new("owner", $"No person {id} is in the directory.");

    public static readonly DomainError ActionDue = new("dueOn", "Give the date the action is due.");
    public static readonly DomainError ActionCloseAs = new("status", "Close an action as Done or Dropped.");

    public static DomainError ActionClosed(ActionStatus status) => new("action", $"This action is already {status.ToString().ToLowerInvariant()}.", ErrorKind.Conflict);

    // Proposals
    public static readonly DomainError ProposalTitle = new("title", "Give the proposal a title, up to 300 characters.");
    public static readonly DomainError ProposalPurpose = new("purpose", "Say what the engagement is for, up to 4,000 characters.");
    public static readonly DomainError ProposalOversightMissing = new("oversight", "Name the oversight institution that approves the engagement.");

    public static DomainError ProposalPartyMissing(string field) => new(field, "Name both parties (institutions).");

    public static readonly DomainError ProposalSameParties = new("partyB", "The two parties must be different institutions.");

    public static DomainError WindowChamber(int n) => new($"window[{n}].chamber", $"Window condition {n} needs a chamber that is in the directory.");

    public static DomainError WindowDate(int n) => new($"window[{n}].date", $"Window condition {n} needs a date.");

    public static readonly DomainError ScheduleByMeeting = new("step", "Schedule a proposal by scheduling its meeting.");
    public static readonly DomainError HoldByMeeting = new("step", "A proposal is held when its meeting is recorded as held.");

    public static DomainError NotTheOversightOfficer(string? oversight, string verb) => new("step", $"Only an oversight officer of {oversight} may {verb} this proposal.", ErrorKind.Forbidden);

    public static DomainError StepRefused(ProposalState state, ProposalStep step, string field = "step") => new(field, ProposalFlow.Refusal(state, step), ErrorKind.Conflict);

    public static readonly DomainError ReturnReason = new("reason", "Say why the proposal is returned, so its authors can revise it.");

    public static DomainError NotTheInvitedParty(string? party) =>
        new("answer", $"Only {party ?? "the invited party"}'s own users answer this invitation.", ErrorKind.Forbidden);

    public static DomainError NotAnswerable(ProposalState state) =>
        new("answer", $"The proposal is {state.ToString().ToLowerInvariant()}{(state is ProposalState.Proposed or ProposalState.UnderReview or ProposalState.Approved ? " and already answered" : "")}; there is nothing to answer now.", ErrorKind.Conflict);
    public static readonly DomainError ReasonTooLong = new("reason", "Keep the reason under 4,000 characters.");
    public static readonly DomainError RoleMayNotStep = new("step", "Your role may not move proposals on.", ErrorKind.Forbidden);

    public static DomainError OutsideWindow(DateTime start, string why) => new("start", $"The proposal's target window rules out {start:yyyy-MM-dd}: {why}.");

    // Task forces
    public static readonly DomainError TaskForceName = new("name", "Give the task force a name, up to 300 characters.");
    public static readonly DomainError TaskForcePurpose = new("purpose", "Say what the task force is for, up to 4,000 characters.");

    public static DomainError TaskForceSide(string field, Guid? side) =>
        new(field, side is null ? $"Name the institution for {field}." : $"No institution {side} is in the directory.");

    public static readonly DomainError TaskForceSameSides = new("sideB", "The two sides must be different institutions.");
    public static readonly DomainError Charter = new("charter", "Write the charter the oversight institution is asked to approve (up to 20,000 characters).");
    public static readonly DomainError Seats = new("seatsPerSide", "Seats per side must be between 1 and 100.");
    public static readonly DomainError AllowedDifference = new("allowedDifference", "Say by how many members the sides may differ (0 for equal sides), at most the seats per side.");

    public static DomainError CadenceFault(string fault) => new("cadence", fault);

    public static readonly DomainError FirstMeeting = new("firstMeeting", "Give the first meeting's local date and time: the series starts there.");
    public static readonly DomainError SeriesDuration = new("durationMinutes", "A meeting of the series lasts between 15 and 1,440 minutes.");
    public static readonly DomainError NotTheCharterOversight = new("decision", "Only an oversight officer of the oversight institution may approve or return the charter.", ErrorKind.Forbidden);

    public static DomainError CharterDecided(CharterState state) => new("decision", $"The charter is already {(state == CharterState.Approved ? "approved" : "returned")}.", ErrorKind.Conflict);

    public static readonly DomainError CharterReturnReason = new("reason", "Say why the charter is returned.");
    public static readonly DomainError CharterReasonTooLong = new("reason", "Keep the reason under 4,000 characters.");
    public static readonly DomainError StandingAgendaTooLong = new("standingAgenda", "The standing agenda is up to 4,000 characters.");
    public static readonly DomainError RosterDate = new("on", "Give the date the change takes effect.");
    public static readonly DomainError RosterEmpty = new("joins", "Name at least one member who joins or leaves.");

    public static DomainError RosterUnknownPerson(Guid id) => NoPerson("joins", id);
}
