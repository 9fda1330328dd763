using Microsoft.EntityFrameworkCore;
using Parley.Correspondence;

namespace Parley.Record;

/// <summary>Correspondence's tables (mapped by <see cref="CorrespondenceModule"/>).</summary>
public abstract partial class ParleyDb
{
    public DbSet<Letter> Letters => Set<Letter>();
    public DbSet<Handover> Handovers => Set<Handover>();
    public DbSet<Attachment> Attachments => Set<Attachment>();
    public DbSet<LetterParty> LetterParties => Set<LetterParty>();
    public DbSet<LetterTopic> LetterTopics => Set<LetterTopic>();
    public DbSet<SealedBlob> SealedBlobs => Set<SealedBlob>();
    public DbSet<RemoteStep> RemoteSteps => Set<RemoteStep>();
    public DbSet<RemoteAnswer> RemoteAnswers => Set<RemoteAnswer>();
    public DbSet<InstitutionKey> InstitutionKeys => Set<InstitutionKey>();
    public DbSet<InstitutionSecret> InstitutionSecrets => Set<InstitutionSecret>();
    public DbSet<PersonalSignature> PersonalSignatures => Set<PersonalSignature>();
}
