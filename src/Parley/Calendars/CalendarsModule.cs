using Microsoft.EntityFrameworkCore;
using Parley.Record;

namespace Parley.Calendars;

/// <summary>Chambers' calendars, people's busy times and secret feed links: what scheduling and the feeds read.</summary>
public sealed class CalendarsModule : IRecordModule
{
    public string Name => "calendars";
    public IReadOnlyList<Type> Events { get; } = [typeof(CalendarsEvent)];

    public IReadOnlyList<ProjectionTable> Tables { get; } =
    [
        ProjectionTable.Of<FeedToken>(q => q.OrderBy(x => x.Id)),
        ProjectionTable.Of<CalendarPeriod>(q => q.OrderBy(x => x.Id)),
        ProjectionTable.Of<BusyTime>(q => q.OrderBy(x => x.Id)),
    ];

    public void Map(ModelBuilder model)
    {
        model.Entity<BusyTime>(e =>
        {
            e.ToTable("busy_times");
            e.HasIndex(x => new { x.Person, x.StartsAt });
        });
        model.Entity<CalendarPeriod>(e =>
        {
            e.ToTable("calendar_periods");
            e.Property(x => x.Name).HasMaxLength(200);
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
            e.HasIndex(x => new { x.Chamber, x.StartsOn });
        });
        model.Entity<FeedToken>(e =>
        {
            e.ToTable("feed_tokens");
            e.HasIndex(x => x.Account);
        });
        model.Entity<FeedTokenSecret>(e =>
        {
            e.ToTable("feed_token_secrets");
            e.HasKey(x => x.TokenId);
            e.HasIndex(x => x.Hash).IsUnique();
        });
    }

    public ValueTask ApplyAsync(ParleyDb db, IEvent e, StoredEvent stored, CancellationToken ct) =>
        e is CalendarsEvent c ? CalendarsProjection.ApplyAsync(db, c, stored, ct) : ValueTask.CompletedTask;
}
