using Parley.Record;

namespace Parley.Statements;

/// <summary>
/// Every way a statements command is refused: the field it is about, what to fix, and its kind. Statement fields
/// take a prefix (<c>statements[2].</c>, <c>Items[2].</c>) where a statement is one of several in a write.
/// </summary>
public static class StatementErrors
{
    public static DomainError SpeakerMissing(string at) => new(at + "speaker", "Name the speaker: link a person in the directory (or create one).");

    public static DomainError SpeakerUnknown(string at, Guid speaker) => new(at + "speaker", $"No person {speaker} is in the directory.", ErrorKind.NotFound);

    public static DomainError MediumMissing(string at) => new(at + "medium", "Say how the statement was made (remarks, social media post, press briefing, interview, …).");

    public static DomainError DateMissing(string at) => new(at + "saidOn", "The date the statement was made (or reported) is required.");

    public static DomainError DatedInTheFuture(string at, DateOnly saidOn) => new(at + "saidOn", $"A statement cannot be dated in the future ({saidOn:yyyy-MM-dd}).");

    public static DomainError TextMissingOrLong(string at) => new(at + "text", $"The verbatim text is required, up to {StatementRegister.MaxText:N0} characters.");

    public static DomainError LanguageMissing(string at) => new(at + "language", "A language tag (en, ru, …) is required.");

    public static DomainError TranslationLanguage(string at) => new(at + "translationLanguage", "A translation needs its own language, different from the original's.");

    public static DomainError TranslationTooLong(string at) => new(at + "translation", $"A translation is up to {StatementRegister.MaxText:N0} characters.");

    public static DomainError UrlInvalid(string at) => new(at + "url", "The source URL must be an absolute http(s) address.");

    public static DomainError OutletTooLong(string at) => new(at + "outlet", "An outlet's name is up to 200 characters.");

    public static DomainError TimeZoneMissing(string at) => new(at + "timeZone", "A time needs its time zone, as a tz name (Europe/Moscow, America/New_York).");

    public static DomainError SourceTooLarge(string at) => new(at + "sourceText", $"A stored source is at most {ArticleText.MaxBytes / (1024 * 1024)} MB of text.");

    public static DomainError NoLinkTarget(string at, LinkInput link) =>
        new(at + "links", $"No {link.Kind.ToString().ToLowerInvariant()} {link.Target} to link to.", ErrorKind.NotFound);

    // Imports
    public static readonly DomainError NothingAccepted = new("statements", "Nothing was accepted: tick at least one proposal.");
    public static readonly DomainError ArticleTextMissing = new("sourceText", "The article's text is missing; import it again.");
    public static readonly DomainError ArticleEmpty = new("text", "The article is empty: paste its text or upload its file.");

    public static DomainError ArticleTooLarge(long bytes) =>
        new("text", $"The article is {bytes / (1024.0 * 1024):N1} MB; an article of up to {ArticleText.MaxBytes / (1024 * 1024)} MB can be imported.");

    public static readonly DomainError ArticleWithoutText = new("text", "The article has no text once its markup is removed.");

    public static DomainError LetterNumber(string number, IReadOnlyList<string> matches) => new("letter", matches.Count == 0
        ? $"No letter has the number {number}."
        : $"{matches.Count} letters have the number {number}; enter the one you mean with its registry: {string.Join("; ", matches)}.");

    // Commitments
    public static readonly DomainError CommitmentWhat = new("what", "Say what was promised or expected, up to 1,000 characters.");
    public static readonly DomainError CommitmentDueBy = new("dueBy", "A commitment needs a date it is due by (the end of its window).");

    public static DomainError WindowInverted(DateOnly from, DateOnly dueBy) => new("dueFrom", $"The window opens ({from:yyyy-MM-dd}) after it closes ({dueBy:yyyy-MM-dd}).");

    public static DomainError NoStatement(Guid id) => new("statement", $"No statement {id}.", ErrorKind.NotFound);

    public static readonly DomainError CommittedByNobody = new("byPerson", "Say who committed: a person, an institution, or the statement it comes from.");

    public static DomainError NoPerson(Guid id) => new("byPerson", $"No person {id} is in the directory.", ErrorKind.NotFound);

    public static DomainError NoInstitution(Guid id) => new("byInstitution", $"No institution {id} is in the directory.", ErrorKind.NotFound);

    public static readonly DomainError LetterWithoutStatus = new("letterReaches", "A letter fulfils a commitment when it reaches a status: give both the letter and the status.");

    public static DomainError NoLetter(Guid id) => new("letter", $"No letter {id}.", ErrorKind.NotFound);

    public static DomainError NoEngagement(Guid id) =>
        new("engagement", $"No meeting or proposal {id}: a commitment can wait for a meeting, or a proposal's meeting, to be held.", ErrorKind.NotFound);

    public static DomainError NoCommitment(Guid id) => new("commitment", $"No commitment {id}.", ErrorKind.NotFound);

    public static DomainError AlreadyFulfilled(DateTime? on) => new("commitment", $"This commitment was already fulfilled on {on:yyyy-MM-dd}.", ErrorKind.Conflict);

    public static readonly DomainError ConfirmationNote = new("note", "Say what fulfilled it (up to 1,000 characters): the record or the fact.");
}
