using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Parley.Access;
using Parley.Record;
using Parley.Web;

namespace Parley.Pages;

public sealed class LoginModel(SignInManager<Credential> signIn, IStringLocalizer<Text> text, ParleyDb db) : PageModel
{
    [BindProperty]
    public string UserName { get; set; } = "";

    [BindProperty]
    public string Password { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnPostAsync()
    {
        var result = await signIn.PasswordSignInAsync(UserName.Trim(), Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            await StartInTheirLanguageAsync(UserName.Trim());
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
        }
        // One answer for every failure: saying "locked" only to existing accounts would tell which user names exist.
        Error = text["Wrong user name or password, or the account is locked for 15 minutes after 5 failed attempts."];
        return Page();
    }

    /// <summary>
    /// Someone who has not chosen a language starts in their institution's: Russian for a Russian institution's staff
    /// (the header's switch sets the cookie, which is then theirs).
    /// </summary>
    private async Task StartInTheirLanguageAsync(string userName)
    {
        if (Languages.Chosen(Request))
            return;
        var country = await db.Accounts.AsNoTracking().Where(a => a.UserName == userName)
            .Join(db.Institutions, a => a.InstitutionId, i => i.Id, (a, i) => i.CountryCode).FirstOrDefaultAsync();
        if (country != "RU")
            return;
        Languages.Remember(Response, "ru");
    }
}
