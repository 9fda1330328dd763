using Microsoft.EntityFrameworkCore;
using Parley.Access;
using Parley.Record;
using Parley.Web;

namespace Parley.Engagements;

/// <summary>Replace a meeting's agenda.</summary>
public static class SetAgenda
{
    public const Permission Needs = Permission.RecordEngagements;

    public static Result<AgendaSet> Decide(Guid id, Meeting? meeting, IReadOnlyList<AgendaInput> items, IReadOnlySet<Guid> knownLetters, IReadOnlySet<Guid> knownProposals)
    {
        if (meeting is null)
            return EngagementErrors.NoMeeting(id);
        var agenda = AgendaRules.Check(items, meeting.Participants.Select(p => p.Person), knownLetters, knownProposals);
        return agenda.Succeeded ? new AgendaSet(id, agenda.Value!) : agenda.Error!;
    }

    public static async Task<Result<Guid>> HandleAsync(WriteScope scope, Guid id, IReadOnlyList<AgendaInput> items, CancellationToken ct)
    {
        var db = scope.Db;
        var (letters, proposals) = AgendaRules.Links(items);
        return await scope.RecordAsync(Decide(id, await db.Meetings.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, ct), items,
            (await db.Letters.Where(l => letters.Contains(l.Id)).Select(l => l.Id).ToListAsync(ct)).ToHashSet(),
            (await db.Proposals.Where(p => proposals.Contains(p.Id)).Select(p => p.Id).ToListAsync(ct)).ToHashSet()), _ => id, ct);
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapPut("/meetings/{id:guid}/agenda", (UseCaseEdge edge, Actor actor, Guid id, IReadOnlyList<AgendaInput> body, CancellationToken ct) =>
            edge.WriteHttpAsync(actor, (s, c) => HandleAsync(s, id, body, c), _ => Results.NoContent(), ct))
            .Requires(Needs).WithSummary("Replace a meeting's agenda").Done();
}
