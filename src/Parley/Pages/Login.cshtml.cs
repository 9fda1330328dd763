using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
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
            if (await signIn.UserManager.FindByNameAsync(UserName.Trim()) is { } user)
                await SignInLanguage.StartAsync(HttpContext, db, user.Id, HttpContext.RequestAborted);
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
        }
        // One answer for every failure: saying "locked" only to existing accounts would tell which user names exist.
        Error = text["Wrong user name or password, or the account is locked for 15 minutes after 5 failed attempts."];
        return Page();
    }
}
