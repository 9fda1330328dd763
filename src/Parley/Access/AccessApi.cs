using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Parley.Record;

namespace Parley.Access;

public static class AccessApi
{
    public static void MapAccessApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/me", (ClaimsPrincipal user) => Results.Ok(new
        {
            name = user.Identity?.Name,
            institution = ParleyClaims.InstitutionOf(user),
            roles = user.FindAll(ClaimTypes.Role).Select(c => c.Value),
        })).WithTags("Access").WithSummary("Who the caller is and what roles they hold").RequireAuthorization();
        app.MapGet("/api/accounts", async (ParleyDb db, CancellationToken ct) =>
            (await db.Accounts.AsNoTracking().OrderBy(a => a.UserName).ToListAsync(ct))
                .Select(a => new { a.Id, a.UserName, a.DisplayName, a.InstitutionId, Roles = a.Roles.Select(r => r.Role.Slug()) }))
            .WithTags("Access").WithSummary("Accounts and their roles").RequireAuthorization(nameof(Permission.ReadAccounts));
    }
}
