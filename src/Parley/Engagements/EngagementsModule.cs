using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Parley.Record;

namespace Parley.Engagements;

/// <summary>Visits, meetings and their minutes, proposals and task forces.</summary>
public sealed class EngagementsModule : IRecordModule
{
    public string Name => "engagements";
    public IReadOnlyList<Type> Events { get; } = [typeof(EngagementEvent)];

    public IReadOnlyList<ProjectionTable> Tables { get; } =
    [
        ProjectionTable.Of<Encounter>(q => q.OrderBy(x => x.Meeting).ThenBy(x => x.PersonA).ThenBy(x => x.PersonB)),
        ProjectionTable.Of<ActionItem>(q => q.OrderBy(x => x.Id)),
        ProjectionTable.Of<MinutesVersion>(q => q.OrderBy(x => x.Meeting).ThenBy(x => x.Version),
            mv => mv.Comments.Sort((x, y) => x.At != y.At ? x.At.CompareTo(y.At) : string.CompareOrdinal(x.Text, y.Text))),
        ProjectionTable.Of<Meeting>(q => q.OrderBy(x => x.Id), m =>
        {
            m.Participants.Sort((x, y) => x.Person.CompareTo(y.Person));
            m.Agenda.Sort((x, y) => x.Order.CompareTo(y.Order));
        }),
        ProjectionTable.Of<Visit>(q => q.OrderBy(x => x.Id), v => v.Travellers.Sort((x, y) => x.Person.CompareTo(y.Person))),
        ProjectionTable.Of<Proposal>(q => q.OrderBy(x => x.Id), pr => pr.Window.Sort((x, y) =>
            x.Kind != y.Kind ? x.Kind.CompareTo(y.Kind)
            : Nullable.Compare(x.Date, y.Date) is var d && d != 0 ? d
            : Nullable.Compare(x.Chamber, y.Chamber))),
        ProjectionTable.Of<TaskForce>(q => q.OrderBy(x => x.Id),
            t => t.Members.Sort((x, y) => x.Person != y.Person ? x.Person.CompareTo(y.Person) : x.Since.CompareTo(y.Since))),
    ];

    public void Map(ModelBuilder model)
    {
        model.ApplyConfiguration(new VisitMap());
        model.ApplyConfiguration(new MeetingMap());
        model.ApplyConfiguration(new MinutesMap());
        model.Entity<ActionItem>(e =>
        {
            e.ToTable("action_items");
            e.Property(x => x.What).HasMaxLength(1000);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
            e.HasIndex(x => x.Meeting);
            e.HasIndex(x => new { x.Series, x.Status });
            e.HasIndex(x => x.Owner);
        });
        model.Entity<Encounter>(e =>
        {
            e.ToTable("encounters");
            e.HasKey(x => new { x.Meeting, x.PersonA, x.PersonB });
            e.HasIndex(x => x.PersonA);
            e.HasIndex(x => x.PersonB);
        });
        model.ApplyConfiguration(new ProposalMap());
        model.ApplyConfiguration(new TaskForceMap());
    }

    /// <summary>A meeting's participants are invited by e-mail where Parley has an SMTP server (<see cref="Invitations"/>).</summary>
    public void AddServices(IServiceCollection services, StoreSettings store) => services.AddSingleton<IRecordReaction, Invitations>();

    /// <summary>Each sub-capability projects its own events.</summary>
    public async ValueTask ApplyAsync(ParleyDb db, IEvent e, StoredEvent stored, CancellationToken ct)
    {
        if (e is not EngagementEvent g)
            return;
        var projected = VisitsProjection.Apply(db, g)
            || await MeetingsProjection.ApplyAsync(db, g, stored, ct)
            || await ProposalsProjection.ApplyAsync(db, g, stored, ct)
            || await TaskForcesProjection.ApplyAsync(db, g, stored, ct);
        if (!projected)
            throw new InvalidOperationException($"No engagements projection handles {e.GetType().Name}.");
    }

    private sealed class VisitMap : IEntityTypeConfiguration<Visit>
    {
        public void Configure(EntityTypeBuilder<Visit> e)
        {
            e.ToTable("visits");
            e.Property(x => x.Title).HasMaxLength(300);
            e.Property(x => x.Destination).HasMaxLength(200);
            e.Property(x => x.DestinationCountry).HasMaxLength(2);
            e.HasIndex(x => x.StartsOn);
            e.OwnsMany(x => x.Travellers, t =>
            {
                t.ToTable("visit_travellers");
                OwnedRows.SingleKey(t);
            });
        }
    }

    private sealed class MeetingMap : IEntityTypeConfiguration<Meeting>
    {
        public void Configure(EntityTypeBuilder<Meeting> e)
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
                OwnedRows.SingleKey(p);
            });
            e.OwnsMany(x => x.Agenda, a =>
            {
                a.ToTable("meeting_agenda");
                a.Property(x => x.Title).HasMaxLength(300);
                OwnedRows.SingleKey(a);
            });
        }
    }

    private sealed class MinutesMap : IEntityTypeConfiguration<MinutesVersion>
    {
        public void Configure(EntityTypeBuilder<MinutesVersion> e)
        {
            e.ToTable("minutes");
            e.HasKey(x => new { x.Meeting, x.Version });
            e.Property(x => x.State).HasConversion<string>().HasMaxLength(20);
            e.OwnsMany(x => x.Comments, c =>
            {
                c.ToTable("minutes_comments");
                c.Property(x => x.Text).HasMaxLength(4000);
                OwnedRows.SingleKey(c);
            });
        }
    }

    private sealed class ProposalMap : IEntityTypeConfiguration<Proposal>
    {
        public void Configure(EntityTypeBuilder<Proposal> e)
        {
            e.ToTable("proposals");
            e.Property(x => x.Title).HasMaxLength(300);
            e.Property(x => x.State).HasConversion<string>().HasMaxLength(20);
            e.HasIndex(x => new { x.State, x.ProposedAt });
            e.OwnsMany(x => x.Window, w =>
            {
                w.ToTable("proposal_window");
                w.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
                OwnedRows.SingleKey(w);
            });
        }
    }

    private sealed class TaskForceMap : IEntityTypeConfiguration<TaskForce>
    {
        public void Configure(EntityTypeBuilder<TaskForce> e)
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
                OwnedRows.SingleKey(m);
            });
        }
    }
}
