using Parley.Record;

namespace Parley.Access;

public static class AccessProjection
{
    public static async ValueTask ApplyAsync(ParleyDb db, AccessEvent e, StoredEvent stored, CancellationToken ct)
    {
        switch (e)
        {
            case AccountCreated a:
                db.Accounts.Add(new Account
                {
                    Id = a.Id,
                    UserName = a.UserName,
                    DisplayName = a.DisplayName,
                    InstitutionId = a.InstitutionId,
                    Roles = a.Roles.Select(r => new AccountRole { Role = r }).ToList(),
                });
                break;
            case RoleGranted g:
                var granted = await FindAsync(db, g.AccountId, ct);
                if (granted.Roles.All(r => r.Role != g.Role))
                    granted.Roles.Add(new AccountRole { Role = g.Role });
                break;
            case RoleRevoked r:
                var revoked = await FindAsync(db, r.AccountId, ct);
                revoked.Roles.RemoveAll(x => x.Role == r.Role);
                break;
            case TokenIssued t:
                db.Tokens.Add(new ApiToken { Id = t.Id, AccountId = t.AccountId, Name = t.Name, IssuedAt = stored.RecordedAt });
                break;
            case TokenRevoked t:
                var token = await db.FindRowAsync<ApiToken>([t.Id], ct)
                    ?? throw new InvalidOperationException($"Token {t.Id} is not in the projection.");
                token.RevokedAt = stored.RecordedAt;
                break;
            case PasskeyRegistered p:
                db.Passkeys.Add(new Passkey
                {
                    CredentialId = p.CredentialId,
                    AccountId = p.AccountId,
                    PublicKey = p.PublicKey,
                    RpId = p.RpId,
                    Label = p.Label,
                    RegisteredAt = stored.RecordedAt,
                    RegisteredIndex = stored.Sequence,
                });
                break;
            default:
                throw new InvalidOperationException($"AccessProjection does not handle {e.GetType().Name}.");
        }
    }

    private static async Task<Account> FindAsync(ParleyDb db, Guid id, CancellationToken ct) =>
        await db.FindRowAsync<Account>([id], ct)
        ?? throw new InvalidOperationException($"Account {id} is not in the projection.");
}
