namespace Parley.Engagements;

public enum ProposalState
{
    Proposed,
    UnderReview,
    Approved,
    Returned,
    Scheduled,
    Held,
    Closed,
}

public enum ProposalStep
{
    Review,
    Approve,
    Return,
    Resubmit,
    Schedule,
    Hold,
    Close,
}

/// <summary>What a target window asks of a meeting's date.</summary>
public enum WindowKind
{
    DuringSession,
    WhileInRecess,
    NotBefore,
    Before,
}

/// <summary>One condition of a proposal's target window: a chamber in session or in recess, or a date bound.</summary>
public sealed class WindowConstraint
{
    public WindowKind Kind { get; set; }
    public Guid? Chamber { get; set; }
    public DateOnly? Date { get; set; }
}

/// <summary>An engagement proposal: two parties, a purpose, a target window, and where it stands in oversight.</summary>
public sealed class Proposal
{
    public Guid Id { get; set; }
    public required string Title { get; set; }
    public required string Purpose { get; set; }
    public Guid PartyA { get; set; }
    public Guid PartyB { get; set; }
    public Guid? ProposedBy { get; set; }
    public Guid Oversight { get; set; }
    public ProposalState State { get; set; }
    public string? LastReason { get; set; }
    public Guid? Meeting { get; set; }
    public DateTime ProposedAt { get; set; }
    public string? Source { get; set; }
    public List<WindowConstraint> Window { get; set; } = [];

    /// <summary>The invited party's answer (party B): null until it answers, and again after a resubmission.</summary>
    public bool? PartnerAccepted { get; set; }

    public string? PartnerReason { get; set; }
    public DateTime? PartnerAnsweredAt { get; set; }
}

/// <summary>The workflow as a pure decision: which step each state allows, and what it leads to.</summary>
public static class ProposalFlow
{
    public static ProposalState? Next(ProposalState state, ProposalStep step) => (state, step) switch
    {
        (ProposalState.Proposed, ProposalStep.Review) => ProposalState.UnderReview,
        (ProposalState.Proposed or ProposalState.UnderReview, ProposalStep.Approve) => ProposalState.Approved,
        (ProposalState.Proposed or ProposalState.UnderReview, ProposalStep.Return) => ProposalState.Returned,
        (ProposalState.Returned, ProposalStep.Resubmit) => ProposalState.Proposed,
        (ProposalState.Approved, ProposalStep.Schedule) => ProposalState.Scheduled,
        (ProposalState.Scheduled, ProposalStep.Hold) => ProposalState.Held,
        (ProposalState.Held or ProposalState.Returned or ProposalState.Approved, ProposalStep.Close) => ProposalState.Closed,
        _ => null,
    };

    /// <summary>Whether the invited party may answer now: before the proposal is scheduled, returned or closed, once per submission.</summary>
    public static bool Answerable(Proposal proposal) =>
        proposal.PartnerAccepted is null && proposal.State is ProposalState.Proposed or ProposalState.UnderReview or ProposalState.Approved;

    /// <summary>Steps only the oversight institution may take.</summary>
    public static bool IsOversight(ProposalStep step) => step switch
    {
        ProposalStep.Review or ProposalStep.Approve or ProposalStep.Return => true,
        ProposalStep.Resubmit or ProposalStep.Schedule or ProposalStep.Hold or ProposalStep.Close => false,
    };

    public static string Refusal(ProposalState state, ProposalStep step) => (state, step) switch
    {
        (ProposalState.Proposed or ProposalState.UnderReview or ProposalState.Returned, ProposalStep.Schedule) =>
            "Nothing is scheduled without the oversight institution's approval; this proposal is " + Words(state) + ".",
        _ => $"A proposal that is {Words(state)} cannot be {Past(step)}.",
    };

    public static string Words(ProposalState state) => state switch
    {
        ProposalState.Proposed => "proposed",
        ProposalState.UnderReview => "under review",
        ProposalState.Approved => "approved",
        ProposalState.Returned => "returned with reasons",
        ProposalState.Scheduled => "scheduled",
        ProposalState.Held => "held",
        ProposalState.Closed => "closed",
    };

    public static string Past(ProposalStep step) => step switch
    {
        ProposalStep.Review => "taken under review",
        ProposalStep.Approve => "approved",
        ProposalStep.Return => "returned",
        ProposalStep.Resubmit => "resubmitted",
        ProposalStep.Schedule => "scheduled",
        ProposalStep.Hold => "marked held",
        ProposalStep.Close => "closed",
    };
}
