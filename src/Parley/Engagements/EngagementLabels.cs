using Parley.Calendars;

namespace Parley.Engagements;

/// <summary>English words for the workflow states, which are also the keys of their Russian translations.</summary>
public static class EngagementLabels
{
    public static string Of(MeetingStatus status) => status switch
    {
        MeetingStatus.Scheduled => "Scheduled",
        MeetingStatus.Held => "Held",
        MeetingStatus.Cancelled => "Cancelled",
    };

    public static string Of(MinutesState state) => state switch
    {
        MinutesState.Draft => "Draft",
        MinutesState.SharedForComments => "Shared for comments",
        MinutesState.Approved => "Approved",
    };

    public static string Of(CharterState state) => state switch
    {
        CharterState.AwaitingApproval => "Awaiting approval",
        CharterState.Approved => "Approved",
        CharterState.Returned => "Returned",
    };

    public static string Of(ActionStatus status) => status switch
    {
        ActionStatus.Open => "Open",
        ActionStatus.Done => "Done",
        ActionStatus.Dropped => "Dropped",
    };

    public static string Of(ProposalState state) => state switch
    {
        ProposalState.Proposed => "Proposed",
        ProposalState.UnderReview => "Under review",
        ProposalState.Approved => "Approved by oversight",
        ProposalState.Returned => "Returned with reasons",
        ProposalState.Scheduled => "Meeting scheduled",
        ProposalState.Held => "Meeting held",
        ProposalState.Closed => "Closed",
    };

    public static string Of(PeriodKind kind) => kind switch
    {
        PeriodKind.Session => "Session",
        PeriodKind.SittingDay => "Sitting day",
        PeriodKind.Recess => "Recess",
    };
}
