using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using NSec.Cryptography;

namespace Parley.Ledger;

/// <summary>A C2SP signed-note Ed25519 verifier key: "name+keyid+base64(0x01‖public key)".</summary>
public sealed class NoteVerifier
{
    private const byte Ed25519Type = 0x01;
    private readonly PublicKey _key;

    public NoteVerifier(string name, byte[] publicKey)
    {
        if (!NoteFormat.IsValidName(name))
            throw new FormatException($"'{name}' is not a valid key name (no spaces, '+' or newlines).");
        Name = name;
        PublicKey = publicKey;
        _key = NSec.Cryptography.PublicKey.Import(SignatureAlgorithm.Ed25519, publicKey, KeyBlobFormat.RawPublicKey);
        KeyId = ComputeKeyId(name, publicKey);
    }

    public string Name { get; }
    public uint KeyId { get; }
    public byte[] PublicKey { get; }

    public string VerifierKey => $"{Name}+{KeyId:x8}+{Convert.ToBase64String([Ed25519Type, .. PublicKey])}";

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
        if (blob.Length != 33 || blob[0] != Ed25519Type)
            throw new FormatException("Only Ed25519 verifier keys (type 0x01, 32 bytes) are supported.");
        var verifier = new NoteVerifier(parts[0], blob[1..]);
        if (verifier.KeyId.ToString("x8") != parts[1].ToLowerInvariant())
            throw new FormatException($"The key id {parts[1]} does not match the key (expected {verifier.KeyId:x8}).");
        return verifier;
    }

    public bool Verify(string text, ReadOnlySpan<byte> signature) =>
        signature.Length == 64 && SignatureAlgorithm.Ed25519.Verify(_key, Encoding.UTF8.GetBytes(text), signature);

    internal static uint ComputeKeyId(string name, byte[] publicKey)
    {
        var hash = SHA256.HashData([.. Encoding.UTF8.GetBytes(name), (byte)'\n', Ed25519Type, .. publicKey]);
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
