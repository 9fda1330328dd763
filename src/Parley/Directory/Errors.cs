using Parley.Record;

namespace Parley.Directory;

/// <summary>Every way a directory command is refused: the field it is about, what to fix, and its kind.</summary>
public static class DirectoryErrors
{
    public static readonly DomainError KindMissing = new("kind", $"The kind is required: one of {string.Join(", ", Enum.GetNames<InstitutionKind>())}.");

    public static DomainError NoCountry(string code) => new("countryCode", $"No country with code '{code}' is in the directory.");

    public static readonly DomainError InsideItself = new("parentId", "An institution cannot be inside itself.");

    public static DomainError NoParent(Guid id) => new("parentId", $"No institution {id} is in the directory.", ErrorKind.NotFound);

    public static readonly DomainError RoleMissing = new("role", "The role or title is required (e.g. \"Member\", \"Chairman\").");

    public static DomainError TooLong(string field) => new(field, "This field can be at most 200 characters.");

    public static DomainError EndBeforeStart(DateOnly end, DateOnly start) => new("end", $"The end date {end:yyyy-MM-dd} is before the start date {start:yyyy-MM-dd}.");

    public static DomainError NoPerson(Guid id) => new("personId", $"No person {id} is in the directory.", ErrorKind.NotFound);

    public static DomainError NoInstitution(Guid id) => new("institutionId", $"No institution {id} is in the directory.", ErrorKind.NotFound);

    public static readonly DomainError SortNameTooLong = new("sortName", $"The sort name can be at most {Limits.Name} characters.");
    public static readonly DomainError GenderTooLong = new("gender", "The gender can be at most 20 characters.");

    public static DomainError IdentifierTaken(int i, string scheme, string value, string holder) =>
        new($"identifiers[{i}]", $"{scheme}:{value} already belongs to {holder}.", ErrorKind.Conflict);
}
