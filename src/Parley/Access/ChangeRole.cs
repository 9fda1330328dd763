using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Parley.Record;

namespace Parley.Access;

/// <summary>Grant or revoke a role; the user's existing sessions are signed out, so a revoked role stops at once.</summary>
public static class ChangeRole
{
    public static Result<AccessEvent> Decide(string userName, Account? account, Role role, bool grant)
    {
        if (account is null)
            return AccessErrors.NoUser(userName);
        if (account.Roles.Any(r => r.Role == role) == grant)
            return AccessErrors.RoleUnchanged(userName, role, grant);
        return grant ? new RoleGranted(account.Id, role) : new RoleRevoked(account.Id, role);
    }

    public static async Task<Result<Guid>> HandleAsync(WriteScope scope, UserManager<Credential> users, string userName, Role role, bool grant, CancellationToken ct)
    {
        var account = await scope.Db.Accounts.FirstOrDefaultAsync(a => a.UserName == userName, ct);
        var decided = Decide(userName, account, role, grant);
        if (!decided.Succeeded)
            return decided.Error!;
        await scope.RecordAsync(decided.Value!, ct);
        // A new security stamp signs the user's existing sessions out.
        var credential = await users.FindByIdAsync(account!.Id.ToString());
        if (credential is not null)
            await users.UpdateSecurityStampAsync(credential);
        return Result<Guid>.Ok(account.Id);
    }
}
