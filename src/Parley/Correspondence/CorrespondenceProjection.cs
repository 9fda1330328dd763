using Microsoft.EntityFrameworkCore;
using Parley.Record;

namespace Parley.Correspondence;

public static class CorrespondenceProjection
{
    public static async ValueTask ApplyAsync(ParleyDb db, CorrespondenceEvent e, StoredEvent stored, CancellationToken ct)
    {
        switch (e)
        {
            case InstitutionKeysCreated k:
                db.InstitutionKeys.Add(new InstitutionKey { InstitutionId = k.InstitutionId, SealingKey = k.SealingKey, SigningKey = k.SigningKey });
                break;
            case InstitutionKeysLearned learned:
                if (await db.FindRowAsync<InstitutionKey>([learned.InstitutionId], ct) is { } known)
                    (known.SealingKey, known.SigningKey) = (learned.SealingKey, learned.SigningKey);
                else
                    db.InstitutionKeys.Add(new InstitutionKey { InstitutionId = learned.InstitutionId, SealingKey = learned.SealingKey, SigningKey = learned.SigningKey });
                break;
            case LetterRegistered r:
                db.Letters.Add(new Letter
                {
                    Id = r.Id,
                    Registry = r.Registry,
                    Number = r.Number,
                    Direction = r.Direction,
                    Dated = r.Dated,
                    SenderInstitution = r.SenderInstitution,
                    SenderPerson = r.SenderPerson,
                    AddresseeInstitution = r.AddresseeInstitution,
                    AddresseePerson = r.AddresseePerson,
                    Subject = r.Subject,
                    Topics = string.Join('|', r.Topics),
                    Classification = r.Classification,
                    Language = r.Language,
                    ReplyBy = r.ReplyBy,
                    InReplyTo = r.InReplyTo,
                    RegisteredAt = stored.RecordedAt,
                    Embargo = r.Embargo,
                    CopyOf = r.CopyOf,
                    TranslationOf = r.TranslationOf,
                });
                foreach (var party in new[] { r.Registry, r.SenderInstitution, r.AddresseeInstitution }.Distinct())
                    db.LetterParties.Add(new LetterParty { LetterId = r.Id, InstitutionId = party, RegisteredAt = stored.RecordedAt });
                foreach (var topic in r.Topics.Select(LetterSearch.Topic).Distinct())
                    db.LetterTopics.Add(new LetterTopic { LetterId = r.Id, Topic = topic });
                await LetterSearch.PutAsync(db, r, ct);
                break;
            case RoutePlanned p:
                var planned = await LetterAsync(db, p.LetterId, ct);
                planned.Route = p.Legs.Select((l, i) => new RouteLeg { Order = i, ToInstitution = l.ToInstitution, ToPerson = l.ToPerson, DueHours = l.DueHours }).ToList();
                foreach (var leg in p.Legs)
                    await AddPartyAsync(db, planned, leg.ToInstitution, false, ct);
                await RecountAsync(db, planned, ct);
                break;
            case HandoverRecorded h:
                var row = new Handover
                {
                    Id = h.HandoverId,
                    LetterId = h.LetterId,
                    FromInstitution = h.FromInstitution,
                    FromPerson = h.FromPerson,
                    ToInstitution = h.ToInstitution,
                    ToPerson = h.ToPerson,
                    At = h.At,
                    Place = h.Place,
                    SealIntact = h.SealIntact,
                    Note = h.Note,
                    State = HandoverState.Recorded,
                    RecordedIndex = stored.Sequence,
                };
                db.Handovers.Add(row);
                var carried = await LetterAsync(db, h.LetterId, ct);
                await AddPartyAsync(db, carried, h.FromInstitution, true, ct);
                await AddPartyAsync(db, carried, h.ToInstitution, true, ct);
                if (carried.Custody.Recorded(carried.Route, row) is { } extended)
                    carried.Custody = extended;
                else
                    await RecountAsync(db, carried, ct);
                break;
            case HandoverRecordedElsewhere x:
                db.RemoteSteps.Add(new RemoteStep { HandoverId = x.HandoverId, LetterId = x.LetterId, Log = x.Log, Index = x.Index, Canonical = Convert.FromBase64String(x.Canonical) });
                break;
            case HandoverAnsweredElsewhere a:
                db.RemoteAnswers.Add(new RemoteAnswer { HandoverId = a.HandoverId, LetterId = a.LetterId, Log = a.Log, Index = a.Index, Canonical = Convert.FromBase64String(a.Canonical) });
                break;
            case StepProvenElsewhere p:
                RemoteEntry proven = p.Half == StepHalf.Given
                    ? await db.FindRowAsync<RemoteStep>([p.HandoverId], ct) ?? throw new InvalidOperationException($"No remote step {p.HandoverId}.")
                    : await db.FindRowAsync<RemoteAnswer>([p.HandoverId], ct) ?? throw new InvalidOperationException($"No remote answer {p.HandoverId}.");
                (proven.LogKey, proven.Proof) = (p.LogKey, p.Proof);
                break;
            case HandoverSigned s:
                var signed = await HandoverAsync(db, s.HandoverId, ct);
                if (s.Giver)
                    signed.GiverSignature = s.Signature;
                else
                    signed.ReceiverSignature = s.Signature;
                break;
            case HandoverConfirmed c:
                var confirmed = await HandoverAsync(db, c.HandoverId, ct);
                var (before, wasBroken) = (confirmed.State, CustodyTally.Broken(confirmed));
                (confirmed.State, confirmed.AnsweredAt, confirmed.SealIntactOnReceipt) = (HandoverState.Confirmed, c.At, c.SealIntact);
                var received = await LetterAsync(db, c.LetterId, ct);
                if (received.Custody.Confirmed(confirmed, before, wasBroken) is { } answered)
                    received.Custody = answered;
                else
                    await RecountAsync(db, received, ct);
                break;
            case HandoverDisputed d:
                var disputed = await HandoverAsync(db, d.HandoverId, ct);
                (disputed.State, disputed.AnsweredAt, disputed.DisputeReason) = (HandoverState.Disputed, d.At, d.Reason);
                // A dispute takes a hand-over out of the chain, which moves every later one up a place: recounted.
                await RecountAsync(db, await LetterAsync(db, d.LetterId, ct), ct);
                break;
            case LetterAcknowledged a:
                (await LetterAsync(db, a.LetterId, ct)).AcknowledgedAt = a.At;
                break;
            case StepSignedByPasskey p:
                db.PersonalSignatures.Add(new PersonalSignature
                {
                    Step = p.Step,
                    LetterId = p.LetterId,
                    AccountId = p.AccountId,
                    CredentialId = p.CredentialId,
                    AuthenticatorData = p.AuthenticatorData,
                    ClientData = p.ClientData,
                    Signature = p.Signature,
                });
                break;
            case AttachmentSealed s:
                db.Attachments.Add(new Attachment
                {
                    Id = s.AttachmentId,
                    LetterId = s.LetterId,
                    Name = s.Name,
                    MediaType = s.MediaType,
                    Size = s.Size,
                    PlaintextSha256 = s.PlaintextSha256,
                    CiphertextSha256 = s.CiphertextSha256,
                });
                break;
            default:
                throw new InvalidOperationException($"CorrespondenceProjection does not handle {e.GetType().Name}.");
        }
        // The same list tells the statements module which letters to look at after this event.
        foreach (var letter in CorrespondenceEvents.LettersDerived(e))
            await DeriveAsync(db, letter, ct);
    }

