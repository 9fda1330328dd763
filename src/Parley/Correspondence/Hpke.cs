using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using NSec.Cryptography;

namespace Parley.Correspondence;

public enum HpkeAead : ushort
{
    Aes128Gcm = 0x0001,
    ChaCha20Poly1305 = 0x0003,
}

/// <summary>
/// RFC 9180 HPKE, base mode, DHKEM(X25519, HKDF-SHA256) with HKDF-SHA256: X25519 from NSec (libsodium),
/// HKDF and the AEADs from .NET. Parley seals with ChaCha20-Poly1305; AES-128-GCM is here for the RFC vectors.
/// </summary>
public static class Hpke
{
    private const ushort KemId = 0x0020, KdfId = 0x0001;
    private const int Nsecret = 32, Nsk = 32, Npk = 32;
    private static readonly byte[] Version = "HPKE-v1"u8.ToArray();
    private static readonly byte[] KemSuite = [.. "KEM"u8, 0x00, 0x20];

    public sealed record KeyPair(byte[] PrivateKey, byte[] PublicKey);

    public static KeyPair GenerateKeyPair() => DeriveKeyPair(RandomNumberGenerator.GetBytes(Nsk));

    /// <summary>RFC 9180 §7.1.3 DeriveKeyPair for X25519.</summary>
    public static KeyPair DeriveKeyPair(byte[] ikm)
    {
        var prk = LabeledExtract(KemSuite, [], "dkp_prk", ikm);
        var sk = LabeledExpand(KemSuite, prk, "sk", [], Nsk);
        return new KeyPair(sk, PublicKeyOf(sk));
    }

    public static byte[] PublicKeyOf(byte[] privateKey)
    {
        using var key = Key.Import(KeyAgreementAlgorithm.X25519, privateKey, KeyBlobFormat.RawPrivateKey);
        return key.PublicKey.Export(KeyBlobFormat.RawPublicKey);
    }

