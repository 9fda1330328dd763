using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Parley.Access;
using Parley.Record;

namespace Parley.Correspondence;

public sealed record RegisterLetterInput(
    LetterDirection? Direction, DateOnly? Dated, Guid? SenderInstitution, Guid? SenderPerson, Guid? AddresseeInstitution, Guid? AddresseePerson,
    string? Subject, List<string>? Topics, string? Classification, string? Language, DateOnly? ReplyBy, Guid? InReplyTo,
    DateOnly? Embargo = null, Guid? CopyOf = null, Guid? TranslationOf = null);

public sealed record HandoverInput(Guid? ToInstitution, Guid? ToPerson, Guid? FromPerson, DateTime? At, string? Place, bool SealIntact = true, string? Note = null);

/// <summary>The letter use cases: register, plan the route, hand over, confirm or dispute, acknowledge, attach.</summary>
public static class Letters
{
    public const long MaxAttachmentBytes = 10 * 1024 * 1024;

    public sealed record Row(LetterState State, LetterView View, CustodyView Custody);

    /// <summary>Register filters; each is optional. Text and topic match only where the user may read the register entry.</summary>
    public sealed record Filter(string? Text = null, LetterStatus? Status = null, bool OnlyExceptions = false, Guid? Sender = null,
        Guid? Addressee = null, string? Topic = null, DateOnly? From = null, DateOnly? To = null);

    public sealed record RegisterPage(IReadOnlyList<Row> Rows, int PageNumber, int PageSize, bool HasMore);

    /// <summary>
    /// One page of the register as the user may see it, newest first. Parties, dates, text, status, topic and
    /// "exceptions now" narrow the rows in SQL; what the user may see of each row needs its hand-overs, so rows
    /// are read in chunks until the page is full: memory stays bounded whatever the register's size.
    /// </summary>
    public static async Task<RegisterPage> PageAsync(ParleyDb db, ClaimsPrincipal user, DateTime now, Filter filter, int page, int size, CancellationToken ct)
    {
        (page, size) = (Math.Max(1, page), Math.Clamp(size, 1, 200));
        var institution = ParleyClaims.InstitutionOf(user);
        var auditor = user.IsInRole(nameof(Role.Auditor));
        // An auditor reads the whole register; anyone else the letters their institution is a party to,
        // through letter_parties' (institution, registered-at) index, so a page stops after a page's worth of rows.
        var letters = db.Letters.AsNoTracking();
        if (filter.Sender is { } sender)
            letters = letters.Where(l => l.SenderInstitution == sender);
        if (filter.Addressee is { } addressee)
            letters = letters.Where(l => l.AddresseeInstitution == addressee);
        if (filter.From is { } from)
            letters = letters.Where(l => l.Dated >= from);
        if (filter.To is { } to)
            letters = letters.Where(l => l.Dated <= to);
        if (filter.Text is { Length: > 0 } text)
        {
            // Case-insensitive on both databases (PostgreSQL's LIKE is case-sensitive).
            var like = Contains(text);
            letters = letters.Where(l => EF.Functions.Like(l.Number.ToLower(), like) || EF.Functions.Like(l.Subject.ToLower(), like)
                || EF.Functions.Like(l.Topics.ToLower(), like));
        }
        // Status and the time an exception first shows are kept in columns by the projection (on the letter for
        // the auditor's whole register, on each party row for an institution's); the exact rules and what this
        // user may see are still applied to each row below, so SQL only has to narrow.
        var parties = db.LetterParties.Where(p => p.InstitutionId == institution);
        if (filter.Status is { } status)
            (letters, parties) = auditor ? (letters.Where(l => l.Status == status), parties) : (letters, parties.Where(p => p.Status == status));
        if (filter.OnlyExceptions)
        {
            (letters, parties) = auditor
                ? (letters.Where(l => l.AttentionFrom != null && l.AttentionFrom <= now), parties)
                : (letters, parties.Where(p => p.AttentionFrom != null && p.AttentionFrom <= now));
        }
        if (filter.Topic is { Length: > 0 } topicFilter)
        {
            var like = Contains(topicFilter);
            letters = letters.Where(l => EF.Functions.Like(l.Topics.ToLower(), like));
        }
        var ordered = auditor
            ? letters.OrderByDescending(l => l.RegisteredAt).ThenByDescending(l => l.Id)
            : from party in parties
              join letter in letters on party.LetterId equals letter.Id
              orderby party.RegisteredAt descending, party.LetterId descending
              select letter;
        var (skip, rows, offset) = ((page - 1) * size, new List<Row>(), 0);
        const int chunk = 500;
        while (rows.Count <= size)
        {
            var batch = await ordered.Skip(offset).Take(chunk).ToListAsync(ct);
            if (batch.Count == 0)
                break;
            offset += batch.Count;
            var ids = batch.Select(l => l.Id).ToList();
            var handovers = (await db.Handovers.AsNoTracking().Where(h => ids.Contains(h.LetterId)).ToListAsync(ct)).ToLookup(h => h.LetterId);
            var replied = (await db.Letters.AsNoTracking().Where(l => l.InReplyTo != null && ids.Contains(l.InReplyTo.Value))
                .Select(l => l.InReplyTo!.Value).ToListAsync(ct)).ToHashSet();
            foreach (var letter in batch)
            {
                var state = new LetterState(letter, handovers[letter.Id].ToList(), replied.Contains(letter.Id));
                if (Matches(user, state, now, filter) is not { } row)
                    continue;
                if (skip > 0)
                    skip--;
                else if (rows.Count <= size)
                    rows.Add(row);
            }
        }
        return new RegisterPage(rows.Take(size).ToList(), page, size, rows.Count > size);
    }

