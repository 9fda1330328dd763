using Microsoft.EntityFrameworkCore;
using Parley.Ledger;
using Parley.Record;

namespace Parley.Correspondence;

public sealed record CertifiedHandover(
    Handover Handover, long LedgerIndex, byte[] LeafHash, IReadOnlyList<byte[]> InclusionProof, bool Included,
    bool? GiverSignatureValid, bool? ReceiverSignatureValid);

/// <summary>
/// What a custody certificate states and proves: each hand-over's recorded event is in the ledger under a
/// signed checkpoint (inclusion proof checked here) and carries valid signatures of both institutions.
/// </summary>
public sealed record CustodyCertificate(string CheckpointNote, Checkpoint Checkpoint, bool CheckpointSigned, IReadOnlyList<CertifiedHandover> Chain)
{
    public bool Holds => CheckpointSigned && Chain.All(c => c.Included && c.GiverSignatureValid == true
        && (c.Handover.State != HandoverState.Confirmed || c.ReceiverSignatureValid == true));

    public static async Task<CustodyCertificate> BuildAsync(ParleyDb db, Checkpoints checkpoints, LogKey key, LetterState state, CancellationToken ct)
    {
        var (stored, note) = await checkpoints.CurrentAsync(ct);
        var signed = SignedNote.Parse(note);
        bool checkpointSigned;
        try
        {
            checkpointSigned = signed.Verify([key.Signer.Verifier]).Count > 0;
        }
        catch (FormatException)
        {
            checkpointSigned = false;
        }
        var checkpoint = Checkpoint.Parse(signed.Text);
        var keys = await db.InstitutionKeys.AsNoTracking().ToDictionaryAsync(k => k.InstitutionId, ct);
        var chain = new List<CertifiedHandover>();
        foreach (var h in state.Handovers.OrderBy(h => h.At))
        {
            var bytes = (await db.Events.AsNoTracking().FirstAsync(e => e.Sequence == h.RecordedIndex, ct)).ToCanonical().Encode();
            var (leaf, proof) = await LedgerNodes.InclusionAsync(db, h.RecordedIndex, stored.Size, ct);
            bool included;
            try
            {
                Proofs.VerifyInclusion(h.RecordedIndex, stored.Size, MerkleHash.Leaf(bytes), proof, checkpoint.Root);
                included = leaf.AsSpan().SequenceEqual(MerkleHash.Leaf(bytes));
            }
            catch (ProofException)
            {
                included = false;
            }
            chain.Add(new CertifiedHandover(h, h.RecordedIndex, leaf, proof, included,
                Valid(keys, h.FromInstitution, bytes, h.GiverSignature), Valid(keys, h.ToInstitution, bytes, h.ReceiverSignature)));
        }
        return new CustodyCertificate(note, checkpoint, checkpointSigned, chain);
    }

    private static bool? Valid(Dictionary<Guid, InstitutionKey> keys, Guid institution, byte[] bytes, string? signature) =>
        signature is null || !keys.TryGetValue(institution, out var key) ? null : InstitutionKeys.Verify(key.SigningKey, bytes, signature);
}
