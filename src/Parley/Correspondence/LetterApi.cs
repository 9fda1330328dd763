using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Parley.Access;
using Parley.Record;
using Parley.Web;

namespace Parley.Correspondence;

/// <summary>JSON API for the letters register and custody chain, shaped by what the caller may see.</summary>
public static class LetterApi
{
    public static void MapLetterApi(this IEndpointRouteBuilder app)
    {
        var letters = app.MapGroup("/api/letters").WithTags("Letters").RequireAuthorization(nameof(Permission.ReadLetters));
        letters.MapGet("/", ListAsync).Produces<LetterPage>().WithSummary("The letters the caller may see, with derived status and exceptions; filter by text (every word, as a word prefix, in the number, subject, topics or parties' names), status, exceptions, sender, addressee, topic, dated from/to; sort by Relevance (the default with text), Recorded (newest first, the default without), RecordedOldest, Dated or DatedOldest");
        letters.MapGet("/{id:guid}", async (ParleyDb db, Actor actor, TimeProvider clock, Guid id, CancellationToken ct) =>
            await LetterRegister.LoadAsync(db, id, ct) is { } s && LetterAccess.ViewOf(actor, s) is var view and not LetterView.None
                ? Results.Ok(Dto(s, await LetterRegister.HandoversAsync(db, id, ct), view, clock.GetUtcNow().UtcDateTime))
                : CorrespondenceErrors.NoLetter(id).ToProblem()).Produces<LetterDto>().WithSummary("One letter: envelope for holders, register entry for the sender's office and auditors");
        letters.MapGet("/{id:guid}/custody", CustodyAsync).Produces<CustodyDto>().WithSummary("The chain of custody with signatures, ledger indices and inclusion proofs");
        OpenCopy.Map(letters);

        // Each write is mapped beside its use case, with the permission it needs.
        var writes = app.MapGroup("/api/letters").WithTags("Letters");
        RegisterLetter.Map(writes);
        PlanRoute.Map(writes);
        AttachCopy.Map(writes);
        var letter = app.MapGroup("/api/letters/{id:guid}").WithTags("Letters");
        HandOver.Map(letter);
        AnswerHandover.Map(letter);
        AcknowledgeReceipt.Map(letter);
        SignedSteps.Map(letter);
    }

    private static async Task<IResult> ListAsync(ParleyDb db, Actor actor, TimeProvider clock, string? q, LetterStatus? status, bool? exceptions,
        Guid? sender, Guid? addressee, string? topic, DateOnly? from, DateOnly? to, int? page, int? size, LetterRegister.Order? sort, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var result = await LetterRegister.PageAsync(db, actor, now, new LetterRegister.Filter(q, status, exceptions ?? false, sender, addressee, topic, from, to), page ?? 1, size ?? 50, ct,
            sort);
        var ids = result.Rows.Select(r => r.State.Letter.Id).ToList();
        var handovers = (await db.Handovers.AsNoTracking().Where(h => ids.Contains(h.LetterId)).OrderBy(h => h.At).ThenBy(h => h.RecordedIndex).ToListAsync(ct))
            .ToLookup(h => h.LetterId);
        return Results.Ok(new LetterPage(result.Rows.Select(r => Dto(r.State, handovers[r.State.Letter.Id].ToList(), r.View, now)).ToList(), result.PageNumber, result.PageSize,
            result.HasMore));
    }

    /// <summary>A letter as this caller may see it: the envelope for every holder, the register entry too from <see cref="LetterView.Metadata"/> on.</summary>
    public static LetterDto Dto(LetterState s, IReadOnlyList<Handover> handovers, LetterView view, DateTime now)
    {
        var l = s.Letter;
        var custody = Custody.View(s, now);
        var entry = view >= LetterView.Metadata;
        return new LetterDto(
            l.Id, l.Number, l.Registry, l.SenderInstitution, l.AddresseeInstitution, custody.Status, custody.Exceptions, custody.Holder, custody.NextDue,
            l.Route.OrderBy(r => r.Order).Select(r => new LegDto(r.ToInstitution, r.ToPerson, r.DueHours)).ToList(),
            handovers.Select(h => new HandoverDto(h.Id, h.FromInstitution, h.FromPerson, h.ToInstitution, h.ToPerson, h.At, h.Place,
                h.SealIntact, h.State, h.AnsweredAt, h.SealIntactOnReceipt, h.DisputeReason, h.RecordedIndex)).ToList(),
            view)
        {
            Dated = entry ? l.Dated : null,
            Direction = entry ? l.Direction : null,
            SenderPerson = entry ? l.SenderPerson : null,
            AddresseePerson = entry ? l.AddresseePerson : null,
            Subject = entry ? l.Subject : null,
            Topics = entry ? l.Topics.Split('|', StringSplitOptions.RemoveEmptyEntries) : null,
            Classification = entry ? l.Classification : null,
            Language = entry ? l.Language : null,
            ReplyBy = entry ? l.ReplyBy : null,
            InReplyTo = entry ? l.InReplyTo : null,
            AcknowledgedAt = entry ? l.AcknowledgedAt : null,
            Embargo = entry ? l.Embargo : null,
            CopyOf = entry ? l.CopyOf : null,
            TranslationOf = entry ? l.TranslationOf : null,
        };
    }