    private static string Contains(string text) =>
        $"%{text.Trim().Replace("%", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal).ToLowerInvariant()}%";

    private static Row? Matches(ClaimsPrincipal user, LetterState state, DateTime now, Filter filter)
    {
        var letter = state.Letter;
        var view = LetterAccess.ViewOf(user, state);
        if (view == LetterView.None)
            return null;
        var custody = Custody.View(state, now);
        if ((filter.Status is { } wanted && custody.Status != wanted) || (filter.OnlyExceptions && custody.Exceptions.Count == 0))
            return null;
        // A holder who sees only the envelope may find a letter by its number, never by what it is about.
        if (view < LetterView.Metadata && ((filter.Topic is { Length: > 0 }) || (filter.Text is { Length: > 0 } t && !letter.Number.Contains(t.Trim(), StringComparison.OrdinalIgnoreCase))))
            return null;
        if (filter.Topic is { Length: > 0 } topic && !letter.Topics.Split('|').Contains(topic.Trim(), StringComparer.OrdinalIgnoreCase))
            return null;
        return new Row(state, view, custody);
    }

    public static async Task<LetterState?> LoadAsync(ParleyDb db, Guid id, CancellationToken ct)
    {
        var letter = await db.Letters.AsNoTracking().FirstOrDefaultAsync(l => l.Id == id, ct);
        if (letter is null)
            return null;
        var handovers = await db.Handovers.AsNoTracking().Where(h => h.LetterId == id).ToListAsync(ct);
        return new LetterState(letter, handovers, await db.Letters.AnyAsync(l => l.InReplyTo == id, ct));
    }

    /// <summary>The letter as stored, after writing what this scope recorded so far (a story may register and route in one write).</summary>
    private static async Task<LetterState> RequireAsync(WriteScope scope, Guid id, CancellationToken ct)
    {
        await scope.FlushAsync(ct);
        return await LoadAsync(scope.Db, id, ct) ?? throw new DomainException(new DomainError("letter", $"No letter {id}.", ErrorKind.NotFound));
    }

    private static Guid InstitutionOf(ClaimsPrincipal user) => ParleyClaims.InstitutionOf(user)
        ?? throw new DomainException(new DomainError("user", "The account belongs to no institution.", ErrorKind.Forbidden));

