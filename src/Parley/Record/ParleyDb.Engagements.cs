using Microsoft.EntityFrameworkCore;
using Parley.Engagements;

namespace Parley.Record;

public abstract partial class ParleyDb
{
    public DbSet<Visit> Visits => Set<Visit>();
    public DbSet<Meeting> Meetings => Set<Meeting>();
    public DbSet<MinutesVersion> Minutes => Set<MinutesVersion>();
    public DbSet<ActionItem> Actions => Set<ActionItem>();
    public DbSet<Encounter> Encounters => Set<Encounter>();
    public DbSet<BusyTime> BusyTimes => Set<BusyTime>();
    public DbSet<Proposal> Proposals => Set<Proposal>();
    public DbSet<TaskForce> TaskForces => Set<TaskForce>();
    public DbSet<CalendarPeriod> CalendarPeriods => Set<CalendarPeriod>();
    public DbSet<FeedToken> FeedTokens => Set<FeedToken>();
    public DbSet<FeedTokenSecret> FeedTokenSecrets => Set<FeedTokenSecret>();

    private static void MapEngagements(ModelBuilder builder)
    {
        builder.Entity<Visit>(e =>
        {
            e.ToTable("visits");
            e.Property(x => x.Title).HasMaxLength(300);
            e.Property(x => x.Destination).HasMaxLength(200);
            e.Property(x => x.DestinationCountry).HasMaxLength(2);
            e.HasIndex(x => x.StartsOn);
            e.OwnsMany(x => x.Travellers, t =>
            {
                t.ToTable("visit_travellers");
                SingleKey(t);
            });
        });
        builder.Entity<Meeting>(e =>
        {
            e.ToTable("meetings");
            e.Property(x => x.Title).HasMaxLength(300);
            e.Property(x => x.Place).HasMaxLength(300);
            e.Property(x => x.Zone).HasMaxLength(60);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
            e.HasIndex(x => new { x.StartsAt, x.Id });
            e.HasIndex(x => new { x.Series, x.StartsAt });
            e.HasIndex(x => x.Visit);
            e.HasIndex(x => x.TaskForce);
            e.OwnsMany(x => x.Participants, p =>
            {
                p.ToTable("meeting_participants");
                p.HasIndex(x => x.Person);
                SingleKey(p);
            });
            e.OwnsMany(x => x.Agenda, a =>
            {
                a.ToTable("meeting_agenda");
                a.Property(x => x.Title).HasMaxLength(300);
                SingleKey(a);
            });
        });
        builder.Entity<MinutesVersion>(e =>
        {
            e.ToTable("minutes");
            e.HasKey(x => new { x.Meeting, x.Version });
            e.Property(x => x.State).HasConversion<string>().HasMaxLength(20);
            e.OwnsMany(x => x.Comments, c =>
            {
                c.ToTable("minutes_comments");
                c.Property(x => x.Text).HasMaxLength(4000);
                SingleKey(c);
            });
        });
        builder.Entity<ActionItem>(e =>
        {
            e.ToTable("action_items");
            e.Property(x => x.What).HasMaxLength(1000);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
            e.HasIndex(x => x.Meeting);
            e.HasIndex(x => new { x.Series, x.Status });
            e.HasIndex(x => x.Owner);
        });
        builder.Entity<Encounter>(e =>
        {
            e.ToTable("encounters");
            e.HasKey(x => new { x.Meeting, x.PersonA, x.PersonB });
            e.HasIndex(x => x.PersonA);
            e.HasIndex(x => x.PersonB);
        });
        builder.Entity<BusyTime>(e =>
        {
            e.ToTable("busy_times");
            e.HasIndex(x => new { x.Person, x.StartsAt });
        });
        builder.Entity<Proposal>(e =>
        {
            e.ToTable("proposals");
            e.Property(x => x.Title).HasMaxLength(300);
            e.Property(x => x.State).HasConversion<string>().HasMaxLength(20);
            e.HasIndex(x => new { x.State, x.ProposedAt });
            e.OwnsMany(x => x.Window, w =>
            {
                w.ToTable("proposal_window");
                w.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
                SingleKey(w);
            });
        });
        builder.Entity<TaskForce>(e =>
        {
            e.ToTable("task_forces");
            e.Property(x => x.Name).HasMaxLength(300);
            e.Property(x => x.Cadence).HasMaxLength(500);
            e.Property(x => x.Zone).HasMaxLength(60);
            e.Property(x => x.CharterState).HasConversion<string>().HasMaxLength(20);
            e.Ignore(x => x.FirstMeeting);
            e.OwnsMany(x => x.Members, m =>
            {
                m.ToTable("task_force_members");
                m.Property(x => x.Side).HasConversion<string>().HasMaxLength(2);
                m.Property(x => x.Role).HasConversion<string>().HasMaxLength(20);
                m.HasIndex(x => x.Person);
                SingleKey(m);
            });
        });
        builder.Entity<CalendarPeriod>(e =>
        {
            e.ToTable("calendar_periods");
            e.Property(x => x.Name).HasMaxLength(200);
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
            e.HasIndex(x => new { x.Chamber, x.StartsOn });
        });
        builder.Entity<FeedToken>(e =>
        {
            e.ToTable("feed_tokens");
            e.HasIndex(x => x.Account);
        });
        builder.Entity<FeedTokenSecret>(e =>
        {
            e.ToTable("feed_token_secrets");
            e.HasKey(x => x.TokenId);
            e.HasIndex(x => x.Hash).IsUnique();
        });
    }
}
