using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Parley.Correspondence;
using Parley.Directory;
using Parley.Record;

namespace Parley.Federation;

/// <summary>A copy sealed to the addressee's published key: its fingerprints as recorded, and the sealed bytes.</summary>
public sealed record SealedCopy(AttachmentSealed Attachment, string Enc, string Ciphertext);

/// <summary>
/// What travels when a letter to an institution of another node is dispatched: the letter as registered (sender,
/// addressee, number), its route, its sealed copies (only to the addressee's node), when it left, the names of the
/// institutions these mention, and whom the hand-over that sent it went to.
/// </summary>
public sealed record Envelope(LetterRegistered Letter, IReadOnlyList<LegPlan> Route, IReadOnlyList<SealedCopy> Copies, DateTime DispatchedAt,
    IReadOnlyList<InstitutionRecorded> Institutions, Guid? HandedTo = null)
{
    public const string Kind = "letter.envelope";

    public string Body() => JsonSerializer.Serialize(this, EventCatalog.Json);
}

/// <summary>
/// The sending side, on the node of the letter's registry: a hand-over of a letter whose addressee, receiver or planned
/// route another node hosts dispatches it there, and its envelope is queued for each such node in the same write, once
/// per node. Only the addressee's node gets the sealed copies; a node on the route (a courier's) gets the envelope
/// alone. Steps recorded from a peer's message are never sent on. The node key is taken only when a message is queued: a
/// write that sends nothing (a verb run without the secret) never opens the vault.
/// </summary>
public sealed class Dispatches(IServiceProvider services) : IRecordReaction
{
    public async ValueTask ReactAsync(WriteScope scope, IEvent e, StoredEvent stored, CancellationToken ct)
    {
        if (e is not HandoverRecorded handover || Inbox.IsFromPeer(scope.Actor))
            return;
        var db = scope.Db;
        // A node without peers sends nothing: one read on each custody step rather than the letter's.
        if (!await scope.OnceAsync(AnyPeer.Fact, AnyPeer.ReadAsync, ct))
            return;
        var letter = await db.Letters.Include(l => l.Route).FirstAsync(l => l.Id == handover.LetterId, ct);
        if (!await db.HostedInstitutions.AnyAsync(h => h.InstitutionId == letter.Registry, ct))
            return; // Another node keeps this letter's record, and sent its envelopes.
        var concerned = new[] { letter.AddresseeInstitution, handover.ToInstitution }.Concat(letter.Route.Select(l => l.ToInstitution)).Distinct().ToList();
        var remote = await db.RemoteInstitutions.AsNoTracking().Where(r => concerned.Contains(r.InstitutionId)).ToListAsync(ct);
        var about = $"letter/{letter.Id}";
        var addresseeNode = remote.FirstOrDefault(r => r.InstitutionId == letter.AddresseeInstitution)?.Peer;
        foreach (var peer in remote.Select(r => r.Peer).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            if (await Outbox.QueuedAsync(db, peer, Envelope.Kind, about, ct))
                continue;
            var envelope = await EnvelopeAsync(db, letter, handover, withCopies: peer == addresseeNode, ct);
            await Outbox.QueueAsync(scope, services.GetRequiredService<NodeKey>(), peer, Envelope.Kind, about, envelope.Body(), stored.Sequence, ct, services.GetService<OutboxSignal>());
        }
    }

    private static async Task<Envelope> EnvelopeAsync(ParleyDb db, Letter letter, HandoverRecorded handover, bool withCopies, CancellationToken ct)
    {
        var copies = new List<SealedCopy>();
        if (withCopies)
        {
            var attachments = await db.Attachments.AsNoTracking().Where(a => a.LetterId == letter.Id).OrderBy(a => a.Id).ToListAsync(ct);
            var ids = attachments.Select(a => a.Id).ToList();
            var blobs = await db.SealedBlobs.AsNoTracking().Where(b => ids.Contains(b.AttachmentId)).ToDictionaryAsync(b => b.AttachmentId, ct);
            copies.AddRange(attachments.Where(a => blobs.ContainsKey(a.Id)).Select(a => new SealedCopy(
                new AttachmentSealed(letter.Id, a.Id, a.Name, a.MediaType, a.Size, a.PlaintextSha256, a.CiphertextSha256),
                Convert.ToBase64String(blobs[a.Id].Enc), Convert.ToBase64String(blobs[a.Id].Ciphertext))));
        }
        var route = letter.Route.OrderBy(l => l.Order).Select(l => new LegPlan(l.ToInstitution, null, l.DueHours)).ToList();
        var mentioned = new[] { letter.Registry, letter.SenderInstitution, letter.AddresseeInstitution, handover.ToInstitution }.Concat(route.Select(l => l.ToInstitution)).Distinct().ToList();
        var institutions = await db.Institutions.AsNoTracking().Include(i => i.Names).Where(i => mentioned.Contains(i.Id)).OrderBy(i => i.Id).ToListAsync(ct);
        return new Envelope(
            new LetterRegistered(letter.Id, letter.Registry, letter.Number, letter.Direction, letter.Dated, letter.SenderInstitution, null,
                letter.AddresseeInstitution, letter.AddresseePerson, letter.Subject, letter.Topics.Split('|', StringSplitOptions.RemoveEmptyEntries),
                letter.Classification, letter.Language, letter.ReplyBy, null, letter.Embargo),
            route, copies, handover.At,
            [.. institutions.Select(i => RecordInstitution.FromState(i) with { ParentId = null, Identifiers = [] })], handover.ToInstitution);
    }
}

