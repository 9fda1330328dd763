using System.Security.Claims;
using Parley.Access;
using Parley.Record;
using Parley.Web;

namespace Parley.Correspondence;

public sealed record RouteRequest(List<LegPlan>? Legs);

public sealed record AnswerRequest(bool SealIntact = true, string? Reason = null);

/// <summary>JSON API for the letters register and custody chain, shaped by what the caller may see.</summary>
public static class LetterApi
{
    public static void MapLetterApi(this IEndpointRouteBuilder app)
    {
        var letters = app.MapGroup("/api/letters").WithTags("Letters").RequireAuthorization(nameof(Permission.ReadLetters));
        letters.MapGet("/", ListAsync).WithSummary("The letters the caller may see, with derived status and exceptions; filter by text, status, exceptions, sender, addressee, topic, dated from/to");
        letters.MapGet("/{id:guid}", async (ParleyDb db, ClaimsPrincipal user, TimeProvider clock, Guid id, CancellationToken ct) =>
            await Letters.LoadAsync(db, id, ct) is { } s && LetterAccess.ViewOf(user, s) is var view and not LetterView.None
                ? Results.Ok(Dto(s, view, clock.GetUtcNow().UtcDateTime))
                : Results.Problem($"No letter {id}.", statusCode: 404)).WithSummary("One letter: envelope for holders, register entry for the sender's office and auditors");
        letters.MapGet("/{id:guid}/custody", CustodyAsync).WithSummary("The chain of custody with signatures, ledger indices and inclusion proofs");
        letters.MapGet("/{id:guid}/attachments/{attachmentId:guid}", async (ParleyDb db, InstitutionKeys keys, ClaimsPrincipal user, Guid id, Guid attachmentId, CancellationToken ct) =>
            (await Letters.OpenAsync(db, keys, user, id, attachmentId, ct)).ToHttp(o => Results.File(o.Content, o.Meta.MediaType, o.Meta.Name)))
            .WithSummary("The sealed copy, opened: only for the addressee institution");

        var register = app.MapGroup("/api/letters").WithTags("Letters").RequireAuthorization(nameof(Permission.RegisterLetters));
        register.MapPost("/", (Recorder r, InstitutionKeys keys, ClaimsPrincipal user, RegisterLetterInput body, CancellationToken ct) =>
            r.WriteHttpAsync(user, (s, c) => Letters.RegisterAsync(s, keys, user, body, c), id => Results.Created($"/api/letters/{id}", new { id }), ct));
        register.MapPost("/{id:guid}/route", (Recorder r, ClaimsPrincipal user, Guid id, RouteRequest body, CancellationToken ct) =>
            r.WriteHttpAsync(user, (s, c) => Letters.PlanRouteAsync(s, user, id, body.Legs, c), _ => Results.NoContent(), ct));
        register.MapPost("/{id:guid}/attachments", async (Recorder r, InstitutionKeys keys, ClaimsPrincipal user, Guid id, IFormFile file, CancellationToken ct) =>
        {
            if (file.Length > Letters.MaxAttachmentBytes)
                return new DomainError("file", $"An attachment is at most {Letters.MaxAttachmentBytes / (1024 * 1024)} MB; this one is {file.Length:N0} bytes.").ToProblem();
            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, ct);
            return await r.WriteHttpAsync(user, (s, c) => Letters.AttachAsync(s, keys, user, id, file.FileName, file.ContentType, buffer.ToArray(), c),
                a => Results.Created($"/api/letters/{id}/attachments/{a}", new { id = a }), ct);
        }).DisableAntiforgery().WithSummary("Attach a copy; it is sealed to the addressee institution (HPKE) and only fingerprints enter the record");

        var custody = app.MapGroup("/api/letters/{id:guid}").WithTags("Letters").RequireAuthorization(nameof(Permission.HandOverLetters));
        custody.MapPost("/handovers", (Recorder r, InstitutionKeys keys, TimeProvider clock, ClaimsPrincipal user, Guid id, HandoverInput body, CancellationToken ct) =>
            r.WriteHttpAsync(user, (s, c) => Letters.HandOverAsync(s, keys, user, id, body, clock.GetUtcNow().UtcDateTime, c), h => Results.Created($"/api/letters/{id}/custody", new { id = h }), ct));
        custody.MapPost("/handovers/{handoverId:guid}/confirm", (Recorder r, InstitutionKeys keys, TimeProvider clock, ClaimsPrincipal user, Guid id, Guid handoverId, AnswerRequest body, CancellationToken ct) =>
            r.WriteHttpAsync(user, (s, c) => Letters.AnswerAsync(s, keys, user, id, handoverId, true, body.SealIntact, null, clock.GetUtcNow().UtcDateTime, c), _ => Results.NoContent(), ct));
        custody.MapPost("/handovers/{handoverId:guid}/dispute", (Recorder r, InstitutionKeys keys, TimeProvider clock, ClaimsPrincipal user, Guid id, Guid handoverId, AnswerRequest body, CancellationToken ct) =>
            r.WriteHttpAsync(user, (s, c) => Letters.AnswerAsync(s, keys, user, id, handoverId, false, true, body.Reason, clock.GetUtcNow().UtcDateTime, c), _ => Results.NoContent(), ct));
        custody.MapPost("/acknowledge", (Recorder r, TimeProvider clock, ClaimsPrincipal user, Guid id, CancellationToken ct) =>
            r.WriteHttpAsync(user, (s, c) => Letters.AcknowledgeAsync(s, user, id, clock.GetUtcNow().UtcDateTime, c), _ => Results.NoContent(), ct));
    }

    private static async Task<IResult> ListAsync(ParleyDb db, ClaimsPrincipal user, TimeProvider clock, string? q, LetterStatus? status, bool? exceptions,
        Guid? sender, Guid? addressee, string? topic, DateOnly? from, DateOnly? to, int? page, int? size, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var result = await Letters.PageAsync(db, user, now, new Letters.Filter(q, status, exceptions ?? false, sender, addressee, topic, from, to), page ?? 1, size ?? 50, ct);
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

    private static async Task<IResult> CustodyAsync(ParleyDb db, Checkpoints checkpoints, LogKey key, ClaimsPrincipal user, Guid id, CancellationToken ct)
    {
        var state = await Letters.LoadAsync(db, id, ct);
        if (state is null || LetterAccess.ViewOf(user, state) == LetterView.None)
            return Results.Problem($"No letter {id}.", statusCode: 404);
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
