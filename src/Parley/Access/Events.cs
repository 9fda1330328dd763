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
