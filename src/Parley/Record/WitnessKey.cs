using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using NSec.Cryptography;
using Parley.Ledger;

namespace Parley.Record;

/// <summary>
/// This node's key as a witness: an Ed25519 cosigner making C2SP <c>cosignature/v1</c> signatures (verifier key
/// type 0x04), named after the node's log ("&lt;origin&gt;/witness"), sealed in the vault and created on first use.
/// </summary>
public sealed class WitnessKey : IDisposable
{
    private const string VaultName = "witness-key";
    private readonly Key _key;

    private WitnessKey(string name, byte[] seed)
    {
        _key = Key.Import(SignatureAlgorithm.Ed25519, seed, KeyBlobFormat.RawPrivateKey);
        Verifier = new NoteVerifier(name, _key.PublicKey.Export(KeyBlobFormat.RawPublicKey), NoteVerifier.CosignatureV1Type);
    }

    public NoteVerifier Verifier { get; }

    public static WitnessKey Load(KeyVault vault, LogKey log)
    {
        var name = log.Origin + "/witness";
        if (vault.Read(VaultName) is { } seed)
            return new WitnessKey(name, seed);
        var created = RandomNumberGenerator.GetBytes(32);
        var key = new WitnessKey(name, created);
        vault.Write(VaultName, created, key.Verifier.VerifierKey);
        return key;
    }

    /// <summary>A cosignature/v1 signature line over <paramref name="checkpointText"/> at <paramref name="time"/>.</summary>
    public string Cosign(string checkpointText, DateTimeOffset time)
    {
        var timestamp = (ulong)time.ToUnixTimeSeconds();
        var signature = SignatureAlgorithm.Ed25519.Sign(_key, Encoding.UTF8.GetBytes(NoteVerifier.CosignedMessage(timestamp, checkpointText)));
        Span<byte> head = stackalloc byte[12];
        BinaryPrimitives.WriteUInt32BigEndian(head, Verifier.KeyId);
        BinaryPrimitives.WriteUInt64BigEndian(head[4..], timestamp);
        return $"— {Verifier.Name} {Convert.ToBase64String([.. head, .. signature])}\n";
    }

    public void Dispose() => _key.Dispose();
}
