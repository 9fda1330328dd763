using System.Security.Cryptography;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Parley.Record;

namespace Parley.Access;

/// <summary>Issue an API bearer token for a user; only its SHA-256 is stored, outside the record, and the token is shown once.</summary>
public static class IssueToken
{
    public static async Task<Result<(Guid Id, string Token)>> HandleAsync(WriteScope scope, string userName, string? name, CancellationToken ct)
    {
        var account = await scope.Db.Accounts.FirstOrDefaultAsync(a => a.UserName == userName, ct);
        if (account is null)
            return AccessErrors.NoUser(userName);
        var id = Guid.CreateVersion7();
        var token = "parley_" + WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        await scope.RecordAsync(new TokenIssued(id, account.Id, string.IsNullOrWhiteSpace(name) ? "cli" : name.Trim()), ct);
        scope.Db.TokenSecrets.Add(new TokenSecret { TokenId = id, Hash = Accounts.HashToken(token) });
        return Result<(Guid, string)>.Ok((id, token));
    }
}
