using System.ComponentModel.DataAnnotations;
using Fido2NetLib;
using Microsoft.AspNetCore.Identity;
using Parley.Record;
using Parley.Web;

namespace Parley.Access;

public sealed record PasskeyAnswer([property: MaxLength(8000)] string? State, System.Text.Json.JsonElement? Response);

/// <summary>Sign in with a passkey instead of a password: any passkey registered on this site, chosen by the person in the browser.</summary>
public static class PasskeySignIn
{
    private const string Purpose = "sign-in";

    public static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/passkeys/sign-in").WithTags("Access").AllowAnonymous();
        group.MapPost("/options", (WebAuthn webAuthn, HttpRequest request) =>
        {
            var options = WebAuthn.AssertionOptionsFor(request, []);
            return WebAuthn.Begun(webAuthn.Seal(Purpose, options.ToJson()), options.ToJson());
        }).Produces<WebAuthnBegun>().WithSummary("Begin signing in with a passkey: options for navigator.credentials.get and the state to send back");
        group.MapPost("/", async (ParleyDb db, WebAuthn webAuthn, SignInManager<Credential> signIn, HttpRequest request, PasskeyAnswer body, CancellationToken ct) =>
        {
            if (webAuthn.OpenOnce<string>(Purpose, body.State) is not { } sealedOptions)
                return new DomainError("state", "The sign-in began more than five minutes ago or was already answered; start it again.").ToProblem();
            var verified = await WebAuthn.VerifyAsync(db, request, AssertionOptions.FromJson(sealedOptions), WebAuthn.Read<AuthenticatorAssertionRawResponse>(body.Response), ct);
            if (!verified.Succeeded)
                return verified.Error!.ToProblem();
            var user = await signIn.UserManager.FindByIdAsync(verified.Value!.AccountId.ToString());
            if (user is null || await signIn.UserManager.IsLockedOutAsync(user))
                return new DomainError("assertion", "This passkey's account cannot sign in (it is locked for 15 minutes after 5 failed attempts, or gone).", ErrorKind.Forbidden).ToProblem();
            await signIn.SignInAsync(user, isPersistent: false);
            await SignInLanguage.StartAsync(request.HttpContext, db, user.Id, ct);
            return Results.NoContent();
        }).Produces(204).WithSummary("Finish signing in with a passkey (sets the sign-in cookie)");
    }
}
