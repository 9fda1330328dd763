namespace Parley.Directory;

public enum InstitutionKind
{
    Country,
    HeadOfStateOffice,
    Legislature,
    Chamber,
    Committee,
    Subcommittee,
    Ministry,
    Embassy,
    PressOffice,
    Party,
    Other,
}

public enum NameKind
{
    Official,
    Alternate,
    Short,
    Transliteration,
}

/// <summary>One form of a name: "Константин Косачёв" in ru, "Konstantin Kosachev" in en.</summary>
public sealed class NameForm
{
    public required string Value { get; set; }
    public required string Lang { get; set; }
    public NameKind Kind { get; set; }

    /// <summary>Case and diacritics folded, for search; derived from <see cref="Value"/>.</summary>
    public string Folded { get; set; } = "";
}

/// <summary>An identifier in another register: bioguide, wikidata, thomas, …</summary>
public sealed class ExternalId
{
    public required string Scheme { get; set; }
    public required string Value { get; set; }
}

public sealed class Country
{
    public required string Code { get; set; }
    public required string NameEn { get; set; }
    public required string NameRu { get; set; }
}

public sealed class Institution
{
    public Guid Id { get; set; }
    public InstitutionKind Kind { get; set; }
    public string? CountryCode { get; set; }
    public Guid? ParentId { get; set; }
    public required string Name { get; set; }
    public List<NameForm> Names { get; set; } = [];
    public List<ExternalId> Identifiers { get; set; } = [];
}

public sealed class Person
{
    public Guid Id { get; set; }
    public required string Name { get; set; }
    public required string SortName { get; set; }
    public DateOnly? BirthDate { get; set; }
    public string? Gender { get; set; }
    public List<NameForm> Names { get; set; } = [];
    public List<ExternalId> Identifiers { get; set; } = [];
}

/// <summary>
/// A person's place in an institution (a Popolo membership, with the post in <see cref="Role"/>).
/// Unknown dates stay null; a membership seen only in a dated list has Start = End = that date.
/// </summary>
public sealed class Membership
{
    public Guid Id { get; set; }
    public Guid PersonId { get; set; }
    public Guid InstitutionId { get; set; }
    public required string Role { get; set; }
    public string? Party { get; set; }
    public string? Area { get; set; }
    public string? Note { get; set; }
    public DateOnly? Start { get; set; }
    public DateOnly? End { get; set; }
    public required string Source { get; set; }
}

/// <summary>
/// Projection of <see cref="DetailsRecorded"/>: a record's Popolo details as one JSON document (contact details, links,
/// sources, fields), read whole by the export, a person's page and invitations.
/// </summary>
public sealed class RecordDetails
{
    public DetailsOf Of { get; set; }
    public Guid Id { get; set; }
    public required string Json { get; set; }
}
