using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Parley.Record;

/// <summary>
/// A projection row: what one record (a letter, a statement, an institution, a person) can be found by, as the folded
/// terms of its searchable fields separated by single spaces. Each database indexes this table with its own full-text
/// index, one per kind (see <see cref="SearchIndex"/>), so a search reads an index, never the records.
/// </summary>
public sealed class SearchDocument
{
    public required string Kind { get; set; }
    public Guid Id { get; set; }
    public required string Text { get; set; }
}

/// <summary>One record a search found, and how well it matched: lower is better on both databases.</summary>
public sealed class SearchHit
{
    public Guid Id { get; set; }
    public double Rank { get; set; }
}

/// <summary>
/// How text becomes search terms, the same for what is recorded and what is asked, and in C# rather than in either
/// database's tokenizer so that both find exactly the same records: Unicode case and diacritics folded (ё as е, é as e),
/// split at everything that is not a letter or a digit.
/// </summary>
public static class SearchText
{
    /// <summary>A query's terms beyond this many are ignored: each narrows the result, and each costs an index read.</summary>
    public const int MaxQueryTerms = 12;

    /// <summary>Lower case, diacritics removed, whitespace collapsed to single spaces.</summary>
    public static string Fold(string value)
    {
        var decomposed = value.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        var space = false;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
                continue;
            if (char.IsWhiteSpace(c))
            {
                space = builder.Length > 0;
                continue;
            }
            if (space)
                builder.Append(' ');
            space = false;
            builder.Append(char.ToLowerInvariant(c));
        }
        return builder.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>The folded words of a text, in order.</summary>
    public static IEnumerable<string> Terms(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            yield break;
        var folded = Fold(text);
        var start = -1;
        for (var i = 0; i <= folded.Length; i++)
        {
            var word = i < folded.Length && char.IsLetterOrDigit(folded[i]);
            if (word && start < 0)
                start = i;
            else if (!word && start >= 0)
            {
                yield return folded[start..i];
                start = -1;
            }
        }
    }

    /// <summary>A query's distinct terms, at most <see cref="MaxQueryTerms"/>; none when it has nothing to search for.</summary>
    public static IReadOnlyList<string> Query(string? text) => Terms(text).Distinct().Take(MaxQueryTerms).ToList();

    /// <summary>The stored form of a record's searchable fields.</summary>
    public static string Document(params IEnumerable<string?> fields) => string.Join(' ', fields.SelectMany(Terms));

    /// <summary>Whether every query term begins some word of the text: what the indexes answer, for one field in memory.</summary>
    public static bool Matches(string? text, IReadOnlyList<string> query)
    {
        var words = Terms(text).ToList();
        return query.All(q => words.Exists(w => w.StartsWith(q, StringComparison.Ordinal)));
    }
}

/// <summary>
/// The full-text indexes over <see cref="SearchDocument"/>: on SQLite an FTS5 table per kind (search_KIND, kept by
/// triggers on search_documents, reading its text through a view of that kind's rows); on PostgreSQL a stored tsvector
/// column ('simple' configuration: the terms are folded already, and stemming would make the two databases disagree)
/// with a GIN index per kind. A query's terms are all required, each as a word prefix ("mosc" finds Moscow).
/// </summary>
public static class SearchIndex
{
    /// <summary>Records (or replaces) what a record is found by; no row when it has no terms.</summary>
    public static async Task PutAsync(ParleyDb db, string kind, Guid id, string text, CancellationToken ct)
    {
        var row = await db.FindRowAsync<SearchDocument>([kind, id], ct);
        if (row is null)
            db.SearchDocuments.Add(new SearchDocument { Kind = kind, Id = id, Text = text });
        else
            row.Text = text;
    }

    /// <summary>
    /// The records of <paramref name="kind"/> holding every term as a word prefix, with their rank, as a query the caller
    /// composes (joins, filters, order) so that the database does the rest. The terms must come from <see cref="SearchText.Query"/>.
    /// </summary>
    public static IQueryable<SearchHit> Hits(ParleyDb db, string kind, IReadOnlyList<string> terms)
    {
        if (terms.Count == 0)
            throw new ArgumentException("A search needs at least one term.", nameof(terms));
        var table = Table(db, kind);
        // The table name is a declared kind's; terms hold only letters and digits (SearchText.Terms), so quoting them is
        // all either query syntax needs, and they go in as a parameter.
        var sql = db is SqliteParleyDb
            ? $"SELECT d.\"Id\" AS \"Id\", bm25({table}) AS \"Rank\" FROM {table} JOIN search_documents d ON d.rowid = {table}.rowid WHERE {table} MATCH {{0}}"
            : "SELECT d.\"Id\" AS \"Id\", -ts_rank(d.\"Vector\", q)::float8 AS \"Rank\" FROM search_documents d, to_tsquery('simple', {0}) q " +
              $"WHERE d.\"Kind\" = '{kind}' AND d.\"Vector\" @@ q";
        var match = db is SqliteParleyDb ? string.Join(' ', terms.Select(t => $"\"{t}\"*")) : string.Join(" & ", terms.Select(t => $"'{t}':*"));
        return db.Database.SqlQueryRaw<SearchHit>(sql, match);
    }

    /// <summary>
    /// SQLite's indexes are tables of their own, kept in step by triggers: checks each against its kind's documents and
    /// names the first that differs (PostgreSQL's GIN indexes are the database's own, always in step with the column).
    /// </summary>
    public static async Task<string?> CheckAsync(ParleyDb db, CancellationToken ct)
    {
        if (db is not SqliteParleyDb)
            return null;
        foreach (var kind in db.Modules.SearchKinds)
        {
            var table = Table(db, kind);
            try
            {
                var check = $"INSERT INTO {table}({table}, rank) VALUES ('integrity-check', 1)";
                await db.Database.ExecuteSqlRawAsync(check, ct);
            }
            catch (SqliteException e) when (e.SqliteErrorCode is 267 or 11)
            {
                // SQLITE_CORRUPT_VTAB / SQLITE_CORRUPT: the index no longer holds exactly the documents' terms.
                return $"{table}: the full-text index does not match search_documents ({e.Message}); parley rebuild recreates it";
            }
        }
        return null;
    }

    /// <summary>Recreates SQLite's indexes from the documents (after a VACUUM, which may renumber their rows).</summary>
    public static async Task RecreateAsync(ParleyDb db, CancellationToken ct)
    {
        if (db is not SqliteParleyDb)
            return;
        foreach (var kind in db.Modules.SearchKinds)
        {
            var table = Table(db, kind);
            var rebuild = $"INSERT INTO {table}({table}) VALUES ('rebuild')";
            await db.Database.ExecuteSqlRawAsync(rebuild, ct);
        }
    }

    private static string Table(ParleyDb db, string kind) =>
        db.Modules.SearchKinds.Contains(kind) ? $"search_{kind}" : throw new ArgumentException($"No module declares the search kind '{kind}'.", nameof(kind));
}
