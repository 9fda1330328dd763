using Microsoft.EntityFrameworkCore;
using Parley.Notifications;

namespace Parley.Record;

/// <summary>The notifications' tables (mapped by <see cref="NotificationsModule"/>).</summary>
public abstract partial class ParleyDb
{
    public DbSet<NotificationChoice> NotificationChoices => Set<NotificationChoice>();
    public DbSet<NotificationSent> NotificationsSent => Set<NotificationSent>();
    public DbSet<NotificationDigest> NotificationDigests => Set<NotificationDigest>();
}
