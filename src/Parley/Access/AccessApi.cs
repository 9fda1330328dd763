using Microsoft.EntityFrameworkCore;
using Parley.Record;

namespace Parley.Access;

public static class AccessApi
{
    public static void MapAccessApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/me", (Actor actor) => Results.Ok(new Me(actor.UserName, actor.Institution, actor.Roles.Select(r => r.ToString()).ToList())))
            .WithTags("Access").Produces<Me>().WithSummary("Who the caller is and what roles they hold").RequireAuthorization();
        app.MapGet("/api/accounts", async (ParleyDb db, CancellationToken ct) =>
            (await db.Accounts.AsNoTracking().OrderBy(a => a.UserName).ToListAsync(ct))
                .Select(a => new AccountRow(a.Id, a.UserName, a.DisplayName, a.InstitutionId, a.Roles.Select(r => r.Role.Slug()).ToList())))
            .WithTags("Access").Produces<AccountRow[]>().WithSummary("Accounts and their roles").RequireAuthorization(Permission.ReadAccounts.ToString());
        RegisterPasskey.Map(app);
        PasskeySignIn.Map(app);
    }
}

/// <summary>The caller: user name, institution, roles.</summary>
public sealed record Me(string Name, Guid? Institution, IReadOnlyList<string> Roles);

/// <summary>An account as administrators see it.</summary>
public sealed record AccountRow(Guid Id, string UserName, string DisplayName, Guid InstitutionId, IReadOnlyList<string> Roles);
