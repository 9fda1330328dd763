using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Fido2NetLib;
using Fido2NetLib.Objects;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Parley.Access;
using Parley.Record;

namespace Parley.Correspondence;

/// <summary>A custody step decided but not yet recorded, waiting for its person's passkey: what it is, the exact event, and its input.</summary>
public sealed record PreparedStep(string Step, Guid LetterId, Guid? HandoverId, Guid Id, DateTime Now, string Type, string Payload, string Input, string Options);

/// <summary>A passkey's assertion over a prepared step, verified against the options it answers and the passkey's registered key.</summary>
public sealed record PasskeySignature(PreparedStep Prepared, Passkey Passkey, AuthenticatorAssertionRawResponse Response);

/// <summary>
/// Personal signatures on custody: a hand-over, confirmation, dispute or acknowledgement by a person who has a
/// passkey is signed by that passkey. The challenge is the SHA-256 of the step's statement: the event's canonical
/// bytes as the ledger will hold them, less what only the ledger adds (index, time, salt). The assertion is recorded
/// beside the step in the same write, and <see cref="Check"/> verifies it offline from the record alone.
/// </summary>
public static class PersonalSignatures
{
    private const string Purpose = "custody-step";
    private static readonly byte[] Magic = "parley/personal-statement/v1"u8.ToArray();

    /// <summary>What a person signs for a step: type, actor, stream and payload, each length-prefixed (as <c>CanonicalEvent</c> frames them).</summary>
    public static byte[] Statement(string type, string actor, string stream, string payload)
    {
        using var buffer = new MemoryStream();
        buffer.Write(Magic);
        Span<byte> length = stackalloc byte[4];
        foreach (var field in new[] { type, actor, stream, payload })
        {
            var bytes = Encoding.UTF8.GetBytes(field);
            BinaryPrimitives.WriteInt32BigEndian(length, bytes.Length);
            buffer.Write(length);
            buffer.Write(bytes);
        }
        return buffer.ToArray();
    }

    public static byte[] StatementOf(IEvent step, Actor actor) =>
        Statement(EventCatalog.NameOf(step), actor.Recorded, step.Stream, EventCatalog.Serialize(step));

    public static Task<List<Passkey>> PasskeysOfAsync(ParleyDb db, Actor actor, CancellationToken ct) =>
        db.Passkeys.AsNoTracking().Where(p => p.AccountId == actor.Account).ToListAsync(ct);

    /// <summary>
    /// For a person with a passkey: the assertion options whose challenge is the step's statement hash, and the sealed
    /// state that carries the step to its commit. Null for a person without one (the institution alone signs).
    /// </summary>
    public static async Task<(AssertionOptions Options, string State)?> BeginAsync(ParleyDb db, WebAuthn webAuthn, HttpRequest request, Actor actor,
        string step, Guid letterId, Guid? handoverId, Guid id, DateTime now, IEvent decided, object input, CancellationToken ct)
    {
        var passkeys = await PasskeysOfAsync(db, actor, ct);
        if (passkeys.Count == 0)
            return null;
        var options = WebAuthn.AssertionOptionsFor(request, passkeys, SHA256.HashData(StatementOf(decided, actor)));
        var prepared = new PreparedStep(step, letterId, handoverId, id, now, EventCatalog.NameOf(decided), EventCatalog.Serialize(decided),
            JsonSerializer.Serialize(input, input.GetType(), EventCatalog.Json), options.ToJson());
        return (options, webAuthn.Seal(Purpose + actor.Account, prepared));
    }

