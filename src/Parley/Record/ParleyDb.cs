using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Parley.Access;
using Parley.Correspondence;
using Parley.Directory;

namespace Parley.Record;

/// <summary>The unit of work: the event store, the projections pages read, and the sign-in secrets.</summary>
public abstract partial class ParleyDb(DbContextOptions options) : IdentityUserContext<Credential, Guid>(options)
{
    public DbSet<StoredEvent> Events => Set<StoredEvent>();
    public DbSet<LedgerNode> LedgerNodes => Set<LedgerNode>();
    public DbSet<StoredCheckpoint> Checkpoints => Set<StoredCheckpoint>();
    public DbSet<Cosignature> Cosignatures => Set<Cosignature>();
    public DbSet<Witness> Witnesses => Set<Witness>();
    public DbSet<Letter> Letters => Set<Letter>();
    public DbSet<Handover> Handovers => Set<Handover>();
    public DbSet<Attachment> Attachments => Set<Attachment>();
    public DbSet<LetterParty> LetterParties => Set<LetterParty>();
    public DbSet<Statements.Statement> Statements => Set<Statements.Statement>();
    public DbSet<Statements.StatementSource> StatementSources => Set<Statements.StatementSource>();
    public DbSet<Statements.Commitment> Commitments => Set<Statements.Commitment>();
    public DbSet<SealedBlob> SealedBlobs => Set<SealedBlob>();
    public DbSet<InstitutionKey> InstitutionKeys => Set<InstitutionKey>();
    public DbSet<InstitutionSecret> InstitutionSecrets => Set<InstitutionSecret>();
    public DbSet<Country> Countries => Set<Country>();
    public DbSet<Institution> Institutions => Set<Institution>();
    public DbSet<Person> People => Set<Person>();
    public DbSet<Membership> Memberships => Set<Membership>();
    public DbSet<Account> Accounts => Set<Account>();
    public DbSet<ApiToken> Tokens => Set<ApiToken>();
    public DbSet<TokenSecret> TokenSecrets => Set<TokenSecret>();

