using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Parley.Record;

namespace Parley.Mail;

/// <summary>The outbox: mail the record causes, kept beside it (no events, no projection).</summary>
public sealed class MailModule : IRecordModule
{
    public string Name => "mail";
    public IReadOnlyList<Type> Events { get; } = [];
    public IReadOnlyList<ProjectionTable> Tables { get; } = [];

    public void Map(ModelBuilder model) => model.Entity<OutgoingMail>(e =>
    {
        e.ToTable("mail_outbox");
        e.HasKey(x => x.Id);
        e.Property(x => x.To).HasMaxLength(320);
        e.Property(x => x.ToName).HasMaxLength(300);
        e.Property(x => x.Subject).HasMaxLength(400);
        e.Property(x => x.Method).HasMaxLength(20);
        e.Property(x => x.MessageId).HasMaxLength(200);
        e.HasIndex(x => new { x.SentAt, x.NextAttemptAt });
    });

    public ValueTask ApplyAsync(ParleyDb db, IEvent e, StoredEvent stored, CancellationToken ct) => ValueTask.CompletedTask;

    public void AddServices(IServiceCollection services, StoreSettings store) => services.TryAddSingleton(MailConfig.None);
}
