using Microsoft.AspNetCore.Identity;

namespace Parley.Access;

public enum Role
{
    RegistryClerk,
    Courier,
    Staff,
    OversightOfficer,
    Auditor,
    Administrator,
}

/// <summary>Sign-in secrets (password hash, lock-out state). Kept beside the record, never in it.</summary>
public sealed class Credential : IdentityUser<Guid>;

/// <summary>Projection of an account: who it is, where it belongs, what it may do.</summary>
public sealed class Account
{
    public Guid Id { get; set; }
    public required string UserName { get; set; }
    public required string DisplayName { get; set; }
    public Guid InstitutionId { get; set; }
    public List<AccountRole> Roles { get; set; } = [];
}

public sealed class AccountRole
{
    public Role Role { get; set; }
}

/// <summary>Projection of an API token's public facts.</summary>
public sealed class ApiToken
{
    public Guid Id { get; set; }
    public Guid AccountId { get; set; }
    public required string Name { get; set; }
    public DateTime IssuedAt { get; set; }
    public DateTime? RevokedAt { get; set; }
}

/// <summary>The SHA-256 of a bearer token. A secret, so not in the record; the token itself is never stored.</summary>
public sealed class TokenSecret
{
    public Guid TokenId { get; set; }
    public required byte[] Hash { get; set; }
}

/// <summary>Projection of a person's passkey: the public half, as registered in the ledger at <see cref="RegisteredIndex"/>.</summary>
public sealed class Passkey
{
    /// <summary>The WebAuthn credential id, base64url.</summary>
    public required string CredentialId { get; set; }
    public Guid AccountId { get; set; }

    /// <summary>The COSE_Key, base64.</summary>
    public required string PublicKey { get; set; }

    /// <summary>The relying party (the host name) it is scoped to.</summary>
    public required string RpId { get; set; }
    public required string Label { get; set; }
    public DateTime RegisteredAt { get; set; }
    public long RegisteredIndex { get; set; }
}
