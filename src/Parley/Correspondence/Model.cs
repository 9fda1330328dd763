namespace Parley.Correspondence;

public enum LetterDirection
{
    Outgoing,
    Incoming,
}

/// <summary>Where a letter is in its life; derived from its hand-overs, never typed in.</summary>
public enum LetterStatus
{
    Registered,
    Dispatched,
    WithCourier,
    DeliveredToOffice,
    InAddresseesHands,
    Acknowledged,
    Replied,
}

/// <summary>What must be impossible to miss about a letter.</summary>
public enum CustodyException
{
    UnconfirmedHandover,
    DisputedHandover,
    BrokenSeal,
    OffRouteHolder,
    LegOverdue,
    ReplyOverdue,
}

public enum HandoverState
{
    Recorded,
    Confirmed,
    Disputed,
}

/// <summary>Projection of a letter's register entry.</summary>
public sealed class Letter
{
    public Guid Id { get; set; }
    public Guid Registry { get; set; }
    public required string Number { get; set; }
    public LetterDirection Direction { get; set; }
    public DateOnly Dated { get; set; }
    public Guid SenderInstitution { get; set; }
    public Guid? SenderPerson { get; set; }
    public Guid AddresseeInstitution { get; set; }
    public Guid? AddresseePerson { get; set; }
    public required string Subject { get; set; }
    public required string Topics { get; set; }
    public string? Classification { get; set; }
    public string Language { get; set; } = "en";
    public DateOnly? ReplyBy { get; set; }
    public Guid? InReplyTo { get; set; }
    public DateOnly? Embargo { get; set; }
    public Guid? CopyOf { get; set; }
    public Guid? TranslationOf { get; set; }
    public DateTime RegisteredAt { get; set; }
    public DateTime? AcknowledgedAt { get; set; }
    public List<RouteLeg> Route { get; set; } = [];

    /// <summary>Derived by the projection after every event on the letter (status never depends on the clock), for the register's filters.</summary>
    public LetterStatus Status { get; set; }

    /// <summary>Derived: the first moment the letter shows an exception (see <see cref="Custody.AttentionFrom"/>); null while none can arise without a new event.</summary>
    public DateTime? AttentionFrom { get; set; }

    /// <summary>Derived: a commitment waits on this letter's status, so status changes are passed on to it.</summary>
    public bool Watched { get; set; }

    /// <summary>Derived: what custody's rules need of the hand-overs (see <see cref="CustodyTally"/>), kept as one JSON column.</summary>
    public CustodyTally Custody { get; set; } = CustodyTally.None;
}

/// <summary>A planned leg: from one holder to the next, due within <see cref="DueHours"/> of the previous hand-over.</summary>
public sealed class RouteLeg
{
    public int Order { get; set; }
    public Guid ToInstitution { get; set; }
    public Guid? ToPerson { get; set; }
    public int DueHours { get; set; }
}

/// <summary>Projection of one hand-over, recorded by the giver and confirmed or disputed by the receiver.</summary>
public sealed class Handover
{
    public Guid Id { get; set; }
    public Guid LetterId { get; set; }
    public Guid FromInstitution { get; set; }
    public Guid? FromPerson { get; set; }
    public Guid ToInstitution { get; set; }
    public Guid? ToPerson { get; set; }
    public DateTime At { get; set; }
    public string? Place { get; set; }
    public bool SealIntact { get; set; }
    public string? Note { get; set; }
    public HandoverState State { get; set; }
    public DateTime? AnsweredAt { get; set; }
    public bool? SealIntactOnReceipt { get; set; }
    public string? DisputeReason { get; set; }
    public long RecordedIndex { get; set; }
    public string? GiverSignature { get; set; }
    public string? ReceiverSignature { get; set; }
}

/// <summary>Projection of a sealed attachment's envelope: fingerprints, never content.</summary>
public sealed class Attachment
{
    public Guid Id { get; set; }
    public Guid LetterId { get; set; }
    public required string Name { get; set; }
    public required string MediaType { get; set; }
    public long Size { get; set; }
    public required string PlaintextSha256 { get; set; }
    public required string CiphertextSha256 { get; set; }
}

/// <summary>Projection: a hand-over recorded first on another node, with the canonical bytes both institutions sign.</summary>
public sealed class RemoteStep : RemoteEntry;

/// <summary>Projection: an answer to a hand-over recorded first on the receiver's node, with its canonical bytes there.</summary>
public sealed class RemoteAnswer : RemoteEntry;

/// <summary>
/// A half of a hand-over that another node's log holds: which log, at which entry, its bytes there, and once fetched
/// (<see cref="StepProvenElsewhere"/>) the tlog-proof of it in that log and the log key it was checked under.
/// </summary>
public abstract class RemoteEntry
{
    public Guid HandoverId { get; set; }
    public Guid LetterId { get; set; }
    public required string Log { get; set; }
    public long Index { get; set; }
    public required byte[] Canonical { get; set; }
    public string? LogKey { get; set; }
    public string? Proof { get; set; }
}

/// <summary>The ciphertext itself (HPKE to the addressee institution), kept beside the record.</summary>
public sealed class SealedBlob
{
    public Guid AttachmentId { get; set; }
    public required byte[] Enc { get; set; }
    public required byte[] Ciphertext { get; set; }
}

/// <summary>Projection: an institution's public keys (X25519 for sealing to it, Ed25519 for its signatures).</summary>
public sealed class InstitutionKey
{
    public Guid InstitutionId { get; set; }
    public required string SealingKey { get; set; }
    public required string SigningKey { get; set; }
}

/// <summary>An institution's private keys, encrypted at rest with ASP.NET Data Protection; never in the record.</summary>
public sealed class InstitutionSecret
{
    public Guid InstitutionId { get; set; }
    public required byte[] Protected { get; set; }
}

/// <summary>Projection: every institution a letter involves (registry, sender, addressee, route, custody), for the register's index.</summary>
/// <summary>Projection: one of a letter's topics, folded, so the register's topic filter is a range of an index.</summary>
public sealed class LetterTopic
{
    public Guid LetterId { get; set; }
    public required string Topic { get; set; }
}

public sealed class LetterParty
{
    public Guid LetterId { get; set; }
    public Guid InstitutionId { get; set; }
    public DateTime RegisteredAt { get; set; }

    /// <summary>The letter's <see cref="Letter.Status"/>, repeated so an institution's register filters on its own index.</summary>
    public LetterStatus Status { get; set; }

    /// <summary>The letter's <see cref="Letter.AttentionFrom"/>, repeated for the same reason.</summary>
    public DateTime? AttentionFrom { get; set; }

    /// <summary>Derived: the institution gave or received the letter in a hand-over, which lets it see the envelope.</summary>
    public bool Carried { get; set; }
}

/// <summary>Projection of a passkey's signature on one custody step (the event at <see cref="Step"/>), as recorded.</summary>
public sealed class PersonalSignature
{
    public long Step { get; set; }
    public Guid LetterId { get; set; }
    public Guid AccountId { get; set; }
    public required string CredentialId { get; set; }
    public required string AuthenticatorData { get; set; }
    public required string ClientData { get; set; }
    public required string Signature { get; set; }
}
