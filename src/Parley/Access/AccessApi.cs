using Microsoft.EntityFrameworkCore;
using Parley.Record;

namespace Parley.Access;

public static class AccessApi
{
    public static void MapAccessApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/me", (Actor actor) => Results.Ok(new
        {
            name = actor.UserName,
            institution = actor.Institution,
            roles = actor.Roles.Select(r => r.ToString()),
        })).WithTags("Access").WithSummary("Who the caller is and what roles they hold").RequireAuthorization();
        app.MapGet("/api/accounts", async (ParleyDb db, CancellationToken ct) =>
            (await db.Accounts.AsNoTracking().OrderBy(a => a.UserName).ToListAsync(ct))
                .Select(a => new { a.Id, a.UserName, a.DisplayName, a.InstitutionId, Roles = a.Roles.Select(r => r.Role.Slug()) }))
            .WithTags("Access").WithSummary("Accounts and their roles").RequireAuthorization(Permission.ReadAccounts.ToString());
        RegisterPasskey.Map(app);
        PasskeySignIn.Map(app);
    }
}
