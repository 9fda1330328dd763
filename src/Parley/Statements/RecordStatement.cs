using System.ComponentModel.DataAnnotations;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Parley.Access;
using Parley.Record;
using Parley.Web;

namespace Parley.Statements;

public sealed record StatementInput(
    [property: Required] Guid? Speaker, [property: Required] Medium? Medium, [property: Required] DateOnly? SaidOn, [property: Required, MaxLength(20000)] string? Text, [property: MaxLength(12)] string? Language = "en", TimeOnly? Time = null, [property: MaxLength(64)] string? TimeZone = null,
    DateBasis DateBasis = DateBasis.Stated, [property: MaxLength(20000)] string? Translation = null, [property: MaxLength(12)] string? TranslationLanguage = null, [property: MaxLength(200)] string? Outlet = null, [property: MaxLength(2000)] string? Url = null,
    [property: MaxLength(2097152)] string? SourceText = null, DateOnly? SourcePublished = null, List<LinkInput>? Links = null);

/// <summary>Record who said what, where and when: a directory person, the verbatim text, a translation kept apart, and its source stored once by fingerprint.</summary>
public static class RecordStatement
{
    public const Permission Needs = Permission.RecordStatements;

    /// <summary>
    /// The decision on the statement itself (its links and source are checked and stored by the handler, after
    /// what this write made so far is saved). <paramref name="field"/> prefixes every field named ("statements[2].").
    /// </summary>
    public static Result<StatementRecorded> Decide(StatementInput input, bool speakerKnown, DateTime now, Guid id, string field = "")
    {
        if (input.Speaker is not { } speaker)
            return StatementErrors.SpeakerMissing(field);
        if (!speakerKnown)
            return StatementErrors.SpeakerUnknown(field, speaker);
        if (input.Medium is not { } medium)
            return StatementErrors.MediumMissing(field);
        if (input.SaidOn is not { } saidOn)
            return StatementErrors.DateMissing(field);
        if (saidOn > DateOnly.FromDateTime(now).AddDays(1))
            return StatementErrors.DatedInTheFuture(field, saidOn);
        if (string.IsNullOrWhiteSpace(input.Text) || input.Text.Length > StatementRegister.MaxText)
            return StatementErrors.TextMissingOrLong(field);
        if (input.Language is not { Length: >= 2 and <= 12 } language)
            return StatementErrors.LanguageMissing(field);
        if (input.Translation is { Length: > 0 } && (input.TranslationLanguage is not { Length: >= 2 and <= 12 } || input.TranslationLanguage == language))
            return StatementErrors.TranslationLanguage(field);
        if (input.Translation is { Length: > StatementRegister.MaxText })
            return StatementErrors.TranslationTooLong(field);
        if (input.Url is { Length: > 0 } url && (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || url.Length > 2000))
            return StatementErrors.UrlInvalid(field);
        if (input.Outlet is { Length: > 200 })
            return StatementErrors.OutletTooLong(field);
        DateTime? saidAt = null;
        if (input.Time is { } time)
        {
            if (input.TimeZone is not { Length: > 0 } zoneId || !TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out var zone))
                return StatementErrors.TimeZoneMissing(field);
            saidAt = TimeZoneInfo.ConvertTimeToUtc(saidOn.ToDateTime(time, DateTimeKind.Unspecified), zone);
        }
        if (input.SourceText is { Length: > 0 } source && Encoding.UTF8.GetByteCount(source) > ArticleText.MaxBytes)
            return StatementErrors.SourceTooLarge(field);
        return new StatementRecorded(id, speaker, medium, saidOn, saidAt, input.DateBasis, language, input.Text.Trim(),
            input.Translation is { Length: > 0 } t ? t.Trim() : null, input.Translation is { Length: > 0 } ? input.TranslationLanguage : null,
            input.Outlet?.Trim() is { Length: > 0 } o ? o : null, input.Url is { Length: > 0 } ? input.Url : null, null, (input.Links ?? []).Distinct().ToList());
    }

    public static async Task<Result<Guid>> HandleAsync(WriteScope scope, StatementInput input, DateTime now, CancellationToken ct, string field = "")
    {
        var db = scope.Db;
        var speakerKnown = input.Speaker is { } speaker && await db.People.AnyAsync(p => p.Id == speaker, ct);
        var decided = Decide(input, speakerKnown, now, Guid.CreateVersion7(), field);
        if (!decided.Succeeded)
            return decided.Error!;
        var statement = decided.Value!;
        // Links may point at records this same write made (a story recorded in one go): write those first.
        await scope.FlushAsync(ct);
        foreach (var link in statement.Links)
        {
            if (!await StatementRegister.LinkExistsAsync(db, link, ct))
                return StatementErrors.NoLinkTarget(field, link);
        }
        if (input.SourceText is { Length: > 0 } source)
            statement = statement with { SourceSha256 = await StoreSourceAsync(scope, source, input.Url, input.Outlet, input.SourcePublished, ct) };
        await scope.RecordAsync(statement, ct);
        return Result<Guid>.Ok(statement.Id);
    }

    /// <summary>Stores a source's text once per fingerprint, and returns the fingerprint.</summary>
    public static async Task<string> StoreSourceAsync(WriteScope scope, string text, string? url, string? outlet, DateOnly? published, CancellationToken ct)
    {
        var sha = StatementRegister.Fingerprint(text);
        await scope.FlushAsync(ct);
        if (!await scope.Db.StatementSources.AnyAsync(s => s.Sha256 == sha, ct))
            await scope.RecordAsync(new SourceStored(sha, text, url, outlet, published), ct);
        return sha;
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/statements", (UseCaseEdge edge, Actor actor, StatementInput body, CancellationToken ct) =>
            edge.WriteHttpAsync(actor, (s, c) => HandleAsync(s, body, edge.Now, c), id => ApiAnswers.Created($"/api/statements/{id}", id), ct))
            .Requires(Needs).WithSummary("Record a statement; a source text given is stored once by its SHA-256").Creates();
}
