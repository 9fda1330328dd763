using Parley.Record;

namespace Parley.Correspondence;

/// <summary>
/// A letter's state as the decisions see it: the register entry with its route and custody tally, the institutions that
/// gave or received it in a hand-over, and whether it was replied to. Its size does not grow with the letter's history;
/// the hand-overs themselves are read only where they are shown (<see cref="LetterRegister.HandoversAsync"/>).
/// </summary>
public sealed record LetterState(Letter Letter, IReadOnlySet<Guid> Carriers, bool Replied)
{
    public CustodyTally Tally => Letter.Custody;
}

public sealed record Holder(Guid Institution, Guid? Person);

/// <summary>
/// A letter's custody at a moment. <see cref="Pending"/> is the last hand-over while its receiver has not confirmed it:
/// the holder is then that receiver, and the status says so ("handed to …, awaiting its confirmation"), from this one view.
/// </summary>
public sealed record CustodyView(LetterStatus Status, IReadOnlyList<CustodyException> Exceptions, Holder Holder, DateTime? NextDue, RouteLeg? NextLeg,
    ChainEnd? Pending = null);

/// <summary>
/// Custody rules as pure functions: status and exceptions are derived from the hand-overs' tally, and each command
/// is decided against the state, so the rules are testable without a database.
/// </summary>
public static class Custody
{
    /// <summary>Who holds the letter: the receiver of the last hand-over not disputed, else the sender's office.</summary>
    public static Holder HolderOf(LetterState s) =>
        s.Tally.Last is { } last ? new Holder(last.ToInstitution, last.ToPerson) : new Holder(s.Letter.SenderInstitution, null);

    public static CustodyView View(LetterState s, DateTime now)
    {
        var letter = s.Letter;
        var tally = s.Tally;
        var status = LetterStatus.Registered;
        if (tally.Chain > 0)
            status = LetterStatus.Dispatched;
        if (tally.LastConfirmed is { } last)
        {
            status = last.ToInstitution != letter.AddresseeInstitution ? LetterStatus.WithCourier
                : letter.AddresseePerson is { } person && last.ToPerson == person ? LetterStatus.InAddresseesHands
                : LetterStatus.DeliveredToOffice;
        }
        if (letter.AcknowledgedAt is not null)
            status = LetterStatus.Acknowledged;
        if (s.Replied)
            status = LetterStatus.Replied;

        var exceptions = new List<CustodyException>();
        if (tally.Unconfirmed > 0)
            exceptions.Add(CustodyException.UnconfirmedHandover);
        if (tally.Disputed > 0)
            exceptions.Add(CustodyException.DisputedHandover);
        if (tally.BrokenSeals > 0)
            exceptions.Add(CustodyException.BrokenSeal);
        if (tally.OffRoute)
            exceptions.Add(CustodyException.OffRouteHolder);
        var route = letter.Route.OrderBy(l => l.Order).ToList();
        var nextLeg = tally.Chain < route.Count ? route[tally.Chain] : null;
        // A leg's clock starts when the previous hand-over was confirmed (or recorded, if it is not yet).
        DateTime? due = nextLeg is null ? null : (tally.Last is { } previous ? previous.AnsweredAt ?? previous.At : letter.RegisteredAt).AddHours(nextLeg.DueHours);
        if (due < now && status < LetterStatus.Acknowledged)
            exceptions.Add(CustodyException.LegOverdue);
        if (letter.ReplyBy is { } replyBy && !s.Replied && DateOnly.FromDateTime(now) > replyBy)
            exceptions.Add(CustodyException.ReplyOverdue);
        return new CustodyView(status, exceptions, HolderOf(s), due, nextLeg, tally.Last is { State: HandoverState.Recorded } pending ? pending : null);
    }

    /// <summary>
    /// The first moment <see cref="View"/> shows an exception: the registration time if one shows whatever the
    /// clock, else when the next leg or the reply falls due; null if no exception can arise without a new event.
    /// The register keeps it in a column, so "exceptions only" is an index range rather than a scan.
    /// </summary>
    public static DateTime? AttentionFrom(LetterState s) => Derive(s).AttentionFrom;

    /// <summary>What the projection keeps for the register: the status and <see cref="AttentionFrom"/>, from one clock-free view.</summary>
    public static (LetterStatus Status, DateTime? AttentionFrom) Derive(LetterState s)
    {
        var timeless = View(s, DateTime.MinValue);
        if (timeless.Exceptions.Count > 0)
            return (timeless.Status, s.Letter.RegisteredAt);
        DateTime? leg = timeless.Status < LetterStatus.Acknowledged ? timeless.NextDue : null;
        DateTime? reply = s.Letter.ReplyBy is { } replyBy && !s.Replied ? replyBy.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) : null;
        return (timeless.Status, leg is null ? reply : reply is null || leg < reply ? leg : reply);
    }

    public static DomainError? CheckHandover(LetterState s, Guid actorInstitution, HandoverRecorded h, DateTime now)
    {
        var holder = HolderOf(s);
        if (holder.Institution != h.FromInstitution || (holder.Person is { } p && h.FromPerson != p))
            return CorrespondenceErrors.NotTheHolder;
        if (actorInstitution != h.FromInstitution)
            return CorrespondenceErrors.NotTheGiver;
        if (h.ToInstitution == h.FromInstitution && h.ToPerson == h.FromPerson)
            return CorrespondenceErrors.SameReceiver;
        if (h.At > now.AddMinutes(5))
            return CorrespondenceErrors.DatedInTheFuture;
        if (DateOnly.FromDateTime(h.At) < s.Letter.Dated)
            return CorrespondenceErrors.DatedBeforeLetter(s.Letter.Dated);
        if (s.Tally.Last is { } previous && h.At < previous.At)
            return CorrespondenceErrors.DatedBeforePrevious(previous.At);
        if (h.Place is { Length: > 200 })
            return CorrespondenceErrors.HandoverTextTooLong("place");
        if (h.Note is { Length: > 1000 })
            return CorrespondenceErrors.HandoverTextTooLong("note");
        return null;
    }

    public static DomainError? CheckAnswer(Handover? h, Guid actorInstitution)
    {
        if (h is null)
            return CorrespondenceErrors.NoSuchHandover;
        if (h.ToInstitution != actorInstitution)
            return CorrespondenceErrors.NotTheReceiver;
        return h.State == HandoverState.Recorded ? null : CorrespondenceErrors.AlreadyAnswered(h.State);
    }
}