    private static async Task<IResult> CustodyAsync(ParleyDb db, Checkpoints checkpoints, LogKey key, Actor actor, Guid id, CancellationToken ct)
    {
        var state = await LetterRegister.LoadAsync(db, id, ct);
        if (state is null || LetterAccess.ViewOf(actor, state) == LetterView.None)
            return CorrespondenceErrors.NoLetter(id).ToProblem();
        var certificate = await CustodyCertificate.BuildAsync(db, checkpoints, key, state, ct);
        return Results.Ok(new CustodyDto(id, certificate.CheckpointNote, certificate.Checkpoint.Size, certificate.Holds,
            certificate.Chain.Select(c => new CustodyLink(c.Handover.Id, c.Handover.State, c.Handover.At, c.LedgerIndex, Convert.ToBase64String(c.LeafHash),
                c.InclusionProof.Select(Convert.ToBase64String).ToList(), c.Included, c.Handover.GiverSignature, c.GiverSignatureValid,
                c.Handover.ReceiverSignature, c.ReceiverSignatureValid,
                c.ProvedElsewhere.Select(e => new ElsewhereLink(e.Half, e.Log, e.Index, e.Size, e.Valid, e.Fault, e.Proof)).ToList())).ToList()));
    }
}

public sealed record LetterPage(IReadOnlyList<LetterDto> Items, int PageNumber, int PageSize, bool HasMore);

/// <summary>
/// A letter's envelope (what every holder sees: parties, status, holder, route and hand-overs) and, for the sender's office,
/// the addressee and auditors, its register entry (the fields from <c>dated</c> on, absent for a holder); <c>view</c> says which.
/// </summary>
public sealed record LetterDto(
    Guid Id, string Number, Guid Registry, Guid SenderInstitution, Guid AddresseeInstitution, LetterStatus Status, IReadOnlyList<CustodyException> Exceptions,
    Holder Holder, DateTime? NextDue, IReadOnlyList<LegDto> Route, IReadOnlyList<HandoverDto> Handovers, LetterView View)
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public DateOnly? Dated { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public LetterDirection? Direction { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public Guid? SenderPerson { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public Guid? AddresseePerson { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Subject { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public IReadOnlyList<string>? Topics { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Classification { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Language { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public DateOnly? ReplyBy { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public Guid? InReplyTo { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public DateTime? AcknowledgedAt { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public DateOnly? Embargo { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public Guid? CopyOf { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public Guid? TranslationOf { get; init; }
}

public sealed record LegDto(Guid ToInstitution, Guid? ToPerson, int DueHours);

public sealed record HandoverDto(
    Guid Id, Guid FromInstitution, Guid? FromPerson, Guid ToInstitution, Guid? ToPerson, DateTime At, string? Place, bool SealIntact, HandoverState State,
    DateTime? AnsweredAt, bool? SealIntactOnReceipt, string? DisputeReason, long LedgerIndex);

/// <summary>The chain of custody against a checkpoint: each hand-over's inclusion proof and both signatures, and whether the whole holds.</summary>
public sealed record CustodyDto(Guid Letter, string Checkpoint, long TreeSize, bool Holds, IReadOnlyList<CustodyLink> Chain);

public sealed record CustodyLink(
    Guid Handover, HandoverState State, DateTime At, long LedgerIndex, string LeafHash, IReadOnlyList<string> InclusionProof, bool Included,
    string? GiverSignature, bool? GiverSignatureValid, string? ReceiverSignature, bool? ReceiverSignatureValid, IReadOnlyList<ElsewhereLink> Elsewhere);

/// <summary>
/// A half of the hand-over another node recorded (the giver's, or the receiver's answer): entry <c>index</c> of that node's
/// log, proved under its checkpoint of <c>size</c> by <c>proof</c> (a C2SP tlog-proof, the entry in its extra line, for
/// `parley verify-proof` with that node's log key); <c>valid</c> is null until this node has fetched the proof.
/// </summary>
public sealed record ElsewhereLink(StepHalf Half, string Log, long Index, long? Size, bool? Valid, string? Fault, string? Proof);
