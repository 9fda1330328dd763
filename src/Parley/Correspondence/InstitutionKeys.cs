using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using NSec.Cryptography;
using Parley.Access;
using Parley.Record;

namespace Parley.Correspondence;

/// <summary>
/// Each institution's key pairs: X25519 to seal letters to it, Ed25519 to sign its hand-overs. The public
/// halves are in the record; the private halves are sealed by the store's vault (bound to the institution and
/// the store) and used only on behalf of that institution's own users.
/// </summary>
public sealed class InstitutionKeys(ParleyDb db, KeyVault vault)
{
    private static string Purpose(Guid institution) => $"institution-keys/{institution}";

    /// <summary>The purposes releases before the vault protected these keys under (Data Protection).</summary>
    private static string[] LegacyPurposes(Guid institution) => ["parley.institution-keys", institution.ToString()];

    /// <summary>Seals the keys an earlier release protected with the install-bound ring; returns how many it could not open.</summary>
    public static async Task<int> SealLegacyAsync(ParleyDb db, KeyVault vault, LegacyKeyRing legacy, CancellationToken ct)
    {
        var left = 0;
        foreach (var secret in await db.InstitutionSecrets.ToListAsync(ct))
        {
            if (KeyVault.IsSealed(secret.Protected))
                continue;
            if (legacy.TryUnprotect(secret.Protected, LegacyPurposes(secret.InstitutionId)) is { } both)
                secret.Protected = vault.Seal(Purpose(secret.InstitutionId), both);
            else
                left++;
        }
        await db.SaveChangesAsync(ct);
        return left;
    }

    public async Task<InstitutionKey> EnsureAsync(WriteScope scope, Guid institution, CancellationToken ct)
    {
        var existing = await db.InstitutionKeys.AsNoTracking().FirstOrDefaultAsync(k => k.InstitutionId == institution, ct)
            ?? db.InstitutionKeys.Local.FirstOrDefault(k => k.InstitutionId == institution);
        if (existing is not null)
            return existing;
        var sealing = Hpke.GenerateKeyPair();
        var seed = RandomNumberGenerator.GetBytes(32);
        using var signing = Key.Import(SignatureAlgorithm.Ed25519, seed, KeyBlobFormat.RawPrivateKey);
        db.InstitutionSecrets.Add(new InstitutionSecret { InstitutionId = institution, Protected = vault.Seal(Purpose(institution), [.. sealing.PrivateKey, .. seed]) });
        var created = new InstitutionKeysCreated(institution, Convert.ToBase64String(sealing.PublicKey),
            Convert.ToBase64String(signing.PublicKey.Export(KeyBlobFormat.RawPublicKey)));
        await scope.RecordAsync(created, ct);
        return new InstitutionKey { InstitutionId = institution, SealingKey = created.SealingKey, SigningKey = created.SigningKey };
    }

    /// <summary>Signs on behalf of <paramref name="institution"/>; only a user of that institution may cause it.</summary>
    public async Task<string> SignAsync(Actor actor, Guid institution, byte[] data, CancellationToken ct)
    {
        var (_, seed) = await PrivateAsync(actor, institution, ct);
        using var key = Key.Import(SignatureAlgorithm.Ed25519, seed, KeyBlobFormat.RawPrivateKey);
        return Convert.ToBase64String(SignatureAlgorithm.Ed25519.Sign(key, data));
    }

    /// <summary>Opens a copy sealed to <paramref name="institution"/>; only a user of that institution may.</summary>
    public async Task<byte[]> OpenAsync(Actor actor, Guid institution, byte[] enc, byte[] info, byte[] ciphertext, CancellationToken ct)
    {
        var (sealing, _) = await PrivateAsync(actor, institution, ct);
        return Hpke.Open(sealing, enc, info, [], ciphertext);
    }

    public static bool Verify(string signingKey, byte[] data, string signature)
    {
        var key = NSec.Cryptography.PublicKey.Import(SignatureAlgorithm.Ed25519, Convert.FromBase64String(signingKey), KeyBlobFormat.RawPublicKey);
        return SignatureAlgorithm.Ed25519.Verify(key, data, Convert.FromBase64String(signature));
    }

    private async Task<(byte[] Sealing, byte[] Signing)> PrivateAsync(Actor actor, Guid institution, CancellationToken ct)
    {
        if (actor.Institution != institution)
            throw new DomainException(CorrespondenceErrors.NotTheInstitutionsUser);
        var secret = await db.InstitutionSecrets.AsNoTracking().FirstOrDefaultAsync(s => s.InstitutionId == institution, ct)
            ?? db.InstitutionSecrets.Local.FirstOrDefault(s => s.InstitutionId == institution)
            ?? throw new DomainException(CorrespondenceErrors.NoKeysYet);
        if (!KeyVault.IsSealed(secret.Protected))
            throw new DomainException(CorrespondenceErrors.KeysUnderLegacyRing);
        var both = vault.Unseal(Purpose(institution), secret.Protected);
        return (both[..32], both[32..]);
    }
}
