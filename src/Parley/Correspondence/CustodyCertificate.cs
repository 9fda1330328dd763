using Microsoft.EntityFrameworkCore;
using Parley.Ledger;
using Parley.Record;

namespace Parley.Correspondence;

/// <summary>A person's own passkey signature on one step: whose, which passkey, the step's ledger index, and whether it checks out.</summary>
public sealed record PersonalCheck(string Person, string Passkey, long Step, bool Valid);

/// <summary>
/// One hand-over as the certificate proves it. <see cref="Giver"/> and <see cref="Receiver"/> are the people's
/// passkey signatures on the hand-over and on its answer; null where the person had no passkey, so only the
/// institution signed. <see cref="Elsewhere"/> are its halves another node recorded, each proved in that node's log.
/// </summary>
public sealed record CertifiedHandover(
    Handover Handover, long LedgerIndex, byte[] LeafHash, IReadOnlyList<byte[]> InclusionProof, bool Included,
    bool? GiverSignatureValid, bool? ReceiverSignatureValid, PersonalCheck? Giver = null, PersonalCheck? Receiver = null,
    IReadOnlyList<ElsewhereCheck>? Elsewhere = null)
{
    public IReadOnlyList<ElsewhereCheck> ProvedElsewhere => Elsewhere ?? [];
}

public enum CertificateVerdict
{
    DoesNotVerify,
    VerifiesSoFar,
    Complete,
}

