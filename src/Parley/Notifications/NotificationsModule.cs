using Microsoft.EntityFrameworkCore;
using Parley.Record;

namespace Parley.Notifications;

/// <summary>Each user's choice of e-mail about their work (events and a projection), and what was sent (kept beside it).</summary>
public sealed class NotificationsModule : IRecordModule
{
    public string Name => "notifications";
    public IReadOnlyList<Type> Events { get; } = [typeof(NotificationsEvent)];
    public IReadOnlyList<ProjectionTable> Tables { get; } = [ProjectionTable.Of<NotificationChoice>(q => q.OrderBy(x => x.Account))];

    public void Map(ModelBuilder model)
    {
        model.Entity<NotificationChoice>(e =>
        {
            e.ToTable("notification_choices");
            e.HasKey(x => x.Account);
            e.Property(x => x.Email).HasMaxLength(320);
            foreach (var kind in new[] { nameof(NotificationChoice.Letters), nameof(NotificationChoice.Reviews), nameof(NotificationChoice.Minutes), nameof(NotificationChoice.Commitments) })
                e.Property(kind).HasConversion<string>().HasMaxLength(10);
        });
        model.Entity<NotificationSent>(e =>
        {
            e.ToTable("notifications_sent");
            e.HasKey(x => new { x.Account, x.Item });
            e.Property(x => x.Item).HasMaxLength(400);
        });
        model.Entity<NotificationDigest>(e =>
        {
            e.ToTable("notification_digests");
            e.HasKey(x => x.Account);
        });
    }

    public async ValueTask ApplyAsync(ParleyDb db, IEvent e, StoredEvent stored, CancellationToken ct)
    {
        if (e is not NotificationsChosen c)
            return;
        var row = await db.FindRowAsync<NotificationChoice>([c.Account], ct);
        if (row is null)
            db.NotificationChoices.Add(row = new NotificationChoice { Account = c.Account });
        (row.Email, row.Letters, row.Reviews, row.Minutes, row.Commitments) = (c.Email, c.Letters, c.Reviews, c.Minutes, c.Commitments);
    }
}
