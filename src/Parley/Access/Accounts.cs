using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Parley.Record;

namespace Parley.Access;

public sealed record NewAccount(string UserName, string? DisplayName, Guid InstitutionId, IReadOnlyList<Role> Roles, string Password);

/// <summary>Account and token use cases. The record gets the facts; the secrets go to the credential tables only.</summary>
public static partial class Accounts
{
    public static async Task<Result<Guid>> CreateAsync(WriteScope scope, UserManager<Credential> users, NewAccount input, CancellationToken ct)
    {
        if (!UserNamePattern().IsMatch(input.UserName))
            return new DomainError("name", "A user name is 2–64 characters: letters, digits, '.', '_' or '-'.");
        if (input.Roles.Count == 0)
            return new DomainError("role", "Give the account at least one role.");
        if (!await scope.Db.Institutions.AnyAsync(i => i.Id == input.InstitutionId, ct))
            return new DomainError("institution", $"No institution {input.InstitutionId} is in the directory.", ErrorKind.NotFound);
        if (await users.FindByNameAsync(input.UserName) is not null)
            return new DomainError("name", $"The user name '{input.UserName}' is taken.", ErrorKind.Conflict);
        var id = Guid.CreateVersion7();
        await scope.RecordAsync(new AccountCreated(id, input.UserName, input.DisplayName ?? input.UserName, input.InstitutionId, input.Roles), ct);
        var created = await users.CreateAsync(new Credential { Id = id, UserName = input.UserName }, input.Password);
        if (!created.Succeeded)
            return new DomainError("password", string.Join(" ", created.Errors.Select(e => e.Description)));
        return Result<Guid>.Ok(id);
    }

    public static async Task<Result<(Guid Id, string Token)>> IssueTokenAsync(WriteScope scope, string userName, string? name, CancellationToken ct)
    {
        var account = await scope.Db.Accounts.FirstOrDefaultAsync(a => a.UserName == userName, ct);
        if (account is null)
            return new DomainError("name", $"No user '{userName}'.", ErrorKind.NotFound);
        var id = Guid.CreateVersion7();
        var token = "parley_" + WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        await scope.RecordAsync(new TokenIssued(id, account.Id, string.IsNullOrWhiteSpace(name) ? "cli" : name.Trim()), ct);
        scope.Db.TokenSecrets.Add(new TokenSecret { TokenId = id, Hash = HashToken(token) });
        return Result<(Guid, string)>.Ok((id, token));
    }

    public static async Task<Result<Guid>> RevokeTokenAsync(WriteScope scope, string idOrToken, CancellationToken ct)
    {
        Guid? id = Guid.TryParse(idOrToken, out var parsed) ? parsed : null;
        if (id is null)
        {
            var hash = HashToken(idOrToken.Trim());
            id = await scope.Db.TokenSecrets.Where(s => s.Hash == hash).Select(s => (Guid?)s.TokenId).FirstOrDefaultAsync(ct);
        }
        var token = id is null ? null : await scope.Db.Tokens.FirstOrDefaultAsync(t => t.Id == id, ct);
        if (token is null)
            return new DomainError("token", "No such token: give the id printed when it was created, or the token itself.", ErrorKind.NotFound);
        if (token.RevokedAt is not null)
            return new DomainError("token", $"Token {token.Id} was already revoked.", ErrorKind.Conflict);
        await scope.RecordAsync(new TokenRevoked(token.Id, token.AccountId), ct);
        return Result<Guid>.Ok(token.Id);
    }

    public static async Task<Result<Guid>> ChangeRoleAsync(WriteScope scope, UserManager<Credential> users, string userName, Role role, bool grant, CancellationToken ct)
    {
        var account = await scope.Db.Accounts.FirstOrDefaultAsync(a => a.UserName == userName, ct);
        if (account is null)
            return new DomainError("name", $"No user '{userName}'.", ErrorKind.NotFound);
        var has = account.Roles.Any(r => r.Role == role);
        if (has == grant)
            return new DomainError("role", $"'{userName}' {(grant ? "already has" : "does not have")} the role {role.Slug()}.", ErrorKind.Conflict);
        await scope.RecordAsync(grant ? new RoleGranted(account.Id, role) : new RoleRevoked(account.Id, role), ct);
        // A new security stamp signs the user's existing sessions out, so a revoked role stops at once.
        var credential = await users.FindByIdAsync(account.Id.ToString());
        if (credential is not null)
            await users.UpdateSecurityStampAsync(credential);
        return Result<Guid>.Ok(account.Id);
    }

    public static byte[] HashToken(string token) => SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token));

    public static string GeneratePassword() => WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(15));

    [GeneratedRegex("^[A-Za-z0-9._-]{2,64}$")]
    private static partial Regex UserNamePattern();
}
