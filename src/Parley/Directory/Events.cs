using System.ComponentModel.DataAnnotations;
using Parley.Record;

namespace Parley.Directory;

public sealed record NameEntry([property: MaxLength(300)] string Value, [property: MaxLength(12)] string Lang, NameKind Kind = NameKind.Official);

public sealed record Identifier([property: MaxLength(100)] string Scheme, [property: MaxLength(300)] string Value);

public abstract record DirectoryEvent : IEvent
{
    public abstract string Stream { get; }
}

[EventType("directory.country-recorded")]
public sealed record CountryRecorded(string Code, string NameEn, string NameRu) : DirectoryEvent
{
    public override string Stream => $"country/{Code}";
}

/// <summary>The whole current state of an institution: recorded when it is added and whenever it changes.</summary>
[EventType("directory.institution-recorded")]
public sealed record InstitutionRecorded(
    Guid Id,
    InstitutionKind Kind,
    string? CountryCode,
    Guid? ParentId,
    IReadOnlyList<NameEntry> Names,
    IReadOnlyList<Identifier> Identifiers) : DirectoryEvent
{
    public override string Stream => $"institution/{Id}";
}

/// <summary>The whole current state of a person: recorded when they are added and whenever it changes.</summary>
[EventType("directory.person-recorded")]
public sealed record PersonRecorded(
    Guid Id,
    string SortName,
    IReadOnlyList<NameEntry> Names,
    IReadOnlyList<Identifier> Identifiers,
    DateOnly? BirthDate,
    string? Gender) : DirectoryEvent
{
    public override string Stream => $"person/{Id}";
}

[EventType("directory.membership-recorded")]
public sealed record MembershipRecorded(
    Guid Id,
    Guid PersonId,
    Guid InstitutionId,
    string Role,
    string? Party,
    string? Area,
    string? Note,
    DateOnly? Start,
    DateOnly? End,
    string Source) : DirectoryEvent
{
    public override string Stream => $"person/{PersonId}";
}

/// <summary>A way to reach a person or institution (Popolo contact_detail): an e-mail address, a phone, an account.</summary>
public sealed record ContactDetail(string Type, string Value, string? Label = null, string? Note = null, string? ValidFrom = null, string? ValidUntil = null);

/// <summary>A web page about a record, or one its data came from (Popolo link and source).</summary>
public sealed record WebLink(string Url, string? Note = null);

/// <summary>Which record a <see cref="DetailsRecorded"/> is about.</summary>
public enum DetailsOf
{
    Person,
    Institution,
    Membership,
}

/// <summary>
/// What the Popolo specification defines for a person, institution or membership beyond the directory's own columns:
/// contact details, links, sources, and every other spec-defined field (given and family names, partial dates, an
/// image, a post and whom the post is held on behalf of…) verbatim in <see cref="Fields"/>. The whole current state,
/// recorded whenever it changes; an export writes it back.
/// </summary>
[EventType("directory.details-recorded")]
public sealed record DetailsRecorded(
    DetailsOf Of,
    Guid Id,
    Guid? Person,
    IReadOnlyList<ContactDetail> ContactDetails,
    IReadOnlyList<WebLink> Links,
    IReadOnlyList<WebLink> Sources,
    System.Text.Json.Nodes.JsonObject Fields) : DirectoryEvent
{
    // A membership's details are its person's record, as the membership is.
    public override string Stream => Of switch
    {
        DetailsOf.Institution => $"institution/{Id}",
        DetailsOf.Membership => $"person/{Person}",
        _ => $"person/{Id}",
    };
}
