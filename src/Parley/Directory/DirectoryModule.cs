using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Parley.Record;

namespace Parley.Directory;

/// <summary>The directory in the record: countries, institutions, people and their posts.</summary>
public sealed class DirectoryModule : IRecordModule
{
    public string Name => "directory";
    public IReadOnlyList<Type> Events { get; } = [typeof(DirectoryEvent)];

    public IReadOnlyList<string> SearchKinds { get; } = [DirectorySearch.Institution, DirectorySearch.Person];

    public IReadOnlyList<ProjectionTable> Tables { get; } =
    [
        ProjectionTable.Of<Membership>(q => q.OrderBy(x => x.Id)),
        ProjectionTable.Of<Person>(q => q.OrderBy(x => x.Id), p =>
        {
            NameRules.Canonicalize(p.Names);
            NameRules.Canonicalize(p.Identifiers);
        }),
        ProjectionTable.Of<Institution>(q => q.OrderBy(x => x.Id), i =>
        {
            NameRules.Canonicalize(i.Names);
            NameRules.Canonicalize(i.Identifiers);
        }, async (db, ct) =>
        {
            await db.Institutions.Where(i => i.ParentId != null).ExecuteDeleteAsync(ct);
            await db.Institutions.ExecuteDeleteAsync(ct);
        }),
        ProjectionTable.Of<Country>(q => q.OrderBy(x => x.Code)),
        ProjectionTable.Of<RecordDetails>(q => q.OrderBy(x => x.Of).ThenBy(x => x.Id)),
    ];

    public void Map(ModelBuilder model)
    {
        model.ApplyConfiguration(new CountryMap());
        model.ApplyConfiguration(new InstitutionMap());
        model.ApplyConfiguration(new PersonMap());
        model.ApplyConfiguration(new MembershipMap());
        model.Entity<RecordDetails>(e =>
        {
            e.ToTable("record_details");
            e.HasKey(x => new { x.Of, x.Id });
            e.Property(x => x.Of).HasConversion<string>().HasMaxLength(20);
        });
    }

    public ValueTask ApplyAsync(ParleyDb db, IEvent e, StoredEvent stored, CancellationToken ct) =>
        e is DirectoryEvent d ? DirectoryProjection.ApplyAsync(db, d, ct) : ValueTask.CompletedTask;

    private sealed class CountryMap : IEntityTypeConfiguration<Country>
    {
        public void Configure(EntityTypeBuilder<Country> e)
        {
            e.ToTable("countries");
            e.HasKey(x => x.Code);
            e.Property(x => x.Code).HasMaxLength(2);
        }
    }

    private sealed class InstitutionMap : IEntityTypeConfiguration<Institution>
    {
        public void Configure(EntityTypeBuilder<Institution> e)
        {
            e.ToTable("institutions");
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(40);
            e.Property(x => x.Name).HasMaxLength(Limits.Name);
            e.HasIndex(x => x.ParentId);
            e.OwnsMany(x => x.Names, n => NameColumns(n, "institution_names"));
            e.OwnsMany(x => x.Identifiers, n => IdentifierColumns(n, "institution_identifiers"));
        }
    }

    private sealed class PersonMap : IEntityTypeConfiguration<Person>
    {
        public void Configure(EntityTypeBuilder<Person> e)
        {
            e.ToTable("people");
            e.Property(x => x.Name).HasMaxLength(Limits.Name);
            e.Property(x => x.SortName).HasMaxLength(Limits.Name);
            e.HasIndex(x => x.SortName);
            e.OwnsMany(x => x.Names, n => NameColumns(n, "person_names"));
            e.OwnsMany(x => x.Identifiers, n => IdentifierColumns(n, "person_identifiers"));
        }
    }

    private sealed class MembershipMap : IEntityTypeConfiguration<Membership>
    {
        public void Configure(EntityTypeBuilder<Membership> e)
        {
            e.ToTable("memberships");
            e.HasIndex(x => x.PersonId);
            e.HasIndex(x => x.InstitutionId);
            e.HasOne<Person>().WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Institution>().WithMany().HasForeignKey(x => x.InstitutionId).OnDelete(DeleteBehavior.Cascade);
        }
    }

    private static void NameColumns<TOwner>(OwnedNavigationBuilder<TOwner, NameForm> n, string table)
        where TOwner : class
    {
        n.ToTable(table);
        OwnedRows.SingleKey(n);
        n.Property(x => x.Value).HasMaxLength(Limits.Name);
        n.Property(x => x.Folded).HasMaxLength(Limits.Name);
        n.Property(x => x.Lang).HasMaxLength(12);
        n.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        n.HasIndex(x => x.Folded);
    }

    private static void IdentifierColumns<TOwner>(OwnedNavigationBuilder<TOwner, ExternalId> n, string table)
        where TOwner : class
    {
        n.ToTable(table);
        OwnedRows.SingleKey(n);
        n.Property(x => x.Scheme).HasMaxLength(40);
        n.Property(x => x.Value).HasMaxLength(Limits.Name);
        n.HasIndex(x => new { x.Scheme, x.Value });
    }
}
