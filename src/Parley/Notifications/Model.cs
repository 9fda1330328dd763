using Parley.Web;

namespace Parley.Notifications;

/// <summary>How often a user hears by e-mail about one kind of work.</summary>
public enum NotificationFrequency
{
    Never,
    AtOnce,
    Daily,
}

/// <summary>Projection of a user's choice: the address mail goes to, and how often for each kind of work.</summary>
public sealed class NotificationChoice
{
    public Guid Account { get; set; }
    public string? Email { get; set; }
    public NotificationFrequency Letters { get; set; }
    public NotificationFrequency Reviews { get; set; }
    public NotificationFrequency Minutes { get; set; }
    public NotificationFrequency Commitments { get; set; }

    public NotificationFrequency For(WorkKind kind) => kind switch
    {
        WorkKind.Letters => Letters,
        WorkKind.Reviews => Reviews,
        WorkKind.Minutes => Minutes,
        _ => Commitments,
    };
}

/// <summary>
/// A work item a user has been told of at once, so it is told once (not a projection: what was sent is a fact about
/// the mail, kept like the outbox, and a rebuild leaves it).
/// </summary>
public sealed class NotificationSent
{
    public Guid Account { get; set; }
    public required string Item { get; set; }
    public DateTime SentAt { get; set; }
}

/// <summary>The day a user's last daily digest went out.</summary>
public sealed class NotificationDigest
{
    public Guid Account { get; set; }
    public DateOnly LastOn { get; set; }
}
