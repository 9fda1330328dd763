using Microsoft.EntityFrameworkCore;
using Parley.Mail;

namespace Parley.Record;

/// <summary>The outbox's table (mapped by <see cref="MailModule"/>).</summary>
public abstract partial class ParleyDb
{
    public DbSet<OutgoingMail> OutgoingMail => Set<OutgoingMail>();
}