/// <summary>
/// What a custody certificate states and proves: each hand-over's recorded event is in the ledger under a
/// signed checkpoint (inclusion proof checked here) and carries valid signatures of both institutions, and every
/// person's passkey signature in the record verifies (<see cref="PersonalSignatures.Check"/>). A half of a hand-over that
/// another node recorded (the giver's, or the receiver's answer) is proved also in that node's log; until that proof is
/// here the chain verifies so far, not completely.
/// </summary>
public sealed record CustodyCertificate(string CheckpointNote, Checkpoint Checkpoint, bool CheckpointSigned, IReadOnlyList<CertifiedHandover> Chain,
    PersonalCheck? Acknowledgement = null)
{
    public bool Holds => CheckpointSigned && Chain.All(c => c.Included && c.GiverSignatureValid == true
        && (c.Handover.State != HandoverState.Confirmed || c.ReceiverSignatureValid == true)
        && c.Giver?.Valid != false && c.Receiver?.Valid != false && c.ProvedElsewhere.All(e => e.Valid != false)) && Acknowledgement?.Valid != false;

    /// <summary>
    /// What the certificate may say of the chain as a whole: something in it does not verify; what is recorded verifies
    /// but steps are still open (a hand-over awaiting its receiver's confirmation, one disputed, a leg still planned,
    /// the letter not yet with its addressee); or it verifies and is complete.
    /// </summary>
    public CertificateVerdict Verdict(CustodyView custody) =>
        !Holds ? CertificateVerdict.DoesNotVerify
        : Chain.Count > 0 && Chain.All(c => c.Handover.State == HandoverState.Confirmed && c.ProvedElsewhere.All(e => e.Valid == true)) && custody.NextLeg is null
            && custody.Status >= LetterStatus.DeliveredToOffice ? CertificateVerdict.Complete
        : CertificateVerdict.VerifiesSoFar;

    /// <summary>Why the chain does not verify, one message per failure (a text to translate, and the ledger index it names).</summary>
    public IEnumerable<(string Message, long Index)> Failures()
    {
        if (!CheckpointSigned)
            yield return ("The checkpoint of size {0} is not signed by the log's key.", Checkpoint.Size);
        foreach (var c in Chain)
        {
            if (!c.Included)
                yield return ("The hand-over at ledger index {0} is not in the signed tree.", c.LedgerIndex);
            if (c.GiverSignatureValid != true)
                yield return ("The hand-over at ledger index {0} lacks a valid signature of the giver's institution.", c.LedgerIndex);
            if (c.Handover.State == HandoverState.Confirmed && c.ReceiverSignatureValid != true)
                yield return ("The hand-over at ledger index {0} lacks a valid signature of the receiver's institution.", c.LedgerIndex);
            if (c.Giver?.Valid == false || c.Receiver?.Valid == false)
                yield return ("A person's passkey signature on the hand-over at ledger index {0} is invalid.", c.LedgerIndex);
            foreach (var elsewhere in c.ProvedElsewhere.Where(e => e.Valid == false))
            {
                yield return (elsewhere.Half == StepHalf.Given
                    ? "The hand-over at ledger index {0} is not proved in the log of the giver's node."
                    : "The answer to the hand-over at ledger index {0} is not proved in the log of the receiver's node.", c.LedgerIndex);
            }
        }
        if (Acknowledgement is { Valid: false } acknowledged)
            yield return ("The passkey signature on the acknowledgement at ledger index {0} is invalid.", acknowledged.Step);
    }

    /// <summary>Against the checkpoint for the current size (signed now if it never was): what the server serves.</summary>
    public static async Task<CustodyCertificate> BuildAsync(ParleyDb db, Checkpoints checkpoints, LogKey key, LetterState state, CancellationToken ct)
    {
        var (stored, note) = await checkpoints.CurrentAsync(ct);
        return await BuildAsync(db, stored, note, key.Signer.Verifier, state, ct);
    }

    /// <summary>Against a checkpoint already issued, trusting <paramref name="verifier"/>: what anyone holding the record can check, without the log's private key.</summary>
    public static async Task<CustodyCertificate> BuildAsync(ParleyDb db, StoredCheckpoint stored, string note, NoteVerifier verifier, LetterState state, CancellationToken ct)
    {
        var signed = SignedNote.Parse(note);
        bool checkpointSigned;
        try
        {
            checkpointSigned = signed.Verify([verifier]).Count > 0;
        }
        catch (FormatException)
        {
            checkpointSigned = false;
        }
        var checkpoint = Checkpoint.Parse(signed.Text);
        var keys = await db.InstitutionKeys.AsNoTracking().ToDictionaryAsync(k => k.InstitutionId, ct);
        var personal = await PersonalChecksAsync(db, state.Letter.Id, ct);
        var chain = new List<CertifiedHandover>();
        var format = await LogFormats.OfAsync(db, ct);
        var remote = await db.RemoteSteps.AsNoTracking().Where(r => r.LetterId == state.Letter.Id).ToDictionaryAsync(r => r.HandoverId, ct);
        var answers = await db.RemoteAnswers.AsNoTracking().Where(r => r.LetterId == state.Letter.Id).ToDictionaryAsync(r => r.HandoverId, ct);
        foreach (var h in await LetterRegister.HandoversAsync(db, state.Letter.Id, ct))
        {
            var bytes = (await db.Events.AsNoTracking().FirstAsync(e => e.Sequence == h.RecordedIndex, ct)).ToCanonical().Encode();
            var leafHash = LeafData.LeafHash(format, bytes);
            // A hand-over first recorded on another node is signed over that node's bytes; this log proves its own copy.
            var signedBytes = remote.GetValueOrDefault(h.Id)?.Canonical ?? bytes;
            IReadOnlyList<ElsewhereCheck> elsewhere =
            [
                .. remote.TryGetValue(h.Id, out var given) ? [ElsewhereProof.Of(StepHalf.Given, given)] : Array.Empty<ElsewhereCheck>(),
                .. answers.TryGetValue(h.Id, out var answered) ? [ElsewhereProof.Of(StepHalf.Answered, answered)] : Array.Empty<ElsewhereCheck>(),
            ];
            if (h.RecordedIndex >= stored.Size)
            {
                // Recorded after the checkpoint this certificate rests on: not yet provable.
                chain.Add(new CertifiedHandover(h, h.RecordedIndex, leafHash, [], false, null, null, Elsewhere: elsewhere));
                continue;
            }
            var (leaf, proof) = await LedgerNodes.InclusionAsync(db, h.RecordedIndex, stored.Size, ct);
            bool included;
            try
            {
                Proofs.VerifyInclusion(h.RecordedIndex, stored.Size, leafHash, proof, checkpoint.Root);
                included = leaf.AsSpan().SequenceEqual(leafHash);
            }
            catch (ProofException)
            {
                included = false;
            }
            chain.Add(new CertifiedHandover(h, h.RecordedIndex, leaf, proof, included,
                Valid(keys, h.FromInstitution, signedBytes, h.GiverSignature), Valid(keys, h.ToInstitution, signedBytes, h.ReceiverSignature),
                personal.FirstOrDefault(p => p.Step is HandoverRecorded r && r.HandoverId == h.Id).Check,
                personal.FirstOrDefault(p => p.Step is HandoverConfirmed c && c.HandoverId == h.Id || p.Step is HandoverDisputed d && d.HandoverId == h.Id).Check,
                elsewhere));
        }
        return new CustodyCertificate(note, checkpoint, checkpointSigned, chain, personal.FirstOrDefault(p => p.Step is LetterAcknowledged).Check);
    }

    /// <summary>Every passkey signature on the letter's steps, each with the step's event and its check against the passkey the record registered.</summary>
    private static async Task<List<(IEvent Step, PersonalCheck Check)>> PersonalChecksAsync(ParleyDb db, Guid letterId, CancellationToken ct)
    {
        var signatures = await db.PersonalSignatures.AsNoTracking().Where(p => p.LetterId == letterId).OrderBy(p => p.Step).ToListAsync(ct);
        var result = new List<(IEvent, PersonalCheck)>();
        if (signatures.Count == 0)
            return result;
        // Three reads for the letter, not three per signature.
        var stepIndexes = signatures.Select(s => s.Step).ToList();
        var steps = await db.Events.AsNoTracking().Where(e => stepIndexes.Contains(e.Sequence)).ToDictionaryAsync(e => e.Sequence, ct);
        var credentials = signatures.Select(s => s.CredentialId).Distinct().ToList();
        var passkeys = await db.Passkeys.AsNoTracking().Where(p => credentials.Contains(p.CredentialId)).ToDictionaryAsync(p => p.CredentialId, ct);
        var accounts = signatures.Select(s => s.AccountId).Distinct().ToList();
        var owners = await db.Accounts.AsNoTracking().Where(a => accounts.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.UserName, ct);
        foreach (var signature in signatures)
        {
            var step = steps[signature.Step];
            var passkey = passkeys.GetValueOrDefault(signature.CredentialId);
            var owner = owners.GetValueOrDefault(signature.AccountId) ?? "?";
            var valid = passkey is not null && passkey.AccountId == signature.AccountId && PersonalSignatures.Check(signature, step, passkey, owner);
            result.Add((EventCatalog.Deserialize(step.Type, step.Payload), new PersonalCheck(owner, passkey?.Label ?? "an unregistered passkey", signature.Step, valid)));
        }
        return result;
    }

    private static bool? Valid(Dictionary<Guid, InstitutionKey> keys, Guid institution, byte[] bytes, string? signature) =>
        signature is null || !keys.TryGetValue(institution, out var key) ? null : InstitutionKeys.Verify(key.SigningKey, bytes, signature);
}
