using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Parley.Access;
using Parley.Record;
using Parley.Web;

namespace Parley.Statements;

public sealed record SourceCheck([property: MaxLength(2097152)] string? Text);

/// <summary>JSON API for the statements register, press import and commitments.</summary>
public static class StatementApi
{
    /// <summary>Requests up to this size reach the import, so an oversized article gets its size named rather than a bare 413.</summary>
    public const long ImportRequestLimit = 64 * 1024 * 1024;

    public static void MapStatementApi(this IEndpointRouteBuilder app)
    {
        var read = app.MapGroup("/api").WithTags("Statements").Requires(Permission.ReadStatements);
        read.MapGet("/statements", async (ParleyDb db, string? q, Guid? speaker, Medium? medium, DateOnly? from, DateOnly? to, RecordKind? kind, Guid? target,
            int? page, int? size, CancellationToken ct) =>
        {
            var (rows, more) = await StatementRegister.PageAsync(db, new StatementRegister.Filter(q, speaker, medium, from, to, kind, target), page ?? 1, size ?? 50, ct);
            return Results.Ok(new StatementPage((await StatementViews.ForAsync(db, rows, ct)).Select(StatementViews.Dto).ToList(), Math.Max(1, page ?? 1), more));
        }).Produces<StatementPage>().WithSummary("Search statements by speaker, medium, period, linked record and text (English and Russian, case and diacritics folded)");
        read.MapGet("/statements/{id:guid}", async (ParleyDb db, Guid id, CancellationToken ct) =>
            await db.Statements.FindAsync([id], ct) is { } s
                ? Results.Ok(StatementViews.Dto((await StatementViews.ForAsync(db, [s], ct))[0]))
                : Results.Problem($"No statement {id}.", statusCode: 404)).Produces<StatementDto>().WithSummary("One statement with the speaker's post on the day, its links and source fingerprint");
        read.MapGet("/statements/sources/{sha}", async (ParleyDb db, string sha, CancellationToken ct) =>
            await db.StatementSources.FindAsync([sha], ct) is { } source
                ? Results.Ok(new SourceCopy(source.Sha256, source.Url, source.Outlet, source.Published, source.Text))
                : Results.Problem($"No stored source {sha}.", statusCode: 404)).Produces<SourceCopy>().WithSummary("The stored copy of a source text");
        read.MapPost("/statements/sources/{sha}/check", async (ParleyDb db, string sha, SourceCheck body, CancellationToken ct) =>
        {
            if (await db.StatementSources.FindAsync([sha], ct) is not { } source)
                return Results.Problem($"No stored source {sha}.", statusCode: 404);
            var given = StatementRegister.Fingerprint(ArticleText.Read(body.Text ?? "").Text);
            return Results.Ok(new SourceComparison(source.Sha256, given, given == source.Sha256));
        }).Produces<SourceComparison>().WithSummary("Compare the source as it reads now with the stored copy: a changed or deleted source shows a different fingerprint");
        read.MapGet("/commitments", async (ParleyDb db, TimeProvider clock, CommitmentState? state, Guid? statement, Guid? letter, CancellationToken ct) =>
        {
            var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
            return Results.Ok((await Commitments.ListAsync(db, state, today, statement, letter, ct)).Select(c => StatementViews.Dto(c, today)));
        }).Produces<CommitmentDto[]>().WithSummary("Commitments: open, overdue (window passed) or fulfilled (by the linked record, or confirmed)");

        var write = app.MapGroup("/api").WithTags("Statements").Requires(Permission.RecordStatements);
        write.MapPost("/statements/import", async (ParleyDb db, ArticleRequest body, CancellationToken ct) =>
        {
            var read = ArticleReview.Read(body);
            if (!read.Succeeded)
                return read.Error!.ToProblem();
            var article = read.Value!;
            var proposals = await PressImport.ProposeAsync(db, article, ct);
            return Results.Ok(new ArticleProposals(new ArticleRead(article.Published, article.Outlet, article.Url, article.Text), proposals.Select(StatementViews.Dto).ToList()));
        }).Produces<ArticleProposals>().WithMetadata(new RequestSizeLimitAttribute(ImportRequestLimit))
            .WithSummary("Propose statements from a news article (text or HTML, up to 2 MB); nothing is recorded until accepted");
        // Each write is mapped beside its use case, with the permission it needs.
        RecordStatement.Map(write);
        AcceptArticle.Map(write);
        RecordCommitment.Map(write);
        ConfirmCommitment.Map(write);
    }
}

public sealed record StatementPage(IReadOnlyList<StatementDto> Items, int PageNumber, bool HasMore);

/// <summary>A stored source text and its fingerprint.</summary>
public sealed record SourceCopy(string Sha256, string? Url, string? Outlet, DateOnly? Published, string Text);

/// <summary>The stored fingerprint, the one of the text given, and whether they are the same.</summary>
public sealed record SourceComparison(string Stored, string Given, bool Unchanged);

/// <summary>An article as read, and the statements proposed from it (nothing is recorded until accepted).</summary>
public sealed record ArticleProposals(ArticleRead Article, IReadOnlyList<ProposedStatement> Proposals);

public sealed record ArticleRead(DateOnly? Published, string? Outlet, string? Url, string Text);
