using Parley.Record;

namespace Parley.Access;

public abstract record AccessEvent : IEvent
{
    public abstract string Stream { get; }
}

[EventType("access.account-created")]
public sealed record AccountCreated(Guid Id, string UserName, string DisplayName, Guid InstitutionId, IReadOnlyList<Role> Roles)
    : AccessEvent
{
    public override string Stream => $"account/{Id}";
}

[EventType("access.role-granted")]
public sealed record RoleGranted(Guid AccountId, Role Role) : AccessEvent
{
    public override string Stream => $"account/{AccountId}";
}

[EventType("access.role-revoked")]
public sealed record RoleRevoked(Guid AccountId, Role Role) : AccessEvent
{
    public override string Stream => $"account/{AccountId}";
}

[EventType("access.token-issued")]
public sealed record TokenIssued(Guid Id, Guid AccountId, string Name) : AccessEvent
{
    public override string Stream => $"account/{AccountId}";
}

[EventType("access.token-revoked")]
public sealed record TokenRevoked(Guid Id, Guid AccountId) : AccessEvent
{
    public override string Stream => $"account/{AccountId}";
}

/// <summary>A person registered a passkey: its credential id and COSE public key enter the record, so a signature by it can be checked offline.</summary>
[EventType("access.passkey-registered")]
public sealed record PasskeyRegistered(Guid AccountId, string CredentialId, string PublicKey, string RpId, string Label) : AccessEvent
{
    public override string Stream => $"account/{AccountId}";
}
