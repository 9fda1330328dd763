using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using NSec.Cryptography;

namespace Parley.Ledger;

/// <summary>
/// A C2SP signed-note verifier key, "name+keyid+base64(type‖public key)", of one of two Ed25519 types: 0x01, a
/// plain note signature (the log's own, and witnesses of the older form), or 0x04, a C2SP tlog-cosignature
/// <c>cosignature/v1</c>: the signature is a big-endian u64 timestamp and an Ed25519 signature over
/// "cosignature/v1\ntime &lt;timestamp&gt;\n" followed by the note's text.
/// </summary>
public sealed class NoteVerifier
{
    public const byte Ed25519Type = 0x01;
    public const byte CosignatureV1Type = 0x04;
    public const byte MlDsa44Type = 0x06;
    private readonly PublicKey _key;

    public NoteVerifier(string name, byte[] publicKey, byte type = Ed25519Type)
    {
        if (!NoteFormat.IsValidName(name))
            throw new FormatException($"'{name}' is not a valid key name (no spaces, '+' or newlines).");
        if (type is not (Ed25519Type or CosignatureV1Type))
            throw new FormatException($"Verifier key type 0x{type:x2} is not supported: 0x01 (Ed25519) and 0x04 (cosignature/v1, Ed25519) are.");
        Name = name;
        PublicKey = publicKey;
        Type = type;
        _key = NSec.Cryptography.PublicKey.Import(SignatureAlgorithm.Ed25519, publicKey, KeyBlobFormat.RawPublicKey);
        KeyId = ComputeKeyId(name, type, publicKey);
    }

    public string Name { get; }
    public uint KeyId { get; }
    public byte[] PublicKey { get; }

    /// <summary>The signature type byte: <see cref="Ed25519Type"/> or <see cref="CosignatureV1Type"/>.</summary>
    public byte Type { get; }

    public string VerifierKey => $"{Name}+{KeyId:x8}+{Convert.ToBase64String([Type, .. PublicKey])}";

    public static NoteVerifier Parse(string vkey)
    {
        var parts = vkey.Trim().Split('+', 3);
        if (parts.Length != 3 || parts[1].Length != 8)
            throw new FormatException("A verifier key looks like name+8-hex-digit-id+base64key.");
        byte[] blob;
        try
        {
            blob = Convert.FromBase64String(parts[2]);
        }
        catch (FormatException)
        {
            throw new FormatException("The verifier key's last part is not base64.");
        }
        // C2SP's ML-DSA-44 cosignatures (type 0x06) are what new witnesses should use; .NET's MLDsa needs OpenSSL 3.5,
        // which the supported platforms do not all have yet (Debian 12's is 3.0), so they are named and refused.
        if (blob.Length > 0 && blob[0] == MlDsa44Type)
            throw new FormatException("ML-DSA-44 cosignature keys (type 0x06) are not accepted yet: .NET's ML-DSA needs OpenSSL 3.5 or later. Give the witness's Ed25519 cosignature/v1 key (type 0x04).");
        if (blob.Length != 33 || blob[0] is not (Ed25519Type or CosignatureV1Type))
            throw new FormatException("Only Ed25519 verifier keys are supported: type 0x01 (note signatures) or 0x04 (cosignature/v1), 32 bytes.");
        var verifier = new NoteVerifier(parts[0], blob[1..], blob[0]);
        if (verifier.KeyId.ToString("x8") != parts[1].ToLowerInvariant())
            throw new FormatException($"The key id {parts[1]} does not match the key (expected {verifier.KeyId:x8}).");
        return verifier;
    }

    public bool Verify(string text, ReadOnlySpan<byte> signature)
    {
        if (Type == Ed25519Type)
            return signature.Length == 64 && SignatureAlgorithm.Ed25519.Verify(_key, Encoding.UTF8.GetBytes(text), signature);
        if (signature.Length != 72 || CosignatureTime(signature) is not { } timestamp)
            return false;
        return SignatureAlgorithm.Ed25519.Verify(_key, Encoding.UTF8.GetBytes(CosignedMessage(timestamp, text)), signature[8..]);
    }

    /// <summary>The POSIX time a cosignature/v1 states, or null when it exceeds 2^63 − 1 (which the spec forbids).</summary>
    public static ulong? CosignatureTime(ReadOnlySpan<byte> signature)
    {
        var timestamp = BinaryPrimitives.ReadUInt64BigEndian(signature);
        return timestamp > long.MaxValue ? null : timestamp;
    }

    /// <summary>What a cosignature/v1 signs: the header line, the time line, then the checkpoint's note text.</summary>
    public static string CosignedMessage(ulong timestamp, string text) =>
        $"cosignature/v1\ntime {timestamp.ToString(CultureInfo.InvariantCulture)}\n{text}";

    internal static uint ComputeKeyId(string name, byte type, byte[] publicKey)
    {
        var hash = SHA256.HashData([.. Encoding.UTF8.GetBytes(name), (byte)'\n', type, .. publicKey]);
        return BinaryPrimitives.ReadUInt32BigEndian(hash);
    }
}

/// <summary>An Ed25519 note signer; its key string is "PRIVATE+KEY+name+keyid+base64(0x01‖seed)".</summary>
public sealed class NoteSigner : IDisposable
{
    private readonly Key _key;

    private NoteSigner(string name, byte[] seed)
    {
        _key = Key.Import(SignatureAlgorithm.Ed25519, seed, KeyBlobFormat.RawPrivateKey,
            new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport });
        Verifier = new NoteVerifier(name, _key.PublicKey.Export(KeyBlobFormat.RawPublicKey));
    }

    public NoteVerifier Verifier { get; }
    public string Name => Verifier.Name;

    public static NoteSigner Generate(string name) => new(name, RandomNumberGenerator.GetBytes(32));

    public static NoteSigner FromSeed(string name, byte[] seed) => new(name, seed);

    public static NoteSigner Parse(string skey)
    {
        var parts = skey.Trim().Split('+', 5);
        if (parts.Length != 5 || parts[0] != "PRIVATE" || parts[1] != "KEY")
            throw new FormatException("A signer key looks like PRIVATE+KEY+name+keyid+base64key.");
        var blob = Convert.FromBase64String(parts[4]);
        if (blob.Length != 33 || blob[0] != 0x01)
            throw new FormatException("Only Ed25519 signer keys are supported.");
        var signer = new NoteSigner(parts[2], blob[1..]);
        if (signer.Verifier.KeyId.ToString("x8") != parts[3].ToLowerInvariant())
            throw new FormatException("The signer key's id does not match its key.");
        return signer;
    }

    public string SignerKey =>
        $"PRIVATE+KEY+{Name}+{Verifier.KeyId:x8}+{Convert.ToBase64String([0x01, .. _key.Export(KeyBlobFormat.RawPrivateKey)])}";

    public NoteSignature Sign(string text) =>
        new(Name, Verifier.KeyId, SignatureAlgorithm.Ed25519.Sign(_key, Encoding.UTF8.GetBytes(text)));

    public void Dispose() => _key.Dispose();
}
