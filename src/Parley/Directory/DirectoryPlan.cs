namespace Parley.Directory;

/// <summary>Where a planned record came from, so a fault names the file and line.</summary>
public sealed record Origin(string File, long Line)
{
    public ImportException Fault(string message) => new(File, Line, message);

    public string Describe() => $"{File}:{Line}";
}

/// <summary>An institution to add or merge, with the Popolo details its source gives (merged with those stored).</summary>
public sealed record PlannedInstitution(Guid Id, InstitutionInput Input, Origin Origin, Details? Details = null);

/// <summary>A person to add or merge: matched to an existing person by any shared identifier, else given <paramref name="Id"/>.</summary>
public sealed record PlannedPerson(Guid Id, PersonInput Input, Origin Origin, Details? Details = null);

/// <summary>A membership whose person is named by an identifier (bioguide:…), resolved when written.</summary>
public sealed record PlannedMembership(Guid Id, Identifier Person, string PersonLabel, MembershipInput Input, Origin Origin, Details? Details = null);

/// <summary>Everything an import wants the directory to hold, read and checked before anything is written.</summary>
public sealed class DirectoryPlan
{
    public List<CountryRecorded> Countries { get; } = [];
    public List<PlannedInstitution> Institutions { get; } = [];
    public List<PlannedPerson> People { get; } = [];
    public List<PlannedMembership> Memberships { get; } = [];

    /// <summary>The scheme of the source's own ids, which also matches people across imports of that source.</summary>
    public string? MatchingScheme { get; init; }

    /// <summary>What the source holds that the import did not place, each naming its file and line, for the report.</summary>
    public List<string> NotPlaced { get; } = [];

    public int Count => Countries.Count + Institutions.Count + People.Count + Memberships.Count;
}

/// <summary>How many of the plan's records an import considered, and how many it changed (a record and its details count once).</summary>
public sealed record ImportSummary(int Considered, int Recorded)
{
    public override string ToString() => Recorded == 0
        ? $"No changes: all {Considered:N0} records were already up to date."
        : $"Recorded changes to {Recorded:N0} records ({Considered - Recorded:N0} of {Considered:N0} were already up to date).";
}
