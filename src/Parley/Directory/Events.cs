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
