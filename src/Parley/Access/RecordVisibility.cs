using System.Security.Claims;

namespace Parley.Access;

/// <summary>Which records' events a user may read: an auditor all, others those of the features their roles can read.</summary>
public static class RecordVisibility
{
    public static bool CanSee(ClaimsPrincipal user, string stream)
    {
        var roles = user.FindAll(ClaimTypes.Role).Select(c => Enum.TryParse<Role>(c.Value, out var r) ? r : (Role?)null).OfType<Role>().ToList();
        if (roles.Contains(Role.Auditor))
            return true;
        var needs = stream.Split('/')[0] switch
        {
            "person" or "institution" or "country" => Permission.ReadDirectory,
            "account" or "witness" => Permission.ReadAccounts,
            "statement" or "source" or "commitment" => Permission.ReadStatements,
            "visit" or "meeting" or "proposal" or "task-force" or "calendar" or "busy" => Permission.ReadEngagements,
            _ => Permission.ReadRecord,
        };
        return roles.Any(r => AccessRules.Allows(r, needs));
    }
}
