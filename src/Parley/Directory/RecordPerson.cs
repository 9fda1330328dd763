using Microsoft.EntityFrameworkCore;
using Parley.Record;

namespace Parley.Directory;

public sealed record PersonInput(
    string? SortName,
    IReadOnlyList<NameEntry>? Names,
    IReadOnlyList<Identifier>? Identifiers,
    DateOnly? BirthDate = null,
    string? Gender = null);

/// <summary>Adds a person or records a change to one.</summary>
public static class RecordPerson
{
    public static DomainError? Validate(PersonInput input)
    {
        if (NameRules.Validate(input.Names, input.Identifiers) is { } error)
            return error;
        if (input.SortName is { Length: > Limits.Name })
            return DirectoryErrors.SortNameTooLong;
        return input.Gender is { Length: > 20 } ? DirectoryErrors.GenderTooLong : null;
    }

    /// <summary>The event that brings <paramref name="current"/> to <paramref name="input"/>, or null when nothing changes.</summary>
    public static PersonRecorded? Decide(Guid id, Person? current, PersonInput input)
    {
        var names = input.Names ?? [];
        var sortName = string.IsNullOrWhiteSpace(input.SortName) ? NameRules.Display(names, "en") : input.SortName.Trim();
        var next = new PersonRecorded(id, sortName, NameRules.Canonical(names), NameRules.Canonical(input.Identifiers ?? []), input.BirthDate, input.Gender);
        return current is not null && EventCatalog.Serialize(next) == EventCatalog.Serialize(FromState(current)) ? null : next;
    }

    public static PersonRecorded FromState(Person p) => new(
        p.Id, p.SortName,
        NameRules.Canonical(p.Names.Select(n => new NameEntry(n.Value, n.Lang, n.Kind))),
        NameRules.Canonical(p.Identifiers.Select(x => new Identifier(x.Scheme, x.Value))),
        p.BirthDate, p.Gender);

    public static async Task<Result<Guid>> HandleAsync(WriteScope scope, Guid id, PersonInput input, CancellationToken ct)
    {
        if (Validate(input) is { } invalid)
            return invalid;
        var current = await scope.Db.People.FirstOrDefaultAsync(p => p.Id == id, ct);
        if (await FindIdentifierConflictAsync(scope.Db, id, input.Identifiers ?? [], ct) is { } conflict)
            return conflict;
        if (Decide(id, current, input) is { } change)
            await scope.RecordAsync(change, ct);
        return Result<Guid>.Ok(id);
    }

    private static async Task<DomainError?> FindIdentifierConflictAsync(
        ParleyDb db, Guid id, IReadOnlyList<Identifier> identifiers, CancellationToken ct)
    {
        for (var i = 0; i < identifiers.Count; i++)
        {
            var (scheme, value) = (identifiers[i].Scheme, identifiers[i].Value);
            var holder = await db.People.Where(p => p.Id != id && p.Identifiers.Any(x => x.Scheme == scheme && x.Value == value))
                .Select(p => p.Name).FirstOrDefaultAsync(ct);
            if (holder is not null)
                return DirectoryErrors.IdentifierTaken(i, scheme, value, holder);
        }
        return null;
    }
}
