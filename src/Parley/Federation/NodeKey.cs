using Parley.Ledger;
using Parley.Record;

namespace Parley.Federation;

/// <summary>
/// The key this node signs its messages to peers with: an Ed25519 signed-note key named "&lt;origin&gt;/node", apart from
/// the log key so a message can never pass for a checkpoint. Sealed in the vault, created on first use, and published in
/// the log (<see cref="NodeKeyPublished"/>) before any message is signed with it.
/// </summary>
public sealed class NodeKey : IDisposable
{
    private const string VaultName = "node-key";

    private NodeKey(NoteSigner signer) => Signer = signer;

    public NoteSigner Signer { get; }
    public string Origin { get; private init; } = "";

    public static NodeKey Load(KeyVault vault, LogKey log)
    {
        var name = log.Origin + "/node";
        if (vault.Read(VaultName) is { } seed)
            return new NodeKey(NoteSigner.FromSeed(name, seed)) { Origin = log.Origin };
        var created = System.Security.Cryptography.RandomNumberGenerator.GetBytes(32);
        var key = new NodeKey(NoteSigner.FromSeed(name, created)) { Origin = log.Origin };
        vault.Write(VaultName, created, key.Signer.Verifier.VerifierKey);
        return key;
    }

    public void Dispose() => Signer.Dispose();
}

/// <summary>
/// The keys this node publishes about itself, with its origin: the message key (<see cref="NodeKey"/>) and its witness
/// key (<see cref="WitnessKey"/>, which cosigns its peers' checkpoints). Resolved only by verbs that hold the secret.
/// </summary>
public sealed record NodeKeys(string Origin, string MessageKey, string WitnessKey)
{
    public static NodeKeys Of(IServiceProvider services) =>
        new(services.GetRequiredService<NodeKey>().Origin, services.GetRequiredService<NodeKey>().Signer.Verifier.VerifierKey,
            services.GetRequiredService<WitnessKey>().Verifier.VerifierKey);
}
