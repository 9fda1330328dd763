using System.Text;
using Microsoft.EntityFrameworkCore;
using Parley.Access;
using Parley.Record;
using Parley.Web;

namespace Parley.Statements;

public sealed record StatementInput(
    Guid? Speaker, Medium? Medium, DateOnly? SaidOn, string? Text, string? Language = "en", TimeOnly? Time = null, string? TimeZone = null,
    DateBasis DateBasis = DateBasis.Stated, string? Translation = null, string? TranslationLanguage = null, string? Outlet = null, string? Url = null,
    string? SourceText = null, DateOnly? SourcePublished = null, List<LinkInput>? Links = null);

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
            return new DomainError(field + "speaker", "Name the speaker: link a person in the directory (or create one).");
        if (!speakerKnown)
            return new DomainError(field + "speaker", $"No person {speaker} is in the directory.", ErrorKind.NotFound);
        if (input.Medium is not { } medium)
            return new DomainError(field + "medium", "Say how the statement was made (remarks, social media post, press briefing, interview, …).");
        if (input.SaidOn is not { } saidOn)
            return new DomainError(field + "saidOn", "The date the statement was made (or reported) is required.");
        if (saidOn > DateOnly.FromDateTime(now).AddDays(1))
            return new DomainError(field + "saidOn", $"A statement cannot be dated in the future ({saidOn:yyyy-MM-dd}).");
        if (string.IsNullOrWhiteSpace(input.Text) || input.Text.Length > StatementRegister.MaxText)
            return new DomainError(field + "text", $"The verbatim text is required, up to {StatementRegister.MaxText:N0} characters.");
        if (input.Language is not { Length: >= 2 and <= 12 } language)
            return new DomainError(field + "language", "A language tag (en, ru, …) is required.");
        if (input.Translation is { Length: > 0 } && (input.TranslationLanguage is not { Length: >= 2 and <= 12 } || input.TranslationLanguage == language))
            return new DomainError(field + "translationLanguage", "A translation needs its own language, different from the original's.");
        if (input.Translation is { Length: > StatementRegister.MaxText })
            return new DomainError(field + "translation", $"A translation is up to {StatementRegister.MaxText:N0} characters.");
        if (input.Url is { Length: > 0 } url && (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || url.Length > 2000))
            return new DomainError(field + "url", "The source URL must be an absolute http(s) address.");
        if (input.Outlet is { Length: > 200 })
            return new DomainError(field + "outlet", "An outlet's name is up to 200 characters.");
        DateTime? saidAt = null;
        if (input.Time is { } time)
        {
            if (input.TimeZone is not { Length: > 0 } zoneId || !TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out var zone))
                return new DomainError(field + "timeZone", "A time needs its time zone, as a tz name (Europe/Moscow, America/New_York).");
            saidAt = TimeZoneInfo.ConvertTimeToUtc(saidOn.ToDateTime(time, DateTimeKind.Unspecified), zone);
        }
        if (input.SourceText is { Length: > 0 } source && Encoding.UTF8.GetByteCount(source) > ArticleText.MaxBytes)
            return new DomainError(field + "sourceText", $"A stored source is at most {ArticleText.MaxBytes / (1024 * 1024)} MB of text.");
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
                return new DomainError(field + "links", $"No {link.Kind.ToString().ToLowerInvariant()} {link.Target} to link to.", ErrorKind.NotFound);
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
            edge.WriteHttpAsync(actor, (s, c) => HandleAsync(s, body, edge.Now, c), id => Results.Created($"/api/statements/{id}", new { id }), ct))
            .Requires(Needs).WithSummary("Record a statement; a source text given is stored once by its SHA-256");
}
