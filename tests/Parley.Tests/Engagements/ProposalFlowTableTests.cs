using Parley.Engagements;

namespace Parley.Tests.EngagementsSlice;

/// <summary>Every state × step of the proposal workflow, as the README states it; no database.</summary>
public sealed class ProposalFlowTableTests
{
    // Rows are states, columns steps; "-" is a refusal. Written from the workflow, not from the code:
    // proposed → under review → approved or returned with reasons → scheduled → held → closed.
    private static readonly string[] Table =
    [
        // state        Review       Approve   Return    Resubmit  Schedule   Hold  Close
        "Proposed       UnderReview  Approved  Returned  -         -          -     -",
        "UnderReview    -            Approved  Returned  -         -          -     -",
        "Approved       -            -         -         -         Scheduled  -     Closed",
        "Returned       -            -         -         Proposed  -          -     Closed",
        "Scheduled      -            -         -         -         -          Held  -",
        "Held           -            -         -         -         -          -     Closed",
        "Closed         -            -         -         -         -          -     -",
    ];

    private static readonly Dictionary<ProposalState, string> Said = new()
    {
        [ProposalState.Proposed] = "proposed",
        [ProposalState.UnderReview] = "under review",
        [ProposalState.Approved] = "approved",
        [ProposalState.Returned] = "returned with reasons",
        [ProposalState.Scheduled] = "scheduled",
        [ProposalState.Held] = "held",
        [ProposalState.Closed] = "closed",
    };

    private static readonly ProposalStep[] Columns =
        [ProposalStep.Review, ProposalStep.Approve, ProposalStep.Return, ProposalStep.Resubmit, ProposalStep.Schedule, ProposalStep.Hold, ProposalStep.Close];

    public static TheoryData<ProposalState, ProposalStep, ProposalState?> Cells()
    {
        var data = new TheoryData<ProposalState, ProposalStep, ProposalState?>();
        foreach (var row in Table)
        {
            var cells = row.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            for (var i = 0; i < Columns.Length; i++)
                data.Add(Enum.Parse<ProposalState>(cells[0]), Columns[i], cells[i + 1] == "-" ? null : Enum.Parse<ProposalState>(cells[i + 1]));
        }
        return data;
    }

    [Fact]
    public void The_table_covers_every_state_and_step()
    {
        Assert.Equal(Enum.GetValues<ProposalState>().Length * Enum.GetValues<ProposalStep>().Length, Cells().Count);
    }

    [Theory]
    [MemberData(nameof(Cells))]
    public void A_step_moves_a_proposal_as_the_workflow_says_or_is_refused_with_its_reason(ProposalState state, ProposalStep step, ProposalState? expected)
    {
        Assert.Equal(expected, ProposalFlow.Next(state, step));
        if (expected is null)
        {
            // The refusal says what the proposal is now, in the workflow's own words.
            var refusal = ProposalFlow.Refusal(state, step);
            Assert.Contains(Said[state], refusal, StringComparison.Ordinal);
            if (step == ProposalStep.Schedule && state is ProposalState.Proposed or ProposalState.UnderReview or ProposalState.Returned)
                Assert.StartsWith("Nothing is scheduled without the oversight institution's approval", refusal);
        }
    }

    [Theory]
    [InlineData(ProposalStep.Review, true)]
    [InlineData(ProposalStep.Approve, true)]
    [InlineData(ProposalStep.Return, true)]
    [InlineData(ProposalStep.Resubmit, false)]
    [InlineData(ProposalStep.Schedule, false)]
    [InlineData(ProposalStep.Hold, false)]
    [InlineData(ProposalStep.Close, false)]
    public void Only_review_approval_and_return_belong_to_the_oversight_institution(ProposalStep step, bool oversight)
    {
        Assert.Equal(oversight, ProposalFlow.IsOversight(step));
    }
}