    public static async Task<Result<Guid>> RegisterAsync(WriteScope scope, InstitutionKeys keys, ClaimsPrincipal user, RegisterLetterInput input, CancellationToken ct,
        string? numberFormat = null)
    {
        var db = scope.Db;
        var registry = InstitutionOf(user);
        if (input.Direction is not { } direction || input.Dated is not { } dated || input.SenderInstitution is not { } sender || input.AddresseeInstitution is not { } addressee)
            return new DomainError(input.Direction is null ? "direction" : input.Dated is null ? "dated" : input.SenderInstitution is null ? "senderInstitution" : "addresseeInstitution", "This field is required.");
        if (string.IsNullOrWhiteSpace(input.Subject) || input.Subject.Length > 500)
            return new DomainError("subject", "The subject is required, up to 500 characters.");
        var topics = (input.Topics ?? []).Select(t => t.Trim()).Where(t => t.Length > 0).Distinct().ToList();
        if (topics.Count > 20 || topics.Any(t => t.Length > 100 || t.Contains('|', StringComparison.Ordinal)))
            return new DomainError("topics", "Up to 20 topics of up to 100 characters each, without '|'.");
        if (input.ReplyBy is { } replyBy && replyBy < dated)
            return new DomainError("replyBy", "The reply-by date is before the letter's date.");
        foreach (var (field, institution) in new[] { ("senderInstitution", sender), ("addresseeInstitution", addressee) })
        {
            if (!await db.Institutions.AnyAsync(i => i.Id == institution, ct))
                return new DomainError(field, $"No institution {institution} is in the directory.", ErrorKind.NotFound);
        }
        foreach (var (field, named) in new[] { ("senderPerson", input.SenderPerson), ("addresseePerson", input.AddresseePerson) })
        {
            if (named is { } person && !await db.People.AnyAsync(p => p.Id == person, ct))
                return new DomainError(field, $"No person {person} is in the directory.", ErrorKind.NotFound);
        }
        foreach (var (field, linked) in new[] { ("inReplyTo", input.InReplyTo), ("copyOf", input.CopyOf), ("translationOf", input.TranslationOf) })
        {
            if (linked is { } other && !await db.Letters.AnyAsync(l => l.Id == other, ct))
                return new DomainError(field, $"No letter {other} to link to.", ErrorKind.NotFound);
        }
        if (input.Classification is { Length: > 100 } || input.Language is { Length: > 12 })
            return new DomainError(input.Classification is { Length: > 100 } ? "classification" : "language", "Too long: a marking up to 100, a language tag up to 12 characters.");
        var (yearStart, nextYear) = (new DateOnly(dated.Year, 1, 1), new DateOnly(dated.Year + 1, 1, 1));
        var count = await db.Letters.CountAsync(l => l.Registry == registry && l.Dated >= yearStart && l.Dated < nextYear, ct);
        var code = await db.Institutions.Where(i => i.Id == registry).Select(i => i.Name).FirstAsync(ct);
        var id = Guid.CreateVersion7();
        await keys.EnsureAsync(scope, addressee, ct);
        await scope.RecordAsync(new LetterRegistered(id, registry, Numbering.Format(numberFormat ?? Numbering.Configured, dated.Year, count + 1, code), direction, dated, sender, input.SenderPerson,
            addressee, input.AddresseePerson, input.Subject.Trim(), topics, input.Classification, input.Language ?? "en", input.ReplyBy, input.InReplyTo,
            input.Embargo, input.CopyOf, input.TranslationOf), ct);
        return Result<Guid>.Ok(id);
    }

    public static async Task<Result<Guid>> PlanRouteAsync(WriteScope scope, ClaimsPrincipal user, Guid letterId, List<LegPlan>? legs, CancellationToken ct)
    {
        var state = await RequireAsync(scope, letterId, ct);
        if (InstitutionOf(user) is var actor && actor != state.Letter.Registry && actor != state.Letter.SenderInstitution)
            return new DomainError("letter", "Only the sender's office plans the route.", ErrorKind.Forbidden);
        if (legs is not { Count: > 0 } || legs.Count > 20)
            return new DomainError("legs", "A route has 1 to 20 legs.");
        if (legs.FirstOrDefault(l => l.DueHours is < 1 or > 8760) is { } bad)
            return new DomainError("legs", $"Each leg is due within 1 to 8760 hours, not {bad.DueHours}.");
        await scope.RecordAsync(new RoutePlanned(letterId, legs), ct);
        return Result<Guid>.Ok(letterId);
    }

