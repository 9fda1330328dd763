using Parley.Record;

namespace Parley.Access;

/// <summary>Every way an account command is refused: the field it is about, what to fix, and its kind.</summary>
public static class AccessErrors
{
    public static readonly DomainError UserNameShape = new("name", "A user name is 2–64 characters: letters, digits, '.', '_' or '-'.");
    public static readonly DomainError NoRole = new("role", "Give the account at least one role.");

    public static DomainError NoInstitution(Guid id) => new("institution", $"No institution {id} is in the directory.", ErrorKind.NotFound);

    public static DomainError NameTaken(string name) => new("name", $"The user name '{name}' is taken.", ErrorKind.Conflict);

    public static DomainError Password(IEnumerable<string> faults) => new("password", string.Join(" ", faults));

    public static DomainError NoUser(string name) => new("name", $"No user '{name}'.", ErrorKind.NotFound);

    public static DomainError RoleUnchanged(string name, Role role, bool grant) =>
        new("role", $"'{name}' {(grant ? "already has" : "does not have")} the role {role.Slug()}.", ErrorKind.Conflict);

    public static readonly DomainError NoToken = new("token", "No such token: give the id printed when it was created, or the token itself.", ErrorKind.NotFound);

    public static DomainError TokenRevoked(Guid id) => new("token", $"Token {id} was already revoked.", ErrorKind.Conflict);
}
