using Parley.Record;

namespace Parley.Correspondence;

public abstract record CorrespondenceEvent : IEvent
{
    public abstract string Stream { get; }
}

[EventType("correspondence.institution-keys-created")]
public sealed record InstitutionKeysCreated(Guid InstitutionId, string SealingKey, string SigningKey) : CorrespondenceEvent
{
    public override string Stream => $"institution/{InstitutionId}";
}

/// <summary>
/// The public keys of an institution another node hosts, as that node's log published them: letters to it are sealed
/// to this key, and its hand-overs are checked against this signing key. A later one replaces it (a logged change).
/// </summary>
[EventType("correspondence.institution-keys-learned")]
public sealed record InstitutionKeysLearned(Guid InstitutionId, string SealingKey, string SigningKey, string Node) : CorrespondenceEvent
{
    public override string Stream => $"institution/{InstitutionId}";
}

[EventType("correspondence.letter-registered")]
public sealed record LetterRegistered(
    Guid Id, Guid Registry, string Number, LetterDirection Direction, DateOnly Dated,
    Guid SenderInstitution, Guid? SenderPerson, Guid AddresseeInstitution, Guid? AddresseePerson,
    string Subject, IReadOnlyList<string> Topics, string? Classification, string Language, DateOnly? ReplyBy, Guid? InReplyTo,
    DateOnly? Embargo = null, Guid? CopyOf = null, Guid? TranslationOf = null) : CorrespondenceEvent
{
    public override string Stream => $"letter/{Id}";
}

public sealed record LegPlan(Guid ToInstitution, Guid? ToPerson, int DueHours);

[EventType("correspondence.route-planned")]
public sealed record RoutePlanned(Guid LetterId, IReadOnlyList<LegPlan> Legs) : CorrespondenceEvent
{
    public override string Stream => $"letter/{LetterId}";
}

[EventType("correspondence.handover-recorded")]
public sealed record HandoverRecorded(
    Guid LetterId, Guid HandoverId, Guid FromInstitution, Guid? FromPerson, Guid ToInstitution, Guid? ToPerson,
    DateTime At, string? Place, bool SealIntact, string? Note) : CorrespondenceEvent
{
    public override string Stream => $"letter/{LetterId}";
}

/// <summary>An institution's Ed25519 signature over the canonical bytes of a hand-over's recorded event.</summary>
[EventType("correspondence.handover-signed")]
public sealed record HandoverSigned(Guid LetterId, Guid HandoverId, Guid Institution, bool Giver, string Signature) : CorrespondenceEvent
{
    public override string Stream => $"letter/{LetterId}";
}

/// <summary>
/// The hand-over just recorded here was first recorded on another node, at entry <see cref="Index"/> of the log
/// <see cref="Log"/>: both institutions sign those canonical bytes (<see cref="Canonical"/>, base64), not this log's copy.
/// </summary>
[EventType("correspondence.handover-recorded-elsewhere")]
public sealed record HandoverRecordedElsewhere(Guid LetterId, Guid HandoverId, string Log, long Index, string Canonical) : CorrespondenceEvent
{
    public override string Stream => $"letter/{LetterId}";
}

/// <summary>
/// The answer just recorded here to a hand-over (its confirmation or dispute) was first recorded on the receiver's node,
/// at entry <see cref="Index"/> of the log <see cref="Log"/>, as the canonical bytes <see cref="Canonical"/> (base64):
/// the receiver's half of the step, which that log proves.
/// </summary>
[EventType("correspondence.handover-answered-elsewhere")]
public sealed record HandoverAnsweredElsewhere(Guid LetterId, Guid HandoverId, string Log, long Index, string Canonical) : CorrespondenceEvent
{
    public override string Stream => $"letter/{LetterId}";
}

/// <summary>Which half of a hand-over: the giver's record of it, or the receiver's answer.</summary>
public enum StepHalf
{
    Given,
    Answered,
}

/// <summary>
/// A half of a hand-over recorded on another node, proved in that node's log: a C2SP tlog-proof (<see cref="Proof"/>) of
/// the entry this node holds, against a checkpoint signed by <see cref="LogKey"/>, the key the operator gave for that peer.
/// Kept so the certificate proves both halves offline; <see cref="ElsewhereProof.Check"/> checks it again every time.
/// </summary>
[EventType("correspondence.step-proven-elsewhere")]
public sealed record StepProvenElsewhere(Guid LetterId, Guid HandoverId, StepHalf Half, string LogKey, string Proof) : CorrespondenceEvent
{
    public override string Stream => $"letter/{LetterId}";
}

[EventType("correspondence.handover-confirmed")]
public sealed record HandoverConfirmed(Guid LetterId, Guid HandoverId, DateTime At, bool SealIntact) : CorrespondenceEvent
{
    public override string Stream => $"letter/{LetterId}";
}

[EventType("correspondence.handover-disputed")]
public sealed record HandoverDisputed(Guid LetterId, Guid HandoverId, DateTime At, string Reason) : CorrespondenceEvent
{
    public override string Stream => $"letter/{LetterId}";
}

[EventType("correspondence.letter-acknowledged")]
public sealed record LetterAcknowledged(Guid LetterId, DateTime At) : CorrespondenceEvent
{
    public override string Stream => $"letter/{LetterId}";
}

/// <summary>
/// A person's own passkey signed a custody step (the event at <see cref="Step"/>): the WebAuthn assertion as the
/// authenticator made it, whose challenge is the SHA-256 of the step's statement (<see cref="PersonalSignatures.Statement"/>).
/// </summary>
[EventType("correspondence.step-signed-by-passkey")]
public sealed record StepSignedByPasskey(Guid LetterId, long Step, Guid AccountId, string CredentialId,
    string AuthenticatorData, string ClientData, string Signature) : CorrespondenceEvent
{
    public override string Stream => $"letter/{LetterId}";
}

[EventType("correspondence.attachment-sealed")]
public sealed record AttachmentSealed(Guid LetterId, Guid AttachmentId, string Name, string MediaType, long Size,
    string PlaintextSha256, string CiphertextSha256) : CorrespondenceEvent
{
    public override string Stream => $"letter/{LetterId}";
}

public static class CorrespondenceEvents
{
    /// <summary>
    /// The letters whose derived status an event may change (a reply changes the letter it answers): the projection
    /// re-derives exactly these, and the statements module looks at exactly these.
    /// </summary>
    public static IEnumerable<Guid> LettersDerived(CorrespondenceEvent e) => e switch
    {
        LetterRegistered r when r.InReplyTo is { } answered => [r.Id, answered],
        LetterRegistered r => [r.Id],
        RoutePlanned p => [p.LetterId],
        HandoverRecorded h => [h.LetterId],
        HandoverConfirmed c => [c.LetterId],
        HandoverDisputed d => [d.LetterId],
        LetterAcknowledged a => [a.LetterId],
        _ => [],
    };
}
