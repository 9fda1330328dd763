namespace Parley.Correspondence;

/// <summary>The English words for custody states; pages pass them through the localizer.</summary>
public static class Labels
{
    public static string Of(LetterStatus status) => status switch
    {
        LetterStatus.Registered => "registered",
        LetterStatus.Dispatched => "dispatched",
        LetterStatus.WithCourier => "with the courier",
        LetterStatus.DeliveredToOffice => "delivered to the office",
        LetterStatus.InAddresseesHands => "in the addressee's hands",
        LetterStatus.Acknowledged => "acknowledged",
        LetterStatus.Replied => "replied",
    };

    /// <summary>What a letter's status reads as: its status, or while the last hand-over awaits its receiver, that (with the holder for {0}).</summary>
    public static string Phrase(CustodyView custody) => custody.Pending is null ? Of(custody.Status) : "handed to {0}, awaiting its confirmation";

    public static string Of(CustodyException exception) => exception switch
    {
        CustodyException.UnconfirmedHandover => "unconfirmed hand-over",
        CustodyException.DisputedHandover => "disputed hand-over",
        CustodyException.BrokenSeal => "broken seal",
        CustodyException.OffRouteHolder => "off-route holder",
        CustodyException.LegOverdue => "leg overdue",
        CustodyException.ReplyOverdue => "reply overdue",
    };

    public static string Of(HandoverState state) => state switch
    {
        HandoverState.Recorded => "awaiting confirmation",
        HandoverState.Confirmed => "confirmed",
        HandoverState.Disputed => "disputed",
    };

    public static string Of(CustodyStep step) => step switch
    {
        CustodyStep.HandOver => "the hand-over",
        CustodyStep.Confirm => "the confirmation of receipt",
        CustodyStep.Dispute => "the dispute",
        CustodyStep.Acknowledge => "the acknowledgement of receipt",
    };
}
