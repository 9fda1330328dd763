using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Parley.Correspondence;
using Parley.Engagements;
using Parley.Record;

namespace Parley.Statements;

/// <summary>
/// Statements, their sources and commitments. Subscribes to correspondence and engagement events, since a
/// letter reaching a status or a meeting being held fulfils a commitment.
/// </summary>
public sealed class StatementsModule : IRecordModule
{
    public string Name => "statements";
    public IReadOnlyList<Type> Events { get; } = [typeof(StatementEvent)];

    public IReadOnlyList<string> SearchKinds { get; } = [StatementRegister.SearchKind];

    public IReadOnlyList<ProjectionTable> Tables { get; } =
    [
        ProjectionTable.Of<Commitment>(q => q.OrderBy(x => x.Id)),
        ProjectionTable.Of<Statement>(q => q.OrderBy(x => x.Id),
            st => st.Links.Sort((x, y) => x.Kind != y.Kind ? x.Kind.CompareTo(y.Kind) : x.Target.CompareTo(y.Target))),
        ProjectionTable.Of<StatementSource>(q => q.OrderBy(x => x.Sha256)),
    ];

    public void Map(ModelBuilder model)
    {
        model.ApplyConfiguration(new StatementMap());
        model.Entity<StatementSource>(e =>
        {
            e.ToTable("statement_sources");
            e.HasKey(x => x.Sha256);
            e.Property(x => x.Sha256).HasMaxLength(64);
            e.Property(x => x.Outlet).HasMaxLength(200);
            e.Property(x => x.Url).HasMaxLength(2000);
        });
        model.Entity<Commitment>(e =>
        {
            e.ToTable("commitments");
            e.Property(x => x.What).HasMaxLength(1000);
            e.Property(x => x.LetterReaches).HasConversion<string>().HasMaxLength(20);
            e.HasIndex(x => new { x.FulfilledAt, x.DueBy });
            e.HasIndex(x => x.Letter);
            e.HasIndex(x => x.Statement);
            e.HasIndex(x => x.Engagement);
        });
    }

    public ValueTask ApplyAsync(ParleyDb db, IEvent e, StoredEvent stored, CancellationToken ct) => e switch
    {
        StatementEvent s => StatementsProjection.ApplyAsync(db, s, stored, ct),
        CorrespondenceEvent c => StatementsProjection.LetterEventAsync(db, c, stored, ct),
        MeetingHeld h => StatementsProjection.MeetingHeldAsync(db, h, stored, ct),
        _ => ValueTask.CompletedTask,
    };

    private sealed class StatementMap : IEntityTypeConfiguration<Statement>
    {
        public void Configure(EntityTypeBuilder<Statement> e)
        {
            e.ToTable("statements");
            e.Property(x => x.Medium).HasConversion<string>().HasMaxLength(30);
            e.Property(x => x.DateBasis).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.Language).HasMaxLength(12);
            e.Property(x => x.TranslationLanguage).HasMaxLength(12);
            e.Property(x => x.Outlet).HasMaxLength(200);
            e.Property(x => x.Url).HasMaxLength(2000);
            e.Property(x => x.SourceSha256).HasMaxLength(64);
            e.HasIndex(x => new { x.SaidOn, x.Id });
            e.HasIndex(x => new { x.Speaker, x.SaidOn });
            e.OwnsMany(x => x.Links, l =>
            {
                l.ToTable("statement_links");
                l.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
                l.HasIndex(x => new { x.Kind, x.Target });
                OwnedRows.SingleKey(l);
            });
        }
    }
}
