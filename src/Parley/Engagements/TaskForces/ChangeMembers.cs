using Microsoft.EntityFrameworkCore;
using Parley.Access;
using Parley.Record;
using Parley.Web;

namespace Parley.Engagements;

public sealed record RosterChange(DateOnly? On, IReadOnlyList<SeatChange>? Joins, IReadOnlyList<Guid>? Leaves);

/// <summary>Members join or leave a task force together, so the sides stay within the allowed difference once the charter is approved.</summary>
public static class ChangeMembers
{
    public const Permission Needs = Permission.RecordEngagements;

    public static Result<MembershipChanged> Decide(Guid id, TaskForce? force, RosterChange input, IReadOnlySet<Guid> knownPeople, IReadOnlyDictionary<Guid, string> names)
    {
        if (force is null)
            return EngagementErrors.NoTaskForce(id);
        if (input.On is not { } on)
            return EngagementErrors.RosterDate;
        var joins = input.Joins ?? [];
        var leaves = input.Leaves ?? [];
        if (joins.Count == 0 && leaves.Count == 0)
            return EngagementErrors.RosterEmpty;
        if (joins.FirstOrDefault(j => !knownPeople.Contains(j.Person)) is { } stranger)
            return EngagementErrors.RosterUnknownPerson(stranger.Person);
        if (Roster.Apply(force, on, joins, leaves, n => names.GetValueOrDefault(n, n.ToString())) is { } fault)
            return fault;
        return new MembershipChanged(id, on, joins, leaves);
    }

    public static async Task<Result<Guid>> HandleAsync(WriteScope scope, Guid id, RosterChange input, CancellationToken ct)
    {
        var db = scope.Db;
        var people = (input.Joins ?? []).Select(j => j.Person).Concat(input.Leaves ?? []).Distinct().ToList();
        return await scope.RecordAsync(Decide(id, await db.TaskForces.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, ct), input,
            (await db.People.Where(p => people.Contains(p.Id)).Select(p => p.Id).ToListAsync(ct)).ToHashSet(),
            await Directory.DirectoryNames.NamesAsync(db, people, ct)), _ => id, ct);
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/task-forces/{id:guid}/members", (UseCaseEdge edge, Actor actor, Guid id, RosterChange body, CancellationToken ct) =>
            edge.WriteHttpAsync(actor, (s, c) => HandleAsync(s, id, body, c), _ => Results.NoContent(), ct))
            .Requires(Needs).WithSummary("Members join or leave together; after an approved charter the sides must stay within the allowed difference").Done();
}