/// <summary>The receiving side: a letter's envelope from the node of its registry, to an institution hosted here.</summary>
public static class ReceiveEnvelope
{
    /// <summary>The institutions an envelope may come to a node for: the addressee, the receiver of the hand-over that sent it, each on its route.</summary>
    public static IReadOnlyList<Guid> Concerned(Envelope envelope) =>
        [.. new[] { envelope.Letter.AddresseeInstitution, envelope.HandedTo }.OfType<Guid>().Concat(envelope.Route.Select(l => l.ToInstitution)).Distinct()];

    public static DomainError? Decide(Envelope envelope, string peer, RemoteInstitution? registry, bool concernsHere, bool known)
    {
        var letter = envelope.Letter;
        if (registry is null || registry.Peer != peer)
            return new DomainError("letter", $"The letter's registry {letter.Registry} is not an institution {peer} hosts.");
        if (!concernsHere)
            return new DomainError("letter", $"Neither the letter's addressee {letter.AddresseeInstitution} nor an institution it is handed to or routed through is hosted by this node.");
        if (known)
            return new DomainError("letter", $"Letter {letter.Id} is already in this register.", ErrorKind.Conflict);
        foreach (var copy in envelope.Copies)
        {
            if (copy.Attachment.LetterId != letter.Id)
                return new DomainError("copies", $"Copy {copy.Attachment.AttachmentId} belongs to another letter.");
            if (TryBase64(copy.Ciphertext) is not { } sealedBytes || TryBase64(copy.Enc) is null
                || Convert.ToHexStringLower(SHA256.HashData(sealedBytes)) != copy.Attachment.CiphertextSha256)
                return new DomainError("copies", $"Copy {copy.Attachment.AttachmentId} does not match its recorded fingerprint.");
        }
        return null;
    }

    public static async Task<Result<Guid>> ApplyAsync(WriteScope scope, string peer, Guid message, Envelope envelope, CancellationToken ct)
    {
        var db = scope.Db;
        var letter = envelope.Letter;
        var registry = await db.RemoteInstitutions.AsNoTracking().FirstOrDefaultAsync(r => r.InstitutionId == letter.Registry, ct);
        var concerned = Concerned(envelope);
        var hosted = await db.HostedInstitutions.AnyAsync(h => concerned.Contains(h.InstitutionId), ct);
        var known = await db.Letters.AnyAsync(l => l.Id == letter.Id, ct);
        if (Decide(envelope, peer, registry, hosted, known) is { } error)
            return error;
        // Institutions the envelope names that this directory lacks (a route's leg through a third node) are recorded as named.
        var ids = envelope.Institutions.Select(i => i.Id).ToList();
        var present = (await db.Institutions.AsNoTracking().Where(i => ids.Contains(i.Id)).Select(i => i.Id).ToListAsync(ct)).ToHashSet();
        foreach (var institution in envelope.Institutions.Where(i => !present.Contains(i.Id) && i.Names.Count > 0))
            await scope.RecordAsync(institution with { ParentId = null, Identifiers = [] }, ct);
        var people = new[] { letter.AddresseePerson }.OfType<Guid>().ToList();
        var knownPeople = (await db.People.AsNoTracking().Where(p => people.Contains(p.Id)).Select(p => p.Id).ToListAsync(ct)).ToHashSet();
        await scope.RecordAsync(letter with
        {
            SenderPerson = null,
            InReplyTo = null,
            AddresseePerson = letter.AddresseePerson is { } p && knownPeople.Contains(p) ? p : null,
        }, ct);
        if (envelope.Route.Count > 0)
            await scope.RecordAsync(new RoutePlanned(letter.Id, [.. envelope.Route.Select(l => l with { ToPerson = null })]), ct);
        foreach (var copy in envelope.Copies)
        {
            db.SealedBlobs.Add(new SealedBlob { AttachmentId = copy.Attachment.AttachmentId, Enc = Convert.FromBase64String(copy.Enc), Ciphertext = Convert.FromBase64String(copy.Ciphertext) });
            await scope.RecordAsync(copy.Attachment, ct);
        }
        await scope.RecordAsync(new EnvelopeReceived(letter.Id, peer, message, envelope.DispatchedAt), ct);
        return letter.Id;
    }

    private static byte[]? TryBase64(string text)
    {
        try
        {
            return Convert.FromBase64String(text);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
