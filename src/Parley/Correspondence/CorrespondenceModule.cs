using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Parley.Record;

namespace Parley.Correspondence;

/// <summary>Letters, their custody and sealed copies in the record; institutions' keys beside it.</summary>
public sealed class CorrespondenceModule : IRecordModule
{
    public string Name => "correspondence";
    public IReadOnlyList<Type> Events { get; } = [typeof(CorrespondenceEvent)];

    /// <summary>Letters are found by number, subject, topics and their parties' names (<see cref="LetterRegister"/>).</summary>
    public IReadOnlyList<string> SearchKinds { get; } = [LetterSearch.Kind];

    public IReadOnlyList<ProjectionTable> Tables { get; } =
    [
        ProjectionTable.Of<PersonalSignature>(q => q.OrderBy(x => x.Step)),
        ProjectionTable.Of<Attachment>(q => q.OrderBy(x => x.Id)),
        ProjectionTable.Of<LetterParty>(q => q.OrderBy(x => x.LetterId).ThenBy(x => x.InstitutionId)),
        ProjectionTable.Of<LetterTopic>(q => q.OrderBy(x => x.LetterId).ThenBy(x => x.Topic)),
        ProjectionTable.Of<RemoteStep>(q => q.OrderBy(x => x.HandoverId)),
        ProjectionTable.Of<RemoteAnswer>(q => q.OrderBy(x => x.HandoverId)),
        ProjectionTable.Of<Handover>(q => q.OrderBy(x => x.Id)),
        ProjectionTable.Of<Letter>(q => q.OrderBy(x => x.Id), l => l.Route.Sort((x, y) => x.Order.CompareTo(y.Order))),
        ProjectionTable.Of<InstitutionKey>(q => q.OrderBy(x => x.InstitutionId)),
    ];

    public void Map(ModelBuilder model)
    {
        model.ApplyConfiguration(new LetterMap());
        model.Entity<Handover>(e =>
        {
            e.ToTable("handovers");
            e.Property(x => x.State).HasConversion<string>().HasMaxLength(20);
            e.HasIndex(x => x.LetterId);
            e.HasIndex(x => x.FromInstitution);
            e.HasIndex(x => x.ToInstitution);
        });
        model.Entity<LetterParty>(e =>
        {
            e.ToTable("letter_parties");
            e.HasKey(x => new { x.LetterId, x.InstitutionId });
            e.HasIndex(x => new { x.InstitutionId, x.RegisteredAt, x.LetterId });
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
            e.HasIndex(x => new { x.InstitutionId, x.Status, x.RegisteredAt, x.LetterId });
            e.HasIndex(x => new { x.InstitutionId, x.AttentionFrom });
        });
        model.Entity<LetterTopic>(e =>
        {
            e.ToTable("letter_topics");
            e.HasKey(x => new { x.LetterId, x.Topic });
            e.Property(x => x.Topic).HasMaxLength(100);
            e.HasIndex(x => new { x.Topic, x.LetterId });
        });
        model.Entity<Attachment>(e =>
        {
            e.ToTable("attachments");
            e.HasIndex(x => x.LetterId);
        });
        model.Entity<RemoteStep>(e => MapRemote(e, "remote_steps"));
        model.Entity<RemoteAnswer>(e => MapRemote(e, "remote_answers"));
        model.Entity<SealedBlob>(e =>
        {
            e.ToTable("sealed_blobs");
            e.HasKey(x => x.AttachmentId);
        });
        model.Entity<InstitutionKey>(e =>
        {
            e.ToTable("institution_keys");
            e.HasKey(x => x.InstitutionId);
        });
        model.Entity<PersonalSignature>(e =>
        {
            e.ToTable("personal_signatures");
            e.HasKey(x => x.Step);
            e.Property(x => x.Step).ValueGeneratedNever();
            e.HasIndex(x => x.LetterId);
        });
        model.Entity<InstitutionSecret>(e =>
        {
            e.ToTable("institution_secrets");
            e.HasKey(x => x.InstitutionId);
        });
    }

    public ValueTask ApplyAsync(ParleyDb db, IEvent e, StoredEvent stored, CancellationToken ct) =>
        e is CorrespondenceEvent c ? CorrespondenceProjection.ApplyAsync(db, c, stored, ct) : ValueTask.CompletedTask;

    public void AddServices(IServiceCollection services, StoreSettings store) => services.AddScoped<InstitutionKeys>();

    public Task<int> SealLegacyKeysAsync(ParleyDb db, KeyVault vault, LegacyKeyRing legacy, CancellationToken ct) =>
        InstitutionKeys.SealLegacyAsync(db, vault, legacy, ct);

    private static void MapRemote<T>(EntityTypeBuilder<T> e, string table) where T : RemoteEntry
    {
        e.ToTable(table);
        e.HasKey(x => x.HandoverId);
        e.Property(x => x.Log).HasMaxLength(300);
        e.Property(x => x.LogKey).HasMaxLength(400);
        e.HasIndex(x => x.LetterId);
    }

    private sealed class LetterMap : IEntityTypeConfiguration<Letter>
    {
        public void Configure(EntityTypeBuilder<Letter> e)
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
            e.Property(x => x.Custody).HasConversion(
                t => JsonSerializer.Serialize(t, JsonSerializerOptions.Default),
                json => JsonSerializer.Deserialize<CustodyTally>(json, JsonSerializerOptions.Default) ?? CustodyTally.None);
            e.OwnsMany(x => x.Route, r =>
            {
                r.ToTable("letter_route");
                OwnedRows.SingleKey(r);
            });
        }
    }
}
