using System.ComponentModel.DataAnnotations;
using Fido2NetLib;
using Fido2NetLib.Objects;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Parley.Record;
using Parley.Web;

namespace Parley.Access;

/// <summary>The browser's answer to a registration, with the sealed options it answers and a name for the passkey.</summary>
public sealed record NewPasskey([property: MaxLength(100)] string? Label, [property: MaxLength(8000)] string? State, System.Text.Json.JsonElement? Response);

/// <summary>
/// Register a passkey for the signed-in person (WebAuthn, Fido2): its public key enters the ledger, so every custody
/// step it signs can be checked later by anyone holding the record, without the server.
/// </summary>
public static class RegisterPasskey
{
    public const int MaxLabel = 100;
    private const string Purpose = "register";

    public static Result<PasskeyRegistered> Decide(Guid account, string? label, RegisteredPublicKeyCredential credential, string rpId, bool known)
    {
        var name = label?.Trim() ?? "";
        if (name.Length is 0 or > MaxLabel)
            return new DomainError("label", $"Give the passkey a name (1 to {MaxLabel} characters), e.g. the device it lives on.");
        if (known)
            return new DomainError("response", "That passkey is already registered.", ErrorKind.Conflict);
        return new PasskeyRegistered(account, WebEncoders.Base64UrlEncode(credential.Id), Convert.ToBase64String(credential.PublicKey), rpId, name);
    }

    /// <summary>The options for the browser's <c>navigator.credentials.create</c>, and the sealed state to send back.</summary>
    public static async Task<(CredentialCreateOptions Options, string State)> BeginAsync(ParleyDb db, WebAuthn webAuthn, HttpRequest request, Actor actor, CancellationToken ct)
    {
        var account = actor.Account ?? throw new DomainException(AccessErrors.NoUser(actor.UserName));
        var existing = await db.Passkeys.AsNoTracking().Where(p => p.AccountId == account).Select(p => p.CredentialId).ToListAsync(ct);
        var options = WebAuthn.For(request).RequestNewCredential(new RequestNewCredentialParams
        {
            User = new Fido2User { Id = account.ToByteArray(), Name = actor.UserName, DisplayName = actor.UserName },
            ExcludeCredentials = existing.Select(id => new PublicKeyCredentialDescriptor(WebEncoders.Base64UrlDecode(id))).ToList(),
            AuthenticatorSelection = new AuthenticatorSelection { ResidentKey = ResidentKeyRequirement.Required, UserVerification = UserVerificationRequirement.Preferred },
            AttestationPreference = AttestationConveyancePreference.None,
        });
        return (options, webAuthn.Seal(Purpose + account, options.ToJson()));
    }

    public static async Task<Result<Guid>> HandleAsync(WriteScope scope, WebAuthn webAuthn, HttpRequest request, Actor actor, NewPasskey input, CancellationToken ct)
    {
        if (actor.Account is not { } account)
            return AccessErrors.NoUser(actor.UserName);
        if (webAuthn.OpenOnce<string>(Purpose + account, input.State) is not { } sealedOptions)
            return new DomainError("state", "The registration began more than five minutes ago or in another session; start it again.");
        if (WebAuthn.Read<AuthenticatorAttestationRawResponse>(input.Response) is not { } response)
            return new DomainError("response", "The browser's answer is missing or does not read as a WebAuthn attestation.");
        RegisteredPublicKeyCredential credential;
        try
        {
            credential = await WebAuthn.For(request).MakeNewCredentialAsync(new MakeNewCredentialParams
            {
                AttestationResponse = response,
                OriginalOptions = CredentialCreateOptions.FromJson(sealedOptions),
                IsCredentialIdUniqueToUserCallback = async (args, c) =>
                    !await scope.Db.Passkeys.AnyAsync(p => p.CredentialId == WebEncoders.Base64UrlEncode(args.CredentialId), c),
            }, ct);
        }
        catch (Fido2VerificationException e)
        {
            return new DomainError("response", $"The passkey could not be registered: {e.Message}");
        }
        var id = WebEncoders.Base64UrlEncode(credential.Id);
        var decided = Decide(account, input.Label, credential, request.Host.Host, await scope.Db.Passkeys.AnyAsync(p => p.CredentialId == id, ct));
        return await scope.RecordAsync(decided, _ => account, ct);
    }

    public static void Map(IEndpointRouteBuilder app)
    {
        var passkeys = app.MapGroup("/api/passkeys").WithTags("Access").RequireAuthorization();
        passkeys.MapGet("/", async (ParleyDb db, Actor actor, CancellationToken ct) =>
            (await db.Passkeys.AsNoTracking().Where(p => p.AccountId == actor.Account).OrderBy(p => p.RegisteredAt).ToListAsync(ct))
                .Select(p => new PasskeyRow(p.CredentialId, p.Label, p.RegisteredAt, p.RegisteredIndex)))
            .Produces<PasskeyRow[]>().WithSummary("The signed-in person's passkeys");
        passkeys.MapPost("/options", async (ParleyDb db, WebAuthn webAuthn, HttpRequest request, Actor actor, CancellationToken ct) =>
        {
            var (options, state) = await BeginAsync(db, webAuthn, request, actor, ct);
            return WebAuthn.Begun(state, options.ToJson());
        }).Produces<WebAuthnBegun>().WithSummary("Begin registering a passkey: options for navigator.credentials.create and the state to send back");
        passkeys.MapPost("/", (UseCaseEdge edge, WebAuthn webAuthn, HttpRequest request, Actor actor, NewPasskey body, CancellationToken ct) =>
            edge.WriteHttpAsync(actor, (s, c) => HandleAsync(s, webAuthn, request, actor, body, c), _ => Results.Created("/api/passkeys", null), ct))
            .Produces(201)
            .WithSummary("Finish registering a passkey: its public key enters the record");
    }
}

/// <summary>A passkey as its owner sees it: the credential, its label, and where the ledger recorded its public key.</summary>
public sealed record PasskeyRow(string CredentialId, string Label, DateTime RegisteredAt, long RegisteredIndex);
