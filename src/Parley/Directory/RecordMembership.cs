using Microsoft.EntityFrameworkCore;
using Parley.Record;

namespace Parley.Directory;

public sealed record MembershipInput(
    Guid PersonId,
    Guid InstitutionId,
    string? Role,
    string? Party = null,
    string? Area = null,
    string? Note = null,
    DateOnly? Start = null,
    DateOnly? End = null,
    string? Source = null);

/// <summary>Records a person's membership or post in an institution.</summary>
public static class RecordMembership
{
    public static DomainError? Validate(MembershipInput input)
    {
        if (string.IsNullOrWhiteSpace(input.Role))
            return DirectoryErrors.RoleMissing;
        foreach (var (field, value) in new[] { ("role", input.Role), ("party", input.Party), ("area", input.Area), ("note", input.Note), ("source", input.Source) })
        {
            if (value is { Length: > 200 })
                return DirectoryErrors.TooLong(field);
        }
        return input.Start is { } start && input.End is { } end && end < start
            ? DirectoryErrors.EndBeforeStart(end, start)
            : null;
    }

    public static MembershipRecorded? Decide(Guid id, Membership? current, MembershipInput input)
    {
        var next = new MembershipRecorded(id, input.PersonId, input.InstitutionId, input.Role!.Trim(), input.Party, input.Area,
            input.Note, input.Start, input.End, input.Source ?? "manual");
        if (current is null)
            return next;
        var now = new MembershipRecorded(current.Id, current.PersonId, current.InstitutionId, current.Role, current.Party,
            current.Area, current.Note, current.Start, current.End, current.Source);
        return now == next ? null : next;
    }

    public static async Task<Result<Guid>> HandleAsync(WriteScope scope, Guid id, MembershipInput input, CancellationToken ct)
    {
        if (Validate(input) is { } invalid)
            return invalid;
        var db = scope.Db;
        if (!await db.People.AnyAsync(p => p.Id == input.PersonId, ct))
            return DirectoryErrors.NoPerson(input.PersonId);
        if (!await db.Institutions.AnyAsync(i => i.Id == input.InstitutionId, ct))
            return DirectoryErrors.NoInstitution(input.InstitutionId);
        var current = await db.Memberships.FirstOrDefaultAsync(m => m.Id == id, ct);
        if (Decide(id, current, input) is { } change)
            await scope.RecordAsync(change, ct);
        return Result<Guid>.Ok(id);
    }
}