    public static async Task<Result<Guid>> HandOverAsync(WriteScope scope, InstitutionKeys keys, ClaimsPrincipal user, Guid letterId, HandoverInput input, DateTime now, CancellationToken ct)
    {
        var state = await RequireAsync(scope, letterId, ct);
        if (input.ToInstitution is not { } to)
            return new DomainError("toInstitution", "Say who receives the letter.");
        if (!await scope.Db.Institutions.AnyAsync(i => i.Id == to, ct))
            return new DomainError("toInstitution", $"No institution {to} is in the directory.", ErrorKind.NotFound);
        // The giver records: the hand-over is from the signed-in user's institution, and must match the holder.
        var giver = InstitutionOf(user);
        var recorded = new HandoverRecorded(letterId, Guid.CreateVersion7(), giver, input.FromPerson ?? Custody.HolderOf(state).Person, to, input.ToPerson,
            (input.At ?? now).ToUniversalTime(), input.Place, input.SealIntact, input.Note);
        if (Custody.CheckHandover(state, giver, recorded, now) is { } error)
            return error;
        var stored = await scope.RecordAsync(recorded, ct);
        await keys.EnsureAsync(scope, recorded.FromInstitution, ct);
        await keys.EnsureAsync(scope, to, ct);
        await scope.FlushAsync(ct);
        var signature = await keys.SignAsync(user, recorded.FromInstitution, stored.ToCanonical().Encode(), ct);
        await scope.RecordAsync(new HandoverSigned(letterId, recorded.HandoverId, recorded.FromInstitution, true, signature), ct);
        return Result<Guid>.Ok(recorded.HandoverId);
    }

    public static async Task<Result<Guid>> AnswerAsync(WriteScope scope, InstitutionKeys keys, ClaimsPrincipal user, Guid letterId, Guid handoverId,
        bool confirm, bool sealIntact, string? reason, DateTime now, CancellationToken ct)
    {
        var state = await RequireAsync(scope, letterId, ct);
        var handover = state.Handovers.FirstOrDefault(h => h.Id == handoverId);
        if (Custody.CheckAnswer(handover, InstitutionOf(user)) is { } error)
            return error;
        if (!confirm)
        {
            if (string.IsNullOrWhiteSpace(reason) || reason.Length > 1000)
                return new DomainError("reason", "Say why the hand-over is disputed (up to 1000 characters).");
            await scope.RecordAsync(new HandoverDisputed(letterId, handoverId, now, reason.Trim()), ct);
            return Result<Guid>.Ok(handoverId);
        }
        var recorded = await scope.Db.Events.AsNoTracking().FirstAsync(e => e.Sequence == handover!.RecordedIndex, ct);
        var signature = await keys.SignAsync(user, handover!.ToInstitution, recorded.ToCanonical().Encode(), ct);
        await scope.RecordAsync(new HandoverSigned(letterId, handoverId, handover.ToInstitution, false, signature), ct);
        await scope.RecordAsync(new HandoverConfirmed(letterId, handoverId, now, sealIntact), ct);
        return Result<Guid>.Ok(handoverId);
    }

    public static async Task<Result<Guid>> AcknowledgeAsync(WriteScope scope, ClaimsPrincipal user, Guid letterId, DateTime now, CancellationToken ct)
    {
        var state = await RequireAsync(scope, letterId, ct);
        if (InstitutionOf(user) != state.Letter.AddresseeInstitution)
            return new DomainError("letter", "Only the addressee institution acknowledges receipt.", ErrorKind.Forbidden);
        var status = Custody.View(state, now).Status;
        if (status is LetterStatus.Acknowledged or LetterStatus.Replied)
            return new DomainError("letter", "The letter was already acknowledged.", ErrorKind.Conflict);
        if (status < LetterStatus.DeliveredToOffice)
            return new DomainError("letter", "The letter has not reached the addressee institution yet.", ErrorKind.Conflict);
        await scope.RecordAsync(new LetterAcknowledged(letterId, now), ct);
        return Result<Guid>.Ok(letterId);
    }

