using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Parley.Access;
using Parley.Record;
using Parley.Web;

namespace Parley.Engagements;

public sealed record ProposalInput(
    [property: Required, MaxLength(300)] string? Title, [property: Required, MaxLength(4000)] string? Purpose, [property: Required] Guid? PartyA, [property: Required] Guid? PartyB, Guid? ProposedBy, [property: Required] Guid? Oversight, IReadOnlyList<WindowEntry>? Window, [property: MaxLength(2000)] string? Source = null);

/// <summary>Propose an engagement: two parties, its purpose, a target window, and the oversight institution that approves it.</summary>
public static class MakeProposal
{
    public const Permission Needs = Permission.RecordEngagements;

    public static Result<ProposalMade> Decide(ProposalInput input, IReadOnlySet<Guid> knownInstitutions, bool proposerKnown, Guid id)
    {
        if (string.IsNullOrWhiteSpace(input.Title) || input.Title.Length > 300)
            return EngagementErrors.ProposalTitle;
        if (string.IsNullOrWhiteSpace(input.Purpose) || input.Purpose.Length > 4000)
            return EngagementErrors.ProposalPurpose;
        foreach (var (field, party) in new[] { ("partyA", input.PartyA), ("partyB", input.PartyB), ("oversight", input.Oversight) })
        {
            if (party is not { } value)
                return field == "oversight" ? EngagementErrors.ProposalOversightMissing : EngagementErrors.ProposalPartyMissing(field);
            if (!knownInstitutions.Contains(value))
                return EngagementErrors.NoInstitution(field, value);
        }
        if (input.PartyA == input.PartyB)
            return EngagementErrors.ProposalSameParties;
        if (input.ProposedBy is { } by && !proposerKnown)
            return EngagementErrors.NoPerson("proposedBy", by);
        if (input.Source is { Length: > Bounds.Source })
            return EngagementErrors.SourceTooLong;
        var window = new List<WindowEntry>();
        foreach (var (w, n) in (input.Window ?? []).Select((w, i) => (w, i + 1)))
        {
            var needsChamber = NeedsChamber(w);
            if (needsChamber && (w.Chamber is not { } chamber || !knownInstitutions.Contains(chamber)))
                return EngagementErrors.WindowChamber(n);
            if (!needsChamber && w.Date is null)
                return EngagementErrors.WindowDate(n);
            window.Add(new WindowEntry(w.Kind, needsChamber ? w.Chamber : null, needsChamber ? null : w.Date));
        }
        return new ProposalMade(id, input.Title.Trim(), input.Purpose.Trim(), input.PartyA!.Value, input.PartyB!.Value, input.ProposedBy,
            input.Oversight!.Value, window, input.Source);
    }

    public static async Task<Result<Guid>> HandleAsync(WriteScope scope, ProposalInput input, CancellationToken ct)
    {
        var db = scope.Db;
        var named = new[] { input.PartyA, input.PartyB, input.Oversight }.Concat((input.Window ?? []).Where(NeedsChamber).Select(w => w.Chamber)).OfType<Guid>().ToList();
        var known = (await db.Institutions.Where(i => named.Contains(i.Id)).Select(i => i.Id).ToListAsync(ct)).ToHashSet();
        var proposer = input.ProposedBy is { } by && await db.People.AnyAsync(p => p.Id == by, ct);
        return await scope.RecordAsync(Decide(input, known, proposer, Guid.CreateVersion7()), e => e.Id, ct);
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/proposals", (UseCaseEdge edge, Actor actor, ProposalInput body, CancellationToken ct) =>
            edge.WriteHttpAsync(actor, (s, c) => HandleAsync(s, body, c), id => ApiAnswers.Created($"/api/proposals/{id}", id), ct))
            .Requires(Needs).WithSummary("Propose an engagement: parties, purpose, target window, oversight institution").Creates();

    private static bool NeedsChamber(WindowEntry w) => w.Kind is WindowKind.DuringSession or WindowKind.WhileInRecess;
}
