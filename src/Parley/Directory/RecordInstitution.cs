using Microsoft.EntityFrameworkCore;
using Parley.Record;

namespace Parley.Directory;

public sealed record InstitutionInput(
    InstitutionKind? Kind,
    string? CountryCode,
    Guid? ParentId,
    IReadOnlyList<NameEntry>? Names,
    IReadOnlyList<Identifier>? Identifiers);

/// <summary>Adds an institution or records a change to one.</summary>
public static class RecordInstitution
{
    public static DomainError? Validate(InstitutionInput input)
    {
        if (input.Kind is not { } kind || !Enum.IsDefined(kind))
            return DirectoryErrors.KindMissing;
        return NameRules.Validate(input.Names, input.Identifiers);
    }

    public static InstitutionRecorded? Decide(Guid id, Institution? current, InstitutionInput input)
    {
        var next = new InstitutionRecorded(id, input.Kind!.Value, input.CountryCode, input.ParentId, NameRules.Canonical(input.Names ?? []), NameRules.Canonical(input.Identifiers ?? []));
        return current is not null && EventCatalog.Serialize(next) == EventCatalog.Serialize(FromState(current)) ? null : next;
    }

    public static InstitutionRecorded FromState(Institution i) => new(
        i.Id, i.Kind, i.CountryCode, i.ParentId,
        NameRules.Canonical(i.Names.Select(n => new NameEntry(n.Value, n.Lang, n.Kind))),
        NameRules.Canonical(i.Identifiers.Select(x => new Identifier(x.Scheme, x.Value))));

    public static async Task<Result<Guid>> HandleAsync(WriteScope scope, Guid id, InstitutionInput input, CancellationToken ct)
    {
        if (Validate(input) is { } invalid)
            return invalid;
        var db = scope.Db;
        if (input.CountryCode is { } code && !await db.Countries.AnyAsync(c => c.Code == code, ct))
            return DirectoryErrors.NoCountry(code);
        if (input.ParentId is { } parent && await CheckParentAsync(db, id, parent, ct) is { } bad)
            return bad;
        var current = await db.Institutions.FirstOrDefaultAsync(i => i.Id == id, ct);
        if (Decide(id, current, input) is { } change)
            await scope.RecordAsync(change, ct);
        return Result<Guid>.Ok(id);
    }

    private static async Task<DomainError?> CheckParentAsync(ParleyDb db, Guid id, Guid parent, CancellationToken ct)
    {
        Guid? cursor = parent;
        for (var depth = 0; cursor is { } at; depth++)
        {
            if (at == id || depth > 20)
                return DirectoryErrors.InsideItself;
            var row = await db.Institutions.Where(i => i.Id == at).Select(i => new { i.ParentId }).FirstOrDefaultAsync(ct);
            if (row is null)
                return DirectoryErrors.NoParent(at);
            cursor = row.ParentId;
        }
        return null;
    }
}
