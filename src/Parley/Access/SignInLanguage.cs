using Microsoft.EntityFrameworkCore;
using Parley.Record;
using Parley.Web;

namespace Parley.Access;

/// <summary>
/// Someone who has not chosen a language starts in their institution's: Russian for a Russian institution's staff.
/// The header's switch sets the same cookie, which is then theirs; both ways of signing in call this.
/// </summary>
public static class SignInLanguage
{
    public static async Task StartAsync(HttpContext http, ParleyDb db, Guid accountId, CancellationToken ct)
    {
        if (Languages.Chosen(http.Request))
            return;
        var country = await db.Accounts.AsNoTracking().Where(a => a.Id == accountId)
            .Join(db.Institutions, a => a.InstitutionId, i => i.Id, (a, i) => i.CountryCode).FirstOrDefaultAsync(ct);
        if (country == "RU")
            Languages.Remember(http.Response, "ru");
    }
}