    /// <summary>X25519; fails on an all-zero result (a small-order public key), as RFC 9180 §7.1.4 requires.</summary>
    public static byte[] Dh(byte[] privateKey, byte[] publicKey)
    {
        if (privateKey.Length != Nsk || publicKey.Length != Npk)
            throw new CryptographicException("X25519 keys are 32 bytes.");
        using var key = Key.Import(KeyAgreementAlgorithm.X25519, privateKey, KeyBlobFormat.RawPrivateKey);
        var other = NSec.Cryptography.PublicKey.Import(KeyAgreementAlgorithm.X25519, publicKey, KeyBlobFormat.RawPublicKey);
        using var shared = KeyAgreementAlgorithm.X25519.Agree(key, other,
            new SharedSecretCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport })
            ?? throw new CryptographicException("The public key is of small order: no shared secret.");
        return shared.Export(SharedSecretBlobFormat.RawSharedSecret);
    }

    public static (byte[] Enc, Context Context) SetupBaseSender(byte[] recipientPublicKey, byte[] info, HpkeAead aead, byte[]? ikmE = null)
    {
        var ephemeral = ikmE is null ? GenerateKeyPair() : DeriveKeyPair(ikmE);
        var dh = Dh(ephemeral.PrivateKey, recipientPublicKey);
        var shared = ExtractAndExpand(dh, [.. ephemeral.PublicKey, .. recipientPublicKey]);
        return (ephemeral.PublicKey, KeySchedule(shared, info, aead));
    }

    public static Context SetupBaseRecipient(byte[] enc, byte[] recipientPrivateKey, byte[] info, HpkeAead aead)
    {
        var dh = Dh(recipientPrivateKey, enc);
        var shared = ExtractAndExpand(dh, [.. enc, .. PublicKeyOf(recipientPrivateKey)]);
        return KeySchedule(shared, info, aead);
    }

    /// <summary>Single-shot seal to a recipient's public key.</summary>
    public static (byte[] Enc, byte[] Ciphertext) Seal(byte[] recipientPublicKey, byte[] info, byte[] aad, byte[] plaintext)
    {
        var (enc, context) = SetupBaseSender(recipientPublicKey, info, HpkeAead.ChaCha20Poly1305);
        return (enc, context.Seal(aad, plaintext));
    }

    /// <summary>Single-shot open; throws <see cref="CryptographicException"/> when anything was altered.</summary>
    public static byte[] Open(byte[] recipientPrivateKey, byte[] enc, byte[] info, byte[] aad, byte[] ciphertext) =>
        SetupBaseRecipient(enc, recipientPrivateKey, info, HpkeAead.ChaCha20Poly1305).Open(aad, ciphertext);

    private static byte[] ExtractAndExpand(byte[] dh, byte[] kemContext)
    {
        var prk = LabeledExtract(KemSuite, [], "eae_prk", dh);
        return LabeledExpand(KemSuite, prk, "shared_secret", kemContext, Nsecret);
    }

    public static Context KeySchedule(byte[] sharedSecret, byte[] info, HpkeAead aead)
    {
        var suite = Suite(aead);
        var pskIdHash = LabeledExtract(suite, [], "psk_id_hash", []);
        var infoHash = LabeledExtract(suite, [], "info_hash", info);
        byte[] context = [0x00, .. pskIdHash, .. infoHash];
        var secret = LabeledExtract(suite, sharedSecret, "secret", []);
        var nk = aead == HpkeAead.Aes128Gcm ? 16 : 32;
        return new Context(aead, LabeledExpand(suite, secret, "key", context, nk), LabeledExpand(suite, secret, "base_nonce", context, 12),
            LabeledExpand(suite, secret, "exp", context, 32), suite, secret, context);
    }

    private static byte[] Suite(HpkeAead aead)
    {
        var suite = new byte[10];
        "HPKE"u8.CopyTo(suite);
        BinaryPrimitives.WriteUInt16BigEndian(suite.AsSpan(4), KemId);
        BinaryPrimitives.WriteUInt16BigEndian(suite.AsSpan(6), KdfId);
        BinaryPrimitives.WriteUInt16BigEndian(suite.AsSpan(8), (ushort)aead);
        return suite;
    }

    internal static byte[] LabeledExtract(byte[] suite, byte[] salt, string label, byte[] ikm) =>
        HKDF.Extract(HashAlgorithmName.SHA256, [.. Version, .. suite, .. Encoding.ASCII.GetBytes(label), .. ikm], salt);

    internal static byte[] LabeledExpand(byte[] suite, byte[] prk, string label, byte[] info, int length)
    {
        byte[] labeled = [(byte)(length >> 8), (byte)length, .. Version, .. suite, .. Encoding.ASCII.GetBytes(label), .. info];
        return HKDF.Expand(HashAlgorithmName.SHA256, prk, length, labeled);
    }

    /// <summary>An HPKE context: seals or opens messages in sequence, and exports secrets.</summary>
    public sealed class Context(HpkeAead aead, byte[] key, byte[] baseNonce, byte[] exporterSecret, byte[] suite, byte[] secret, byte[] keyScheduleContext)
    {
        private ulong _sequence;

        public byte[] Key => key;
        public byte[] BaseNonce => baseNonce;
        public byte[] ExporterSecret => exporterSecret;
        public byte[] Secret => secret;
        public byte[] KeyScheduleContext => keyScheduleContext;

        public byte[] Seal(byte[] aad, byte[] plaintext)
        {
            var output = new byte[plaintext.Length + 16];
            var nonce = NextNonce();
            if (aead == HpkeAead.ChaCha20Poly1305)
            {
                using var cipher = new System.Security.Cryptography.ChaCha20Poly1305(key);
                cipher.Encrypt(nonce, plaintext, output.AsSpan(0, plaintext.Length), output.AsSpan(plaintext.Length), aad);
            }
            else
            {
                using var cipher = new AesGcm(key, 16);
                cipher.Encrypt(nonce, plaintext, output.AsSpan(0, plaintext.Length), output.AsSpan(plaintext.Length), aad);
            }
            return output;
        }

        public byte[] Open(byte[] aad, byte[] ciphertext)
        {
            if (ciphertext.Length < 16)
                throw new CryptographicException("The ciphertext is shorter than its tag.");
            var output = new byte[ciphertext.Length - 16];
            var nonce = NextNonce();
            var body = ciphertext.AsSpan(0, output.Length);
            var tag = ciphertext.AsSpan(output.Length);
            if (aead == HpkeAead.ChaCha20Poly1305)
            {
                using var cipher = new System.Security.Cryptography.ChaCha20Poly1305(key);
                cipher.Decrypt(nonce, body, tag, output, aad);
            }
            else
            {
                using var cipher = new AesGcm(key, 16);
                cipher.Decrypt(nonce, body, tag, output, aad);
            }
            return output;
        }

        public byte[] Export(byte[] exporterContext, int length) => LabeledExpand(suite, exporterSecret, "sec", exporterContext, length);

        /// <summary>Skips ahead, as a recipient of message n does (the RFC vectors test sequence numbers 0–256).</summary>
        public void SetSequence(ulong sequence) => _sequence = sequence;

        private byte[] NextNonce()
        {
            var nonce = (byte[])baseNonce.Clone();
            Span<byte> seq = stackalloc byte[8];
            BinaryPrimitives.WriteUInt64BigEndian(seq, _sequence);
            for (var i = 0; i < 8; i++)
                nonce[4 + i] ^= seq[i];
            _sequence = checked(_sequence + 1);
            return nonce;
        }
    }
}
