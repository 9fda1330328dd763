using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Parley.Directory;
using Parley.Record;

namespace Parley.Statements;

public sealed record StatementInput(
    Guid? Speaker, Medium? Medium, DateOnly? SaidOn, string? Text, string? Language = "en", TimeOnly? Time = null, string? TimeZone = null,
    DateBasis DateBasis = DateBasis.Stated, string? Translation = null, string? TranslationLanguage = null, string? Outlet = null, string? Url = null,
    string? SourceText = null, DateOnly? SourcePublished = null, List<LinkInput>? Links = null);

/// <summary>The statements register: record a statement (with its source kept by fingerprint), search, read one.</summary>
public static class StatementRegister
{
    public const int MaxText = 20_000;

    public sealed record Filter(string? Text = null, Guid? Speaker = null, Medium? Medium = null, DateOnly? From = null, DateOnly? To = null, RecordKind? Kind = null, Guid? Target = null);

    public static string Fingerprint(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    public static async Task<Result<Guid>> RecordAsync(WriteScope scope, StatementInput input, DateTime now, CancellationToken ct, string field = "")
    {
        var db = scope.Db;
        if (input.Speaker is not { } speaker)
            return new DomainError(field + "speaker", "Name the speaker: link a person in the directory (or create one).");
        if (!await db.People.AnyAsync(p => p.Id == speaker, ct))
            return new DomainError(field + "speaker", $"No person {speaker} is in the directory.", ErrorKind.NotFound);
        if (input.Medium is not { } medium)
            return new DomainError(field + "medium", "Say how the statement was made (remarks, social media post, press briefing, interview, …).");
        if (input.SaidOn is not { } saidOn)
            return new DomainError(field + "saidOn", "The date the statement was made (or reported) is required.");
        if (saidOn > DateOnly.FromDateTime(now).AddDays(1))
            return new DomainError(field + "saidOn", $"A statement cannot be dated in the future ({saidOn:yyyy-MM-dd}).");
        if (string.IsNullOrWhiteSpace(input.Text) || input.Text.Length > MaxText)
            return new DomainError(field + "text", $"The verbatim text is required, up to {MaxText:N0} characters.");
        if (input.Language is not { Length: >= 2 and <= 12 } language)
            return new DomainError(field + "language", "A language tag (en, ru, …) is required.");
        if (input.Translation is { Length: > 0 } && (input.TranslationLanguage is not { Length: >= 2 and <= 12 } || input.TranslationLanguage == language))
            return new DomainError(field + "translationLanguage", "A translation needs its own language, different from the original's.");
        if (input.Translation is { Length: > MaxText })
            return new DomainError(field + "translation", $"A translation is up to {MaxText:N0} characters.");
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
        // Links may point at records this same write made (a story recorded in one go): write those first.
        await scope.FlushAsync(ct);
        var links = (input.Links ?? []).Distinct().ToList();
        foreach (var link in links)
        {
            if (!await LinkExistsAsync(db, link, ct))
                return new DomainError(field + "links", $"No {link.Kind.ToString().ToLowerInvariant()} {link.Target} to link to.", ErrorKind.NotFound);
        }
        string? sha = null;
        if (input.SourceText is { Length: > 0 } source)
        {
            if (Encoding.UTF8.GetByteCount(source) > ArticleText.MaxBytes)
                return new DomainError(field + "sourceText", $"A stored source is at most {ArticleText.MaxBytes / (1024 * 1024)} MB of text.");
            sha = await StoreSourceAsync(scope, source, input.Url, input.Outlet, input.SourcePublished, ct);
        }
        var id = Guid.CreateVersion7();
        await scope.RecordAsync(new StatementRecorded(id, speaker, medium, saidOn, saidAt, input.DateBasis, language, input.Text.Trim(),
            input.Translation is { Length: > 0 } t ? t.Trim() : null, input.Translation is { Length: > 0 } ? input.TranslationLanguage : null,
            input.Outlet?.Trim() is { Length: > 0 } o ? o : null, input.Url is { Length: > 0 } ? input.Url : null, sha, links), ct);
        return Result<Guid>.Ok(id);
    }

    /// <summary>Stores a source's text once per fingerprint, and returns the fingerprint.</summary>
    public static async Task<string> StoreSourceAsync(WriteScope scope, string text, string? url, string? outlet, DateOnly? published, CancellationToken ct)
    {
        var sha = Fingerprint(text);
        await scope.FlushAsync(ct);
        if (!await scope.Db.StatementSources.AnyAsync(s => s.Sha256 == sha, ct))
            await scope.RecordAsync(new SourceStored(sha, text, url, outlet, published), ct);
        return sha;
    }

    /// <summary>The one letter with this registration number, as forms type a link.</summary>
    public static async Task<Result<Guid>> LetterNumberedAsync(ParleyDb db, string number, CancellationToken ct)
    {
        var letters = await db.Letters.Where(l => l.Number == number.Trim()).Select(l => l.Id).Take(2).ToListAsync(ct);
        return letters.Count == 1 ? Result<Guid>.Ok(letters[0])
            : new DomainError("letter", $"{(letters.Count == 0 ? "No letter" : "More than one letter")} has the number {number}.");
    }

    public static async Task<bool> LinkExistsAsync(ParleyDb db, LinkInput link, CancellationToken ct) => link.Kind switch
    {
        RecordKind.Letter => await db.Letters.AnyAsync(l => l.Id == link.Target, ct),
        RecordKind.Person => await db.People.AnyAsync(p => p.Id == link.Target, ct),
        RecordKind.Institution => await db.Institutions.AnyAsync(i => i.Id == link.Target, ct),
        RecordKind.Statement => await db.Statements.AnyAsync(s => s.Id == link.Target, ct),
        RecordKind.Visit => await db.Visits.AnyAsync(v => v.Id == link.Target, ct),
        RecordKind.Meeting => await db.Meetings.AnyAsync(m => m.Id == link.Target, ct),
        RecordKind.Proposal => await db.Proposals.AnyAsync(p => p.Id == link.Target, ct),
        RecordKind.TaskForce => await db.TaskForces.AnyAsync(t => t.Id == link.Target, ct),
    };

    public static async Task<(IReadOnlyList<Statement> Rows, bool HasMore)> PageAsync(ParleyDb db, Filter filter, int page, int size, CancellationToken ct)
    {
        (page, size) = (Math.Max(1, page), Math.Clamp(size, 1, 200));
        var query = db.Statements.AsNoTracking();
        if (filter.Speaker is { } speaker)
            query = query.Where(s => s.Speaker == speaker);
        if (filter.Medium is { } medium)
            query = query.Where(s => s.Medium == medium);
        if (filter.From is { } from)
            query = query.Where(s => s.SaidOn >= from);
        if (filter.To is { } to)
            query = query.Where(s => s.SaidOn <= to);
        if (filter.Kind is { } kind && filter.Target is { } target)
            query = query.Where(s => s.Links.Any(l => l.Kind == kind && l.Target == target));
        if (filter.Text is { Length: > 0 } text)
        {
            // Folded in C# when recorded and when asked, so case and diacritics match in Cyrillic on SQLite too.
            var like = $"%{NameRules.Fold(text).Replace("%", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal)}%";
            var speakers = db.People.Where(p => p.Names.Any(n => EF.Functions.Like(n.Folded, like))).Select(p => p.Id);
            query = query.Where(s => EF.Functions.Like(s.Search, like) || speakers.Contains(s.Speaker));
        }
        var rows = await query.OrderByDescending(s => s.SaidOn).ThenByDescending(s => s.Id).Skip((page - 1) * size).Take(size + 1).ToListAsync(ct);
        return (rows.Take(size).ToList(), rows.Count > size);
    }
}
