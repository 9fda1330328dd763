using Parley.Record;

namespace Parley.Correspondence;

/// <summary>Every way a correspondence command is refused: the field it is about, what to fix, and its kind.</summary>
public static class CorrespondenceErrors
{
    public static DomainError NoLetter(Guid id) => new("letter", $"No letter {id}.", ErrorKind.NotFound);

    public static readonly DomainError NoInstitutionForUser = new("user", "The account belongs to no institution.", ErrorKind.Forbidden);

    public static DomainError Required(string field) => new(field, "This field is required.");

    public static DomainError UnknownInstitution(string field, Guid id) => new(field, $"No institution {id} is in the directory.", ErrorKind.NotFound);

    public static DomainError UnknownPerson(string field, Guid id) => new(field, $"No person {id} is in the directory.", ErrorKind.NotFound);

    public static DomainError UnknownLinkedLetter(string field, Guid id) => new(field, $"No letter {id} to link to.", ErrorKind.NotFound);

    // Registering
    public static readonly DomainError SubjectMissingOrLong = new("subject", "The subject is required, up to 500 characters.");
    public static readonly DomainError TopicsInvalid = new("topics", "Up to 20 topics of up to 100 characters each, without '|'.");
    public static readonly DomainError ReplyByBeforeDate = new("replyBy", "The reply-by date is before the letter's date.");

    public static DomainError MarkingTooLong(string field) => new(field, "Too long: a marking up to 100, a language tag up to 12 characters.");

    // Routing and attaching: the sender's office only
    public static readonly DomainError NotTheSendersOfficeToRoute = new("letter", "Only the sender's office plans the route.", ErrorKind.Forbidden);
    public static readonly DomainError RouteLegCount = new("legs", "A route has 1 to 20 legs.");

    public static DomainError LegDueHours(int hours) => new("legs", $"Each leg is due within 1 to 8760 hours, not {hours}.");

    public static readonly DomainError NotTheSendersOfficeToAttach = new("letter", "Only the sender's office attaches copies.", ErrorKind.Forbidden);
    public static readonly DomainError NoFileChosen = new("file", "Choose a file to attach.");

    public static DomainError AttachmentTooLarge(long bytes) =>
        new("file", $"An attachment is at most {AttachCopy.MaxBytes / (1024 * 1024)} MB; this one is {bytes:N0} bytes.");

    public static readonly DomainError AttachmentEmpty = new("file", "The file is empty; an attachment has at least 1 byte.");

    public static readonly DomainError AttachmentName = new("file", "The file needs a name of up to 200 characters.");

    // Handing over
    public static readonly DomainError ReceiverMissing = new("toInstitution", "Say who receives the letter.");
    public static readonly DomainError NotTheHolder = new("from", "Only the current holder can hand the letter over; the register shows someone else holding it.", ErrorKind.Conflict);
    public static readonly DomainError NotTheGiver = new("from", "The giver records a hand-over: sign in as a user of the institution handing the letter over.", ErrorKind.Forbidden);
    public static readonly DomainError SameReceiver = new("to", "A hand-over needs a different receiver.");
    public static readonly DomainError DatedInTheFuture = new("at", "A hand-over cannot be recorded for the future.");

    public static DomainError DatedBeforeLetter(DateOnly dated) => new("at", $"The hand-over is dated before the letter itself ({dated:yyyy-MM-dd}).");

    public static DomainError DatedBeforePrevious(DateTime previous) => new("at", $"The hand-over is dated before the previous one ({previous:yyyy-MM-dd HH:mm} UTC).");

    public static DomainError HandoverTextTooLong(string field) => new(field, "Too long: place up to 200, note up to 1000 characters.");

    // Answering
    public static readonly DomainError NoSuchHandover = new("handover", "No such hand-over on this letter.", ErrorKind.NotFound);
    public static readonly DomainError NotTheReceiver = new("handover", "Only the receiving institution can confirm or dispute this hand-over.", ErrorKind.Forbidden);

    public static DomainError AlreadyAnswered(HandoverState state) => new("handover", $"This hand-over was already {state.ToString().ToLowerInvariant()}.", ErrorKind.Conflict);

    public static readonly DomainError DisputeReason = new("reason", "Say why the hand-over is disputed (up to 1000 characters).");

    // Acknowledging
    public static readonly DomainError NotTheAddressee = new("letter", "Only the addressee institution acknowledges receipt.", ErrorKind.Forbidden);
    public static readonly DomainError AlreadyAcknowledged = new("letter", "The letter was already acknowledged.", ErrorKind.Conflict);
    public static readonly DomainError NotYetDelivered = new("letter", "The letter has not reached the addressee institution yet.", ErrorKind.Conflict);

    // Opening sealed copies
    public static readonly DomainError SealedToAddressee = new("attachment", "The copy is sealed to the addressee institution; only its users can open it.", ErrorKind.Forbidden);
    public static readonly DomainError NoSuchAttachment = new("attachment", "No such attachment.", ErrorKind.NotFound);
    public static readonly DomainError CiphertextAltered = new("attachment", "The stored ciphertext does not match its recorded fingerprint: it was altered.", ErrorKind.Conflict);
    public static readonly DomainError CopyDoesNotOpen = new("attachment", "The sealed copy does not open: it was altered or sealed to another key.", ErrorKind.Conflict);
    public static readonly DomainError OpenedCopyAltered = new("attachment", "The opened copy does not match its recorded fingerprint.", ErrorKind.Conflict);

    // Keys
    public static readonly DomainError NotTheInstitutionsUser = new("institution", "Only the institution's own users may use its keys.", ErrorKind.Forbidden);
    public static readonly DomainError NoKeysYet = new("institution", "The institution has no keys yet.", ErrorKind.NotFound);

    public static readonly DomainError PasskeyNeeded = new("assertion",
        "You have a passkey, so this step is signed with it: do it on the letter's page, or prepare it with POST …/steps/prepare and send the passkey's answer to …/steps/signed.",
        ErrorKind.Conflict);

    public static readonly DomainError StepChangedSinceSigned = new("assertion",
        "The letter changed after you signed this step, so the signature is not over what would be recorded; do the step again.", ErrorKind.Conflict);

    public static readonly DomainError KeysUnderLegacyRing = new("institution",
        "The institution's private keys are still protected by an earlier release's key ring, bound to the folder that release ran from; the operator opens the store once with PARLEY_PREVIOUS_INSTALL set to that folder to move them into the vault.",
        ErrorKind.Conflict);
}
