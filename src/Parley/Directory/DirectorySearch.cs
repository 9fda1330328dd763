using Parley.Record;

namespace Parley.Directory;

/// <summary>What institutions and people are found by in the search index: every name form, in every language.</summary>
public static class DirectorySearch
{
    public const string Institution = "institution";
    public const string Person = "person";

    public static string Document(IEnumerable<NameEntry> names) => SearchText.Document(names.Select(n => n.Value).Distinct());
}
