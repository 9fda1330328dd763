namespace Parley.Statements;

/// <summary>How a statement was made, as the source says it.</summary>
public enum Medium
{
    Remarks,
    SocialMediaPost,
    PressBriefing,
    Interview,
    PressRelease,
    FloorRemarks,
    Article,
}

/// <summary>Whether the date is the one the source gives for the statement, or only the date it was reported.</summary>
public enum DateBasis
{
    Stated,
    Reported,
}

/// <summary>Kinds of record a statement or commitment can point at.</summary>
public enum RecordKind
{
    Letter,
    Person,
    Institution,
    Statement,
    Visit,
    Meeting,
    Proposal,
    TaskForce,
}

/// <summary>What a commitment is waiting for, derived from its window and the record that fulfils it.</summary>
public enum CommitmentState
{
    Open,
    Overdue,
    Fulfilled,
}

/// <summary>Projection of a statement: who said what, how, when, in which language, from which source.</summary>
public sealed class Statement
{
    public Guid Id { get; set; }
    public Guid Speaker { get; set; }
    public Medium Medium { get; set; }
    public DateOnly SaidOn { get; set; }
    public DateTime? SaidAt { get; set; }
    public DateBasis DateBasis { get; set; }
    public required string Language { get; set; }
    public required string Text { get; set; }
    public string? Translation { get; set; }
    public string? TranslationLanguage { get; set; }
    public string? Outlet { get; set; }
    public string? Url { get; set; }
    public string? SourceSha256 { get; set; }

    public DateTime RecordedAt { get; set; }
    public List<RecordLink> Links { get; set; } = [];
}

/// <summary>A statement's link to a record it concerns.</summary>
public sealed class RecordLink
{
    public RecordKind Kind { get; set; }
    public Guid Target { get; set; }
}

/// <summary>Projection: the stored copy of a source text, by its SHA-256, so a later change or deletion is detectable.</summary>
public sealed class StatementSource
{
    public required string Sha256 { get; set; }
    public required string Text { get; set; }
    public string? Url { get; set; }
    public string? Outlet { get; set; }
    public DateOnly? Published { get; set; }
}

/// <summary>Projection of a commitment: a promise or expectation, its window, and what fulfils it.</summary>
public sealed class Commitment
{
    public Guid Id { get; set; }
    public Guid? Statement { get; set; }
    public Guid? ByPerson { get; set; }
    public Guid? ByInstitution { get; set; }
    public required string What { get; set; }
    public DateOnly? DueFrom { get; set; }
    public DateOnly DueBy { get; set; }

    /// <summary>The letter whose custody fulfils it, and the status the letter must reach.</summary>
    public Guid? Letter { get; set; }
    public Correspondence.LetterStatus? LetterReaches { get; set; }

    /// <summary>A meeting, or a proposal whose meeting, fulfils it by being held.</summary>
    public Guid? Engagement { get; set; }

    public DateTime? FulfilledAt { get; set; }

    /// <summary>Ledger index of the event that fulfilled it (a custody event, or a person's confirmation).</summary>
    public long? FulfilledBy { get; set; }
    public string? FulfilmentNote { get; set; }
    public DateTime RecordedAt { get; set; }

    public CommitmentState StateOn(DateOnly today) =>
        FulfilledAt is not null ? CommitmentState.Fulfilled : today > DueBy ? CommitmentState.Overdue : CommitmentState.Open;

    /// <summary>How many days after its last due day it was fulfilled (by the UTC day of the event that fulfilled it); null if on time or not yet.</summary>
    public int? DaysLate => FulfilledAt is { } at && DateOnly.FromDateTime(at) is var on && on > DueBy ? on.DayNumber - DueBy.DayNumber : null;
}
