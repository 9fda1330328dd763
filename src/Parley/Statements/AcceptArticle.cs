using Parley.Access;
using Parley.Record;
using Parley.Web;

namespace Parley.Statements;

/// <summary>Record the statements a reviewer accepted from an imported article, with the article as their stored source: all or none.</summary>
public static class AcceptArticle
{
    public const Permission Needs = Permission.RecordStatements;

    /// <summary>
    /// Records them in order; a refusal names its field under <paramref name="fieldOf"/>'s prefix for the accepted
    /// statement's position (by default "statements[i]."), so a form can put it beside that statement's row.
    /// </summary>
    public static async Task<Result<List<Guid>>> HandleAsync(WriteScope scope, AcceptRequest request, DateTime now, CancellationToken ct, Func<int, string>? fieldOf = null)
    {
        if (request.Statements is not { Count: > 0 } accepted)
            return StatementErrors.NothingAccepted;
        if (string.IsNullOrWhiteSpace(request.SourceText))
            return StatementErrors.ArticleTextMissing;
        // The stored copy is the article's text as read (markup dropped), so a later copy compares the same way.
        var source = ArticleText.Read(request.SourceText).Text;
        var ids = new List<Guid>();
        for (var i = 0; i < accepted.Count; i++)
        {
            var input = accepted[i] with { SourceText = source, SourcePublished = request.Published, Url = accepted[i].Url ?? request.Url, Outlet = accepted[i].Outlet ?? request.Outlet };
            var result = await RecordStatement.HandleAsync(scope, input, now, ct, fieldOf?.Invoke(i) ?? $"statements[{i}].");
            if (!result.Succeeded)
                return result.Error!;
            ids.Add(result.Value);
        }
        return Result<List<Guid>>.Ok(ids);
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/statements/import/accept", (UseCaseEdge edge, Actor actor, AcceptRequest body, CancellationToken ct) =>
            edge.WriteHttpAsync(actor, (s, c) => HandleAsync(s, body, edge.Now, c), ids => Results.Created("/api/statements", new NewIds(ids)), ct))
            .Requires(Needs).Produces<NewIds>(201).WithSummary("Record the reviewed statements of an import and their source, all or none");
}

/// <summary>The statements an accepted import recorded, in the order given.</summary>
public sealed record NewIds(IReadOnlyList<Guid> Ids);
