using Parley.Access;
using Parley.Record;
using Parley.Web;

namespace Parley.Correspondence;

public sealed record RouteRequest(List<LegPlan>? Legs);

/// <summary>Plan the route a letter takes: each leg's receiver and the hours it is due within.</summary>
public static class PlanRoute
{
    public const Permission Needs = Permission.RegisterLetters;

    public static Result<RoutePlanned> Decide(LetterState letter, List<LegPlan>? legs, Actor actor)
    {
        if (LetterAccess.ViewOf(actor, letter) == LetterView.None)
            return CorrespondenceErrors.NoLetter(letter.Letter.Id);
        if (actor.Institution is not { } institution)
            return CorrespondenceErrors.NoInstitutionForUser;
        if (institution != letter.Letter.Registry && institution != letter.Letter.SenderInstitution)
            return CorrespondenceErrors.NotTheSendersOfficeToRoute;
        if (legs is not { Count: > 0 } || legs.Count > 20)
            return CorrespondenceErrors.RouteLegCount;
        if (legs.FirstOrDefault(l => l.DueHours is < 1 or > 8760) is { } bad)
            return CorrespondenceErrors.LegDueHours(bad.DueHours);
        return new RoutePlanned(letter.Letter.Id, legs);
    }

    public static async Task<Result<Guid>> HandleAsync(WriteScope scope, Actor actor, Guid letterId, List<LegPlan>? legs, CancellationToken ct)
    {
        return await scope.RecordAsync(Decide(await LetterRegister.RequireAsync(scope, letterId, ct), legs, actor), _ => letterId, ct);
    }

    public static void Map(RouteGroupBuilder letters) =>
        letters.MapPost("/{id:guid}/route", (UseCaseEdge edge, Actor actor, Guid id, RouteRequest body, CancellationToken ct) =>
            edge.WriteHttpAsync(actor, (s, c) => HandleAsync(s, actor, id, body.Legs, c), _ => Results.NoContent(), ct))
            .Requires(Needs).Done().WithSummary("Plan (or replan) the letter's route: each leg's receiving institution or person and the hours it is due in");
}