    /// <summary>Re-derives a letter's status and attention time from its state, including what this batch has not saved yet.</summary>
    private static async Task DeriveAsync(ParleyDb db, Guid id, CancellationToken ct)
    {
        var letter = await LetterAsync(db, id, ct);
        // A letter added in this batch has no stored parties; otherwise they are read once and then tracked.
        if (db.Entry(letter).State != EntityState.Added)
            await db.LetterParties.Where(p => p.LetterId == id).LoadAsync(ct);
        // Reading the tracked rows without change detection keeps a batch of n events O(n) rather than O(n²);
        // rows only join the tracker through Add or a query, which change detection does not affect.
        var detect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            var parties = db.LetterParties.Local.Where(p => p.LetterId == id).ToList();
            // Replies are never withdrawn: once derived as replied, a letter stays so.
            var replied = letter.Status == LetterStatus.Replied || db.Letters.Local.Any(l => l.InReplyTo == id);
            var state = new LetterState(letter, parties.Where(p => p.Carried).Select(p => p.InstitutionId).ToHashSet(), replied);
            (letter.Status, letter.AttentionFrom) = Custody.Derive(state);
            foreach (var party in parties)
                (party.Status, party.AttentionFrom) = (letter.Status, letter.AttentionFrom);
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = detect;
        }
    }

    /// <summary>
    /// The tally from every hand-over of the letter, including this batch's: after a dispute or a new route, and for a
    /// hand-over dated before the chain's end. The one projection step whose cost grows with the letter's history.
    /// </summary>
    private static async Task RecountAsync(ParleyDb db, Letter letter, CancellationToken ct)
    {
        if (db.Entry(letter).State != EntityState.Added)
            await db.Handovers.Where(h => h.LetterId == letter.Id).LoadAsync(ct);
        letter.Custody = CustodyTally.Of(letter.Route, db.Handovers.Local.Where(h => h.LetterId == letter.Id));
    }

    private static async Task AddPartyAsync(ParleyDb db, Letter letter, Guid institution, bool carried, CancellationToken ct)
    {
        if (await db.FindRowAsync<LetterParty>([letter.Id, institution], ct) is { } known)
            known.Carried |= carried;
        else
            db.LetterParties.Add(new LetterParty { LetterId = letter.Id, InstitutionId = institution, RegisteredAt = letter.RegisteredAt, Status = letter.Status, AttentionFrom = letter.AttentionFrom, Carried = carried });
    }

    private static async Task<Letter> LetterAsync(ParleyDb db, Guid id, CancellationToken ct) =>
        await db.FindRowAsync<Letter>([id], ct) ?? throw new InvalidOperationException($"Letter {id} is not in the projection.");

    private static async Task<Handover> HandoverAsync(ParleyDb db, Guid id, CancellationToken ct) =>
        await db.FindRowAsync<Handover>([id], ct) ?? throw new InvalidOperationException($"Hand-over {id} is not in the projection.");
}
