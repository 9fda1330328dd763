using Parley.Correspondence;
using Parley.Record;

namespace Parley.Statements;

public abstract record StatementEvent : IEvent
{
    public abstract string Stream { get; }
}

/// <summary>A source's text, kept once per fingerprint; statements point at it by SHA-256.</summary>
[EventType("statements.source-stored")]
public sealed record SourceStored(string Sha256, string Text, string? Url, string? Outlet, DateOnly? Published) : StatementEvent
{
    public override string Stream => $"source/{Sha256}";
}

[EventType("statements.statement-recorded")]
public sealed record StatementRecorded(
    Guid Id, Guid Speaker, Medium Medium, DateOnly SaidOn, DateTime? SaidAt, DateBasis DateBasis, string Language, string Text,
    string? Translation, string? TranslationLanguage, string? Outlet, string? Url, string? SourceSha256, IReadOnlyList<LinkInput> Links) : StatementEvent
{
    public override string Stream => $"statement/{Id}";
}

public sealed record LinkInput(RecordKind Kind, Guid Target);

[EventType("statements.commitment-recorded")]
public sealed record CommitmentRecorded(
    Guid Id, Guid? Statement, Guid? ByPerson, Guid? ByInstitution, string What, DateOnly? DueFrom, DateOnly DueBy,
    Guid? Letter, LetterStatus? LetterReaches, Guid? Engagement = null) : StatementEvent
{
    public override string Stream => $"commitment/{Id}";
}

/// <summary>A person confirms a commitment fulfilled where no record shows it by itself.</summary>
[EventType("statements.commitment-confirmed")]
public sealed record CommitmentConfirmed(Guid Id, DateTime At, string Note) : StatementEvent
{
    public override string Stream => $"commitment/{Id}";
}
