using System.Security.Claims;

namespace Parley.Access;

/// <summary>
/// The signed-in user as use cases see them: name, institution, roles and account, resolved once at the edge (the API
/// binds it as a parameter, pages read it from their base class). Use cases and key use take this, never a
/// <see cref="ClaimsPrincipal"/>.
/// </summary>
public sealed record Actor(string UserName, Guid? Institution, IReadOnlySet<Role> Roles, Guid? Account = null)
{
    /// <summary>How the actor is written on the events they cause.</summary>
    public string Recorded => $"user:{UserName}";

    public bool IsAuditor => Roles.Contains(Role.Auditor);

    /// <summary>A courier-only account never sees more than a letter's envelope.</summary>
    public bool IsCourierOnly => Roles.Count > 0 && Roles.All(r => r == Role.Courier);

    public bool May(Permission permission) => Roles.Any(r => AccessRules.Allows(r, permission));

    public static Actor Of(ClaimsPrincipal user) => new(
        user.Identity?.Name ?? "anonymous",
        ParleyClaims.InstitutionOf(user),
        user.FindAll(ClaimTypes.Role).Select(c => Enum.TryParse<Role>(c.Value, out var r) ? r : (Role?)null).OfType<Role>().ToHashSet(),
        Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var account) ? account : null);

    /// <summary>A user of <paramref name="institution"/> with <paramref name="roles"/>, for the demo story, imports and benchmarks.</summary>
    public static Actor Of(string userName, Guid institution, params Role[] roles) => new(userName, institution, roles.ToHashSet());

    /// <summary>Minimal API binding: an endpoint that takes an <see cref="Actor"/> gets the request's user.</summary>
    public static ValueTask<Actor?> BindAsync(HttpContext context) => ValueTask.FromResult<Actor?>(Of(context.User));
}
