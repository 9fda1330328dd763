namespace Parley.Access;

/// <summary>Things a signed-in user may do. Each is an authorization policy of the same name.</summary>
public enum Permission
{
    ReadDirectory,
    EditDirectory,
    ReadAccounts,
    ReadRecord,
    ReadLetters,
    RegisterLetters,
    HandOverLetters,
    ReadStatements,
    RecordStatements,
    ReadEngagements,
    RecordEngagements,

    /// <summary>Approve or return proposals and charters; the step also checks the officer's institution.</summary>
    OverseeEngagements,
}

/// <summary>The one place that says which role may do what. Tests walk this as a matrix.</summary>
public static class AccessRules
{
    public static IReadOnlyList<Role> RolesFor(Permission permission) => permission switch
    {
        Permission.ReadDirectory => Enum.GetValues<Role>(),
        Permission.EditDirectory => [Role.RegistryClerk, Role.Staff, Role.Administrator],
        Permission.ReadAccounts => [Role.Administrator, Role.Auditor],
        Permission.ReadRecord => [Role.Auditor, Role.Administrator],
        Permission.ReadLetters => Enum.GetValues<Role>(),
        Permission.RegisterLetters => [Role.RegistryClerk, Role.Staff, Role.Administrator],
        Permission.HandOverLetters => [Role.RegistryClerk, Role.Courier, Role.Staff, Role.Administrator],
        Permission.ReadStatements => Enum.GetValues<Role>(),
        Permission.RecordStatements => [Role.RegistryClerk, Role.Staff, Role.Administrator],
        Permission.ReadEngagements => Enum.GetValues<Role>(),
        Permission.RecordEngagements => [Role.RegistryClerk, Role.Staff, Role.Administrator],
        Permission.OverseeEngagements => [Role.OversightOfficer],
    };

    public static bool Allows(Role role, Permission permission) => RolesFor(permission).Contains(role);

    public static string Slug(this Role role) => role switch
    {
        Role.RegistryClerk => "registry-clerk",
        Role.Courier => "courier",
        Role.Staff => "staff",
        Role.OversightOfficer => "oversight-officer",
        Role.Auditor => "auditor",
        Role.Administrator => "administrator",
    };

    public static Role? ParseRole(string text) =>
        Enum.GetValues<Role>().Cast<Role?>().FirstOrDefault(r => r!.Value.Slug() == text.Trim().ToLowerInvariant()
            || string.Equals(r.Value.ToString(), text.Trim(), StringComparison.OrdinalIgnoreCase));
}