    public abstract string Provider { get; }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<StoredEvent>(e =>
        {
            e.ToTable("events");
            e.HasKey(x => x.Sequence);
            e.Property(x => x.Sequence).ValueGeneratedNever();
            e.Property(x => x.Type).HasMaxLength(100);
            e.Property(x => x.Actor).HasMaxLength(200);
            e.Property(x => x.Stream).HasMaxLength(200);
            e.HasIndex(x => x.Stream);
            e.HasIndex(x => x.Type);
        });
        builder.Entity<LedgerNode>(e =>
        {
            e.ToTable("ledger_nodes");
            e.HasKey(x => new { x.Level, x.Index });
            e.Property(x => x.Hash).HasMaxLength(32);
            e.HasIndex(x => x.Hash);
        });
        builder.Entity<StoredCheckpoint>(e =>
        {
            e.ToTable("ledger_checkpoints");
            e.HasKey(x => x.Size);
            e.Property(x => x.Size).ValueGeneratedNever();
        });
        builder.Entity<Cosignature>(e =>
        {
            e.ToTable("ledger_cosignatures");
            e.HasKey(x => new { x.Size, x.Witness });
        });
        builder.Entity<Witness>(e =>
        {
            e.ToTable("ledger_witnesses");
            e.HasKey(x => x.Name);
        });
        MapCorrespondence(builder);
        MapStatements(builder);
        MapEngagements(builder);
        builder.Entity<Country>(e =>
        {
            e.ToTable("countries");
            e.HasKey(x => x.Code);
            e.Property(x => x.Code).HasMaxLength(2);
        });
        builder.Entity<Institution>(e =>
        {
            e.ToTable("institutions");
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(40);
            e.Property(x => x.Name).HasMaxLength(Limits.Name);
            e.HasIndex(x => x.ParentId);
            e.OwnsMany(x => x.Names, n => MapNameColumns(n, "institution_names"));
            e.OwnsMany(x => x.Identifiers, n => MapIdentifiers(n, "institution_identifiers"));
        });
        builder.Entity<Person>(e =>
        {
            e.ToTable("people");
            e.Property(x => x.Name).HasMaxLength(Limits.Name);
            e.Property(x => x.SortName).HasMaxLength(Limits.Name);
            e.HasIndex(x => x.SortName);
            e.OwnsMany(x => x.Names, n => MapNameColumns(n, "person_names"));
            e.OwnsMany(x => x.Identifiers, n => MapIdentifiers(n, "person_identifiers"));
        });
        builder.Entity<Membership>(e =>
        {
            e.ToTable("memberships");
            e.HasIndex(x => x.PersonId);
            e.HasIndex(x => x.InstitutionId);
            e.HasOne<Person>().WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Institution>().WithMany().HasForeignKey(x => x.InstitutionId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<Account>(e =>
        {
            e.ToTable("accounts");
            e.HasIndex(x => x.UserName).IsUnique();
            e.OwnsMany(x => x.Roles, r =>
            {
                r.ToTable("account_roles");
                SingleKey(r);
                r.Property(x => x.Role).HasConversion<string>().HasMaxLength(40);
            });
        });
        builder.Entity<ApiToken>(e => e.ToTable("tokens"));
        builder.Entity<TokenSecret>(e =>
        {
            e.ToTable("token_secrets");
            e.HasKey(x => x.TokenId);
            e.HasIndex(x => x.Hash).IsUnique();
        });
    }

    private static void MapStatements(ModelBuilder builder)
    {
        builder.Entity<Statements.Statement>(e =>
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
                SingleKey(l);
            });
        });
        builder.Entity<Statements.StatementSource>(e =>
        {
            e.ToTable("statement_sources");
            e.HasKey(x => x.Sha256);
            e.Property(x => x.Sha256).HasMaxLength(64);
            e.Property(x => x.Outlet).HasMaxLength(200);
            e.Property(x => x.Url).HasMaxLength(2000);
        });
        builder.Entity<Statements.Commitment>(e =>
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

    private static void MapCorrespondence(ModelBuilder builder)
    {
        builder.Entity<Letter>(e =>
        {
            e.ToTable("letters");
            e.Property(x => x.Direction).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.Number).HasMaxLength(60);
            e.Property(x => x.Subject).HasMaxLength(500);
            e.Property(x => x.Topics).HasMaxLength(2000);
            e.HasIndex(x => new { x.Registry, x.Number }).IsUnique();
            e.HasIndex(x => x.SenderInstitution);
            e.HasIndex(x => x.AddresseeInstitution);
            // The register reads newest first and stops after a page.
            e.HasIndex(x => new { x.RegisteredAt, x.Id });
            e.HasIndex(x => x.InReplyTo);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
            e.HasIndex(x => new { x.Status, x.RegisteredAt, x.Id });
            e.HasIndex(x => x.AttentionFrom);
            e.OwnsMany(x => x.Route, r =>
            {
                r.ToTable("letter_route");
                SingleKey(r);
            });
        });
        builder.Entity<Handover>(e =>
        {
            e.ToTable("handovers");
            e.Property(x => x.State).HasConversion<string>().HasMaxLength(20);
            e.HasIndex(x => x.LetterId);
            e.HasIndex(x => x.FromInstitution);
            e.HasIndex(x => x.ToInstitution);
        });
        builder.Entity<LetterParty>(e =>
        {
            e.ToTable("letter_parties");
            e.HasKey(x => new { x.LetterId, x.InstitutionId });
            e.HasIndex(x => new { x.InstitutionId, x.RegisteredAt, x.LetterId });
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
            e.HasIndex(x => new { x.InstitutionId, x.Status, x.RegisteredAt, x.LetterId });
            e.HasIndex(x => new { x.InstitutionId, x.AttentionFrom });
        });
        builder.Entity<Attachment>(e =>
        {
            e.ToTable("attachments");
            e.HasIndex(x => x.LetterId);
        });
        builder.Entity<SealedBlob>(e =>
        {
            e.ToTable("sealed_blobs");
            e.HasKey(x => x.AttachmentId);
        });
        builder.Entity<InstitutionKey>(e =>
        {
            e.ToTable("institution_keys");
            e.HasKey(x => x.InstitutionId);
        });
        builder.Entity<InstitutionSecret>(e =>
        {
            e.ToTable("institution_secrets");
            e.HasKey(x => x.InstitutionId);
        });
    }

    // SQLite cannot generate values for a composite key, so owned rows get a key of their own.
    private static void SingleKey<TOwner, TOwned>(OwnedNavigationBuilder<TOwner, TOwned> n)
        where TOwner : class
        where TOwned : class
    {
        n.Property<long>("Id").ValueGeneratedOnAdd();
        n.HasKey("Id");
    }

    private static void MapNameColumns<TOwner>(OwnedNavigationBuilder<TOwner, NameForm> n, string table)
        where TOwner : class
    {
        n.ToTable(table);
        SingleKey(n);
        n.Property(x => x.Value).HasMaxLength(Limits.Name);
        n.Property(x => x.Folded).HasMaxLength(Limits.Name);
        n.Property(x => x.Lang).HasMaxLength(12);
        n.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        n.HasIndex(x => x.Folded);
    }

    private static void MapIdentifiers<TOwner>(OwnedNavigationBuilder<TOwner, ExternalId> n, string table)
        where TOwner : class
    {
        n.ToTable(table);
        SingleKey(n);
        n.Property(x => x.Scheme).HasMaxLength(40);
        n.Property(x => x.Value).HasMaxLength(Limits.Name);
        n.HasIndex(x => new { x.Scheme, x.Value });
    }
}

public static class Limits
{
    public const int Name = 300;
}
