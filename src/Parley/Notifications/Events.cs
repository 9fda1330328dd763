using Parley.Record;

namespace Parley.Notifications;

public abstract record NotificationsEvent : IEvent
{
    public abstract string Stream { get; }
}

/// <summary>A user chose where and how often they hear of their work by e-mail.</summary>
[EventType("notifications.chosen")]
public sealed record NotificationsChosen(Guid Account, string? Email, NotificationFrequency Letters, NotificationFrequency Reviews,
    NotificationFrequency Minutes, NotificationFrequency Commitments) : NotificationsEvent
{
    public override string Stream => $"notifications/{Account}";
}
