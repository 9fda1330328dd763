using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Parley.Access;
using Parley.Directory;
using Parley.Engagements;
using Parley.Record;
using Parley.Web;

namespace Parley.Pages.Proposals;

/// <summary>A proposal's workflow: its window, where it stands, each step with its actor, and the steps this user may take.</summary>
[Authorize(Policy = nameof(Permission.ReadEngagements))]
public sealed class ProposalModel(ParleyDb db) : ParleyPage
{
    public Proposal Proposal { get; private set; } = null!;
    public Dictionary<Guid, string> Names { get; private set; } = [];
    public History History { get; private set; } = null!;
    public IReadOnlyList<ProposalStepTaken> Taken { get; private set; } = [];
    public IReadOnlyList<ProposalStep> Steps { get; private set; } = [];

    /// <summary>Whether this user answers for the invited party now.</summary>
    public bool MayAnswer { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, ProposalStep step, string? reason, CancellationToken ct)
    {
        var actor = Actor;
        if (!ProposalFlow.IsOversight(step) && !actor.Roles.Any(r => AccessRules.Allows(r, Permission.RecordEngagements)))
            return Forbid();
        var result = await Edge.WriteAsync(Actor, (s, c) => StepProposal.HandleAsync(s, id, step, reason, actor, c), ct);
        if (result.Succeeded)
            return Done(Redirect($"/proposals/{id}"), step switch
            {
                ProposalStep.Review => "Taken under review.",
                ProposalStep.Approve => "Approved. The proposal may now be scheduled.",
                ProposalStep.Return => "Returned with your reasons.",
                ProposalStep.Resubmit => "Resubmitted for review.",
                ProposalStep.Close => "Proposal closed.",
                _ => "Done.",
            });
        Show(result.Error!);
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAnswerAsync(Guid id, string answer, string? reason, CancellationToken ct)
    {
        var (actor, accepted) = (Actor, answer == "accept");
        var result = await Edge.WriteAsync(actor, (s, c) => AnswerProposal.HandleAsync(s, id, accepted, reason, actor, c), ct);
        if (result.Succeeded)
            return Done(Redirect($"/proposals/{id}"), accepted ? "Accepted: the proposing side sees your answer." : "Returned with your reasons.");
        Show(result.Error!);
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (await db.Proposals.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct) is not { } proposal)
            return false;
        Proposal = proposal;
        Names = await DirectoryNames.NamesAsync(db, new[] { proposal.PartyA, proposal.PartyB, proposal.Oversight }
            .Concat(proposal.Window.Select(w => w.Chamber).OfType<Guid>()).Concat(proposal.ProposedBy is { } by ? [by] : []), ct, Languages.Current);
        History = await RecordHistory.ForAsync(db, $"proposal/{id}", ct);
        Taken = await ProposalHistory.StepsAsync(db, id, ct);
        var actor = Actor;
        var mayOversee = actor.Roles.Contains(Role.OversightOfficer) && actor.Institution == proposal.Oversight;
        var mayRecord = actor.Roles.Any(r => AccessRules.Allows(r, Permission.RecordEngagements));
        Steps = Enum.GetValues<ProposalStep>()
            .Where(s => s is not (ProposalStep.Schedule or ProposalStep.Hold) && ProposalFlow.Next(proposal.State, s) is not null)
            .Where(s => ProposalFlow.IsOversight(s) ? mayOversee : mayRecord).ToList();
        MayAnswer = mayRecord && actor.Institution == proposal.PartyB && ProposalFlow.Answerable(proposal);
        return true;
    }
}