    /// <summary>Opens the state and verifies the browser's assertion: the passkey is the person's own and signed this step's challenge.</summary>
    public static async Task<Result<PasskeySignature>> VerifyAsync(ParleyDb db, WebAuthn webAuthn, HttpRequest request, Actor actor,
        string? state, AuthenticatorAssertionRawResponse? response, CancellationToken ct)
    {
        if (webAuthn.OpenOnce<PreparedStep>(Purpose + actor.Account, state) is not { } prepared)
            return new DomainError("state", "The signature was asked for more than five minutes ago or by another person; do the step again.");
        var verified = await WebAuthn.VerifyAsync(db, request, AssertionOptions.FromJson(prepared.Options), response, ct);
        if (!verified.Succeeded)
            return verified.Error!;
        if (verified.Value!.AccountId != actor.Account)
            return new DomainError("assertion", "That passkey belongs to someone else.", ErrorKind.Forbidden);
        return new PasskeySignature(prepared, verified.Value, response!);
    }

    /// <summary>
    /// The rule at record time: a person with a passkey must sign the very step being recorded; without one, the
    /// step goes ahead signed by the institution alone.
    /// </summary>
    public static async Task<DomainError?> CheckAsync(ParleyDb db, Actor actor, IEvent decided, PasskeySignature? signature, CancellationToken ct)
    {
        if (signature is null)
            return await db.Passkeys.AnyAsync(p => p.AccountId == actor.Account, ct) ? CorrespondenceErrors.PasskeyNeeded : null;
        return signature.Prepared.Type == EventCatalog.NameOf(decided) && signature.Prepared.Payload == EventCatalog.Serialize(decided)
            ? null
            : CorrespondenceErrors.StepChangedSinceSigned;
    }

    /// <summary>Records the assertion beside the step just recorded.</summary>
    public static async Task RecordAsync(WriteScope scope, Guid letterId, StoredEvent step, PasskeySignature? signature, CancellationToken ct)
    {
        if (signature is null)
            return;
        var r = signature.Response.Response;
        await scope.RecordAsync(new StepSignedByPasskey(letterId, step.Sequence, signature.Passkey.AccountId, signature.Passkey.CredentialId,
            WebEncoders.Base64UrlEncode(r.AuthenticatorData), WebEncoders.Base64UrlEncode(r.ClientDataJson), WebEncoders.Base64UrlEncode(r.Signature)), ct);
    }

    /// <summary>
    /// Verifies a recorded passkey signature from the record alone (WebAuthn §7.2, the steps that need no server
    /// state): the client data is a <c>webauthn.get</c> whose challenge is the step's statement hash; the
    /// authenticator data is for the passkey's relying party with the user present; the signature over
    /// authenticatorData ‖ SHA-256(clientDataJSON) verifies with the public key the passkey's registration recorded;
    /// and the step's actor is the passkey's owner.
    /// </summary>
    public static bool Check(PersonalSignature signature, StoredEvent step, Passkey passkey, string ownerUserName)
    {
        if (signature.CredentialId != passkey.CredentialId || step.Actor != $"user:{ownerUserName}" || passkey.RegisteredIndex >= step.Sequence)
            return false;
        try
        {
            var clientData = WebEncoders.Base64UrlDecode(signature.ClientData);
            var authenticatorData = WebEncoders.Base64UrlDecode(signature.AuthenticatorData);
            using var client = JsonDocument.Parse(clientData);
            var expected = WebEncoders.Base64UrlEncode(SHA256.HashData(Statement(step.Type, step.Actor, step.Stream, step.Payload)));
            if (client.RootElement.GetProperty("type").GetString() != "webauthn.get" || client.RootElement.GetProperty("challenge").GetString() != expected)
                return false;
            if (authenticatorData.Length < 37 || !authenticatorData.AsSpan(0, 32).SequenceEqual(SHA256.HashData(Encoding.UTF8.GetBytes(passkey.RpId)))
                || (authenticatorData[32] & 0x01) == 0)
                return false;
            var key = new CredentialPublicKey(Convert.FromBase64String(passkey.PublicKey));
            return key.Verify([.. authenticatorData, .. SHA256.HashData(clientData)], WebEncoders.Base64UrlDecode(signature.Signature));
        }
        catch (Exception e) when (e is FormatException or JsonException or KeyNotFoundException or InvalidOperationException or CryptographicException)
        {
            return false;
        }
    }
}
