using System.Text.RegularExpressions;
using Parley.Record;

namespace Parley.Directory;

/// <summary>How names are folded for search, chosen for display, and validated.</summary>
public static partial class NameRules
{
    /// <summary>Lower case, diacritics removed (so ё matches е and é matches e), whitespace collapsed.</summary>
    public static string Fold(string value) => SearchText.Fold(value);

    public static string Display(IEnumerable<NameEntry> names, string lang)
    {
        var list = names.ToList();
        return (list.FirstOrDefault(n => n.Lang == lang && n.Kind == NameKind.Official)
                ?? list.FirstOrDefault(n => n.Kind == NameKind.Official)
                ?? list.FirstOrDefault())?.Value ?? "";
    }

    public static string Display(IEnumerable<NameForm> names, string lang, string fallback) =>
        Display(names.Select(n => new NameEntry(n.Value, n.Lang, n.Kind)), lang) is { Length: > 0 } s ? s : fallback;

    /// <summary>
    /// The one order names and identifiers are kept in (official first, then by language and text), so
    /// that equal states compare equal whatever order a database returns owned rows in.
    /// </summary>
    public static List<NameEntry> Canonical(IEnumerable<NameEntry> names) =>
        names.OrderBy(n => n.Kind).ThenBy(n => n.Lang, StringComparer.Ordinal).ThenBy(n => n.Value, StringComparer.Ordinal).ToList();

    public static List<Identifier> Canonical(IEnumerable<Identifier> ids) =>
        ids.OrderBy(i => i.Scheme, StringComparer.Ordinal).ThenBy(i => i.Value, StringComparer.Ordinal).ToList();

    public static void Canonicalize(List<NameForm> names) =>
        names.Sort((a, b) => a.Kind != b.Kind ? a.Kind.CompareTo(b.Kind)
            : string.CompareOrdinal(a.Lang, b.Lang) is var lang and not 0 ? lang : string.CompareOrdinal(a.Value, b.Value));

    public static void Canonicalize(List<ExternalId> ids) =>
        ids.Sort((a, b) => string.CompareOrdinal(a.Scheme, b.Scheme) is var scheme and not 0 ? scheme : string.CompareOrdinal(a.Value, b.Value));

    public static List<NameForm> ToForms(IEnumerable<NameEntry> names) =>
        names.Select(n => new NameForm { Value = n.Value, Lang = n.Lang, Kind = n.Kind, Folded = Fold(n.Value) }).ToList();

    public static DomainError? Validate(IReadOnlyList<NameEntry>? names, IReadOnlyList<Identifier>? identifiers)
    {
        if (names is null || names.Count == 0)
            return new DomainError("names", "At least one name is required.");
        for (var i = 0; i < names.Count; i++)
        {
            var name = names[i];
            if (string.IsNullOrWhiteSpace(name.Value))
                return new DomainError($"names[{i}].value", "A name cannot be empty.");
            if (name.Value.Length > Limits.Name)
                return new DomainError($"names[{i}].value", $"A name can be at most {Limits.Name} characters; this one has {name.Value.Length}.");
            if (name.Value.Trim() != name.Value)
                return new DomainError($"names[{i}].value", "A name cannot start or end with spaces.");
            if (string.IsNullOrEmpty(name.Lang) || !LanguageTag().IsMatch(name.Lang))
                return new DomainError($"names[{i}].lang", "The language must be a tag such as \"en\" or \"ru\".");
        }
        identifiers ??= [];
        for (var i = 0; i < identifiers.Count; i++)
        {
            var id = identifiers[i];
            if (string.IsNullOrEmpty(id.Scheme) || !Scheme().IsMatch(id.Scheme))
                return new DomainError($"identifiers[{i}].scheme", "The scheme must be 1–40 lower-case letters, digits, '_' or '-' (e.g. \"bioguide\").");
            if (string.IsNullOrWhiteSpace(id.Value) || id.Value.Length > Limits.Name)
                return new DomainError($"identifiers[{i}].value", $"The identifier must be 1–{Limits.Name} characters.");
        }
        var duplicate = identifiers.GroupBy(x => (x.Scheme, x.Value)).FirstOrDefault(g => g.Count() > 1);
        return duplicate is null ? null
            : new DomainError("identifiers", $"The identifier {duplicate.Key.Scheme}:{duplicate.Key.Value} is listed twice.");
    }

    [GeneratedRegex("^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")]
    private static partial Regex LanguageTag();

    [GeneratedRegex("^[a-z0-9_-]{1,40}$")]
    private static partial Regex Scheme();
}
