using Microsoft.EntityFrameworkCore;
using Parley.Record;

namespace Parley.Access;

/// <summary>Revoke an API token, named by its id or by the token itself; it stops working at once.</summary>
public static class RevokeToken
{
    public static Result<TokenRevoked> Decide(ApiToken? token) =>
        token is null ? AccessErrors.NoToken
        : token.RevokedAt is not null ? AccessErrors.TokenRevoked(token.Id)
        : new TokenRevoked(token.Id, token.AccountId);

    public static async Task<Result<Guid>> HandleAsync(WriteScope scope, string idOrToken, CancellationToken ct)
    {
        Guid? id = Guid.TryParse(idOrToken, out var parsed) ? parsed : null;
        if (id is null)
        {
            var hash = Accounts.HashToken(idOrToken.Trim());
            id = await scope.Db.TokenSecrets.Where(s => s.Hash == hash).Select(s => (Guid?)s.TokenId).FirstOrDefaultAsync(ct);
        }
        return await scope.RecordAsync(Decide(id is null ? null : await scope.Db.Tokens.FirstOrDefaultAsync(t => t.Id == id, ct)), e => e.Id, ct);
    }
}
