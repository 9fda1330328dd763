using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Parley.Record;

namespace Parley.Access;

public static class ParleyClaims
{
    public const string Institution = "parley:institution";
    public const string DisplayName = "parley:display-name";

    public static async Task<List<Claim>> ForAccountAsync(ParleyDb db, Guid accountId, CancellationToken ct)
    {
        var account = await db.Accounts.AsNoTracking().FirstOrDefaultAsync(a => a.Id == accountId, ct);
        if (account is null)
            return [];
        var claims = new List<Claim>
        {
            new(Institution, account.InstitutionId.ToString()),
            new(DisplayName, account.DisplayName),
        };
        claims.AddRange(account.Roles.Select(r => new Claim(ClaimTypes.Role, r.Role.ToString())));
        return claims;
    }

    public static Guid? InstitutionOf(ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(Institution), out var id) ? id : null;
}

/// <summary>Puts the account's roles and institution into the sign-in cookie.</summary>
public sealed class AccountClaimsFactory(UserManager<Credential> users, IOptions<IdentityOptions> options, ParleyDb db)
    : UserClaimsPrincipalFactory<Credential>(users, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(Credential user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaims(await ParleyClaims.ForAccountAsync(db, user.Id, CancellationToken.None));
        return identity;
    }
}

/// <summary>`Authorization: Bearer parley_…` for the API; only a SHA-256 of each token is stored.</summary>
public sealed class TokenAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ParleyDb db)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Bearer";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            return AuthenticateResult.NoResult();
        var hash = Accounts.HashToken(header["Bearer ".Length..].Trim());
        var found = await (from secret in db.TokenSecrets
                           join token in db.Tokens on secret.TokenId equals token.Id
                           join account in db.Accounts on token.AccountId equals account.Id
                           where secret.Hash == hash && token.RevokedAt == null
                           select new { account.Id, account.UserName }).FirstOrDefaultAsync(Context.RequestAborted);
        if (found is null)
            return AuthenticateResult.Fail("The bearer token is unknown or revoked.");
        var claims = await ParleyClaims.ForAccountAsync(db, found.Id, Context.RequestAborted);
        claims.Add(new Claim(ClaimTypes.NameIdentifier, found.Id.ToString()));
        claims.Add(new Claim(ClaimTypes.Name, found.UserName));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }
}