    public static async Task<Result<Guid>> AttachAsync(WriteScope scope, InstitutionKeys keys, ClaimsPrincipal user, Guid letterId,
        string name, string mediaType, byte[] content, CancellationToken ct)
    {
        var state = await RequireAsync(scope, letterId, ct);
        if (InstitutionOf(user) is var actor && actor != state.Letter.Registry && actor != state.Letter.SenderInstitution)
            return new DomainError("letter", "Only the sender's office attaches copies.", ErrorKind.Forbidden);
        if (content.Length == 0 || content.Length > MaxAttachmentBytes)
            return new DomainError("file", $"An attachment is 1 byte to {MaxAttachmentBytes / (1024 * 1024)} MB; this one is {content.Length:N0} bytes.");
        if (string.IsNullOrWhiteSpace(name) || name.Length > 200)
            return new DomainError("file", "The file needs a name of up to 200 characters.");
        var key = await keys.EnsureAsync(scope, state.Letter.AddresseeInstitution, ct);
        var id = Guid.CreateVersion7();
        var (enc, ciphertext) = Hpke.Seal(Convert.FromBase64String(key.SealingKey), Info(letterId, id), [], content);
        scope.Db.SealedBlobs.Add(new SealedBlob { AttachmentId = id, Enc = enc, Ciphertext = ciphertext });
        await scope.RecordAsync(new AttachmentSealed(letterId, id, name, mediaType, content.Length,
            Convert.ToHexStringLower(SHA256.HashData(content)), Convert.ToHexStringLower(SHA256.HashData(ciphertext))), ct);
        return Result<Guid>.Ok(id);
    }

    /// <summary>Decrypts a sealed copy for a user of the addressee institution, checking both fingerprints.</summary>
    public static async Task<Result<(Attachment Meta, byte[] Content)>> OpenAsync(ParleyDb db, InstitutionKeys keys, ClaimsPrincipal user, Guid letterId, Guid attachmentId, CancellationToken ct)
    {
        var state = await LoadAsync(db, letterId, ct);
        if (state is null || LetterAccess.ViewOf(user, state) == LetterView.None)
            return new DomainError("letter", $"No letter {letterId}.", ErrorKind.NotFound);
        if (LetterAccess.ViewOf(user, state) != LetterView.Full)
            return new DomainError("attachment", "The copy is sealed to the addressee institution; only its users can open it.", ErrorKind.Forbidden);
        var meta = await db.Attachments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == attachmentId && a.LetterId == letterId, ct);
        var blob = await db.SealedBlobs.AsNoTracking().FirstOrDefaultAsync(b => b.AttachmentId == attachmentId, ct);
        if (meta is null || blob is null)
            return new DomainError("attachment", "No such attachment.", ErrorKind.NotFound);
        if (Convert.ToHexStringLower(SHA256.HashData(blob.Ciphertext)) != meta.CiphertextSha256)
            return new DomainError("attachment", "The stored ciphertext does not match its recorded fingerprint: it was altered.", ErrorKind.Conflict);
        byte[] content;
        try
        {
            content = await keys.OpenAsync(user, state.Letter.AddresseeInstitution, blob.Enc, Info(letterId, attachmentId), blob.Ciphertext, ct);
        }
        catch (CryptographicException)
        {
            return new DomainError("attachment", "The sealed copy does not open: it was altered or sealed to another key.", ErrorKind.Conflict);
        }
        return Convert.ToHexStringLower(SHA256.HashData(content)) == meta.PlaintextSha256
            ? Result<(Attachment, byte[])>.Ok((meta, content))
            : new DomainError("attachment", "The opened copy does not match its recorded fingerprint.", ErrorKind.Conflict);
    }

    private static byte[] Info(Guid letterId, Guid attachmentId) => Encoding.UTF8.GetBytes($"parley/letter/{letterId}/attachment/{attachmentId}");
}
