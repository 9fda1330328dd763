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
        letters.MapGet("/", ListAsync).WithSummary("The letters the caller may see, with derived status and exceptions; filter by text, status, exceptions, sender, addressee, topic, dated from/to");
        letters.MapGet("/{id:guid}", async (ParleyDb db, Actor actor, TimeProvider clock, Guid id, CancellationToken ct) =>
            await LetterRegister.LoadAsync(db, id, ct) is { } s && LetterAccess.ViewOf(actor, s) is var view and not LetterView.None
                ? Results.Ok(Dto(s, view, clock.GetUtcNow().UtcDateTime))
                : CorrespondenceErrors.NoLetter(id).ToProblem()).WithSummary("One letter: envelope for holders, register entry for the sender's office and auditors");
        letters.MapGet("/{id:guid}/custody", CustodyAsync).WithSummary("The chain of custody with signatures, ledger indices and inclusion proofs");
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
        Guid? sender, Guid? addressee, string? topic, DateOnly? from, DateOnly? to, int? page, int? size, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var result = await LetterRegister.PageAsync(db, actor, now, new LetterRegister.Filter(q, status, exceptions ?? false, sender, addressee, topic, from, to), page ?? 1, size ?? 50, ct);
        return Results.Ok(new { items = result.Rows.Select(r => Dto(r.State, r.View, now)), pageNumber = result.PageNumber, pageSize = result.PageSize, hasMore = result.HasMore });
    }

    public static object Dto(LetterState s, LetterView view, DateTime now)
    {
        var l = s.Letter;
        var custody = Custody.View(s, now);
        var envelope = new Dictionary<string, object?>
        {
            ["id"] = l.Id,
            ["number"] = l.Number,
            ["registry"] = l.Registry,
            ["senderInstitution"] = l.SenderInstitution,
            ["addresseeInstitution"] = l.AddresseeInstitution,
            ["status"] = custody.Status,
            ["exceptions"] = custody.Exceptions,
            ["holder"] = custody.Holder,
            ["nextDue"] = custody.NextDue,
            ["route"] = l.Route.OrderBy(r => r.Order).Select(r => new { r.ToInstitution, r.ToPerson, r.DueHours }),
            ["handovers"] = s.Handovers.OrderBy(h => h.At).Select(h => new
            {
                h.Id,
                h.FromInstitution,
                h.FromPerson,
                h.ToInstitution,
                h.ToPerson,
                h.At,
                h.Place,
                h.SealIntact,
                h.State,
                h.AnsweredAt,
                h.SealIntactOnReceipt,
                h.DisputeReason,
                ledgerIndex = h.RecordedIndex,
            }),
            ["view"] = view,
        };
        if (view >= LetterView.Metadata)
        {
            envelope["dated"] = l.Dated;
            envelope["direction"] = l.Direction;
            envelope["senderPerson"] = l.SenderPerson;
            envelope["addresseePerson"] = l.AddresseePerson;
            envelope["subject"] = l.Subject;
            envelope["topics"] = l.Topics.Split('|', StringSplitOptions.RemoveEmptyEntries);
            envelope["classification"] = l.Classification;
            envelope["language"] = l.Language;
            envelope["replyBy"] = l.ReplyBy;
            envelope["inReplyTo"] = l.InReplyTo;
            envelope["acknowledgedAt"] = l.AcknowledgedAt;
            envelope["embargo"] = l.Embargo;
            envelope["copyOf"] = l.CopyOf;
            envelope["translationOf"] = l.TranslationOf;
        }
        return envelope;
    }

    private static async Task<IResult> CustodyAsync(ParleyDb db, Checkpoints checkpoints, LogKey key, Actor actor, Guid id, CancellationToken ct)
    {
        var state = await LetterRegister.LoadAsync(db, id, ct);
        if (state is null || LetterAccess.ViewOf(actor, state) == LetterView.None)
            return CorrespondenceErrors.NoLetter(id).ToProblem();
        var certificate = await CustodyCertificate.BuildAsync(db, checkpoints, key, state, ct);
        return Results.Ok(new
        {
            letter = id,
            checkpoint = certificate.CheckpointNote,
            treeSize = certificate.Checkpoint.Size,
            holds = certificate.Holds,
            chain = certificate.Chain.Select(c => new
            {
                handover = c.Handover.Id,
                c.Handover.State,
                c.Handover.At,
                ledgerIndex = c.LedgerIndex,
                leafHash = Convert.ToBase64String(c.LeafHash),
                inclusionProof = c.InclusionProof.Select(Convert.ToBase64String),
                included = c.Included,
                giverSignature = c.Handover.GiverSignature,
                giverSignatureValid = c.GiverSignatureValid,
                receiverSignature = c.Handover.ReceiverSignature,
                receiverSignatureValid = c.ReceiverSignatureValid,
            }),
        });
    }
}
