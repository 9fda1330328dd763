using System.Text.Json;
using Fido2NetLib;
using Fido2NetLib.Objects;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Parley.Record;

namespace Parley.Access;

/// <summary>
/// The WebAuthn ceremonies' edge (Fido2): the relying party is the host a request came to (its origin the only one
/// accepted), and what a ceremony began with travels to the browser and back sealed by the server's ring and valid
/// for five minutes, so no state is kept between the two requests.
/// </summary>
public sealed class WebAuthn(IDataProtectionProvider protection, TimeProvider clock)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    /// <summary>States already answered, until they expire: each ceremony is answered once, so a captured answer cannot be replayed.</summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, DateTimeOffset> _answered = new(StringComparer.Ordinal);

    public static IFido2 For(HttpRequest request) => new Fido2(new Fido2Configuration
    {
        RPID = request.Host.Host,
        RPName = "Parley",
        Origins = new HashSet<string>(StringComparer.Ordinal) { $"{request.Scheme}://{request.Host}" },
    });

    /// <summary>Seals what a ceremony began with for <paramref name="purpose"/>, to come back with the browser's answer.</summary>
    public string Seal<T>(string purpose, T value) =>
        Protector(purpose).Protect(JsonSerializer.Serialize(value), clock.GetUtcNow() + Lifetime);

    /// <summary>What <see cref="Seal"/> sealed, or null when it was altered, is for another purpose, or is older than five minutes.</summary>
    private T? Open<T>(string purpose, string? state) where T : class
    {
        if (string.IsNullOrEmpty(state))
            return null;
        try
        {
            return JsonSerializer.Deserialize<T>(Protector(purpose).Unprotect(state, out var expires)) is { } value && expires > clock.GetUtcNow() ? value : null;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }

    /// <summary>Like <see cref="Open"/>, and the state is spent: a second answer to the same ceremony is refused.</summary>
    public T? OpenOnce<T>(string purpose, string? state) where T : class
    {
        if (Open<T>(purpose, state) is not { } value)
            return null;
        var now = clock.GetUtcNow();
        foreach (var (key, expires) in _answered)
        {
            if (expires < now)
                _answered.TryRemove(key, out _);
        }
        return _answered.TryAdd(Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(state!))), now + Lifetime) ? value : null;
    }

    /// <summary>
    /// A ceremony's first answer: the sealed state and the options, written with Fido2's own JSON (its names are
    /// WebAuthn's, which the API's JSON settings would rename).
    /// </summary>
    /// <summary>The options for the browser's WebAuthn call and the sealed state to send back with its answer (<see cref="WebAuthnBegun"/>).</summary>
    public static IResult Begun(string state, string optionsJson) =>
        Results.Text($"{{\"state\":{JsonSerializer.Serialize(state)},\"options\":{optionsJson}}}", "application/json");

    /// <summary>Assertion options for a person's own passkeys (or, with none named, any passkey of this site), with <paramref name="challenge"/> when given.</summary>
    public static AssertionOptions AssertionOptionsFor(HttpRequest request, IEnumerable<Passkey> passkeys, byte[]? challenge = null)
    {
        var options = For(request).GetAssertionOptions(new GetAssertionOptionsParams
        {
            AllowedCredentials = passkeys.Select(p => new PublicKeyCredentialDescriptor(Microsoft.AspNetCore.WebUtilities.WebEncoders.Base64UrlDecode(p.CredentialId))).ToList(),
            UserVerification = UserVerificationRequirement.Preferred,
        });
        if (challenge is not null)
            options.Challenge = challenge;
        return options;
    }

    /// <summary>Checks an assertion against the options it answers and the passkey it names; the error names the field.</summary>
    public static async Task<Result<Passkey>> VerifyAsync(ParleyDb db, HttpRequest request, AssertionOptions original, AuthenticatorAssertionRawResponse? response, CancellationToken ct)
    {
        if (response is null)
            return new DomainError("assertion", "The passkey's answer is missing.");
        var id = Microsoft.AspNetCore.WebUtilities.WebEncoders.Base64UrlEncode(response.RawId ?? []);
        var passkey = await db.Passkeys.AsNoTracking().FirstOrDefaultAsync(p => p.CredentialId == id, ct);
        if (passkey is null)
            return new DomainError("assertion", "That passkey is not registered here.");
        try
        {
            await For(request).MakeAssertionAsync(new MakeAssertionParams
            {
                AssertionResponse = response,
                OriginalOptions = original,
                StoredPublicKey = Convert.FromBase64String(passkey.PublicKey),
                // Passkeys synced between devices keep no counter; clones are not what this guards against.
                StoredSignatureCounter = 0,
                IsUserHandleOwnerOfCredentialIdCallback = (args, _) =>
                    Task.FromResult(args.UserHandle is null || args.UserHandle.AsSpan().SequenceEqual(passkey.AccountId.ToByteArray())),
            }, ct);
        }
        catch (Fido2VerificationException e)
        {
            return new DomainError("assertion", $"The passkey's answer does not verify: {e.Message}");
        }
        return passkey;
    }

    /// <summary>
    /// Reads a browser's WebAuthn answer with Fido2's own JSON reading (its choices are named as WebAuthn names them,
    /// "public-key", which the API's enum-by-name reading would refuse); null when it does not read.
    /// </summary>
    public static T? Read<T>(JsonElement? answer) where T : class
    {
        if (answer is not { ValueKind: JsonValueKind.Object } element)
            return null;
        try
        {
            return element.Deserialize<T>();
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private ITimeLimitedDataProtector Protector(string purpose) =>
        protection.CreateProtector("parley.webauthn", purpose).ToTimeLimitedDataProtector();
}

/// <summary>A WebAuthn ceremony begun: <c>options</c> for navigator.credentials, <c>state</c> to send back with the answer.</summary>
public sealed record WebAuthnBegun(string State, System.Text.Json.JsonElement Options);
