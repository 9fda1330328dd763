using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Parley.Record;

namespace Parley.Access;

public sealed record NewAccount(string UserName, string? DisplayName, Guid InstitutionId, IReadOnlyList<Role> Roles, string Password);

/// <summary>Create an account: the record gets who it is, where it belongs and its roles; the password goes to the credential tables only.</summary>
public static partial class CreateAccount
{
    public static Result<AccountCreated> Decide(NewAccount input, bool institutionKnown, bool nameTaken, Guid id)
    {
        if (!UserNamePattern().IsMatch(input.UserName))
            return AccessErrors.UserNameShape;
        if (input.Roles.Count == 0)
            return AccessErrors.NoRole;
        if (!institutionKnown)
            return AccessErrors.NoInstitution(input.InstitutionId);
        if (nameTaken)
            return AccessErrors.NameTaken(input.UserName);
        return new AccountCreated(id, input.UserName, input.DisplayName ?? input.UserName, input.InstitutionId, input.Roles);
    }

    public static async Task<Result<Guid>> HandleAsync(WriteScope scope, UserManager<Credential> users, NewAccount input, CancellationToken ct)
    {
        var decided = Decide(input, await scope.Db.Institutions.AnyAsync(i => i.Id == input.InstitutionId, ct),
            UserNamePattern().IsMatch(input.UserName) && await users.FindByNameAsync(input.UserName) is not null, Guid.CreateVersion7());
        if (!decided.Succeeded)
            return decided.Error!;
        var account = decided.Value!;
        await scope.RecordAsync(account, ct);
        // A refused password rolls the whole write back, the event included.
        var created = await users.CreateAsync(new Credential { Id = account.Id, UserName = input.UserName }, input.Password);
        if (!created.Succeeded)
            return AccessErrors.Password(created.Errors.Select(e => e.Description));
        return Result<Guid>.Ok(account.Id);
    }

    [GeneratedRegex("^[A-Za-z0-9._-]{2,64}$")]
    private static partial Regex UserNamePattern();
}
