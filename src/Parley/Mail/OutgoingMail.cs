namespace Parley.Mail;

/// <summary>
/// A message in the outbox: written in the transaction of the event that causes it (<see cref="Record.IRecordReaction"/>),
/// sent by <see cref="MailDelivery"/> in the order written, tried again with a growing wait until the server takes it.
/// Not a projection: a rebuild neither clears nor re-creates it, so nothing is sent twice.
/// </summary>
public sealed class OutgoingMail
{
    public Guid Id { get; set; }

    /// <summary>The ledger index of the event that caused it.</summary>
    public long Cause { get; set; }

    public DateTime QueuedAt { get; set; }
    public required string To { get; set; }
    public string? ToName { get; set; }
    public required string Subject { get; set; }
    public required string Text { get; set; }

    /// <summary>An iMIP part (RFC 6047): the iCalendar object and its METHOD, when the message carries one.</summary>
    public string? Calendar { get; set; }

    public string? Method { get; set; }

    /// <summary>The Message-ID, fixed when queued: a client that receives a message twice (a crash between sending and noting it sent) sees one.</summary>
    public required string MessageId { get; set; }

    public int Attempts { get; set; }
    public DateTime NextAttemptAt { get; set; }
    public DateTime? SentAt { get; set; }
    public string? LastError { get; set; }
}
