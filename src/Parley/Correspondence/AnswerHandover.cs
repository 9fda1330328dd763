using System.ComponentModel.DataAnnotations;
using Parley.Access;
using Parley.Record;
using Parley.Web;

namespace Parley.Correspondence;

public sealed record AnswerRequest(bool SealIntact = true, [property: MaxLength(1000)] string? Reason = null);

/// <summary>
/// The receiving institution confirms a hand-over (and then signs the recorded hand-over's canonical bytes) or
/// disputes it with a reason.
/// </summary>
public static class AnswerHandover
{
    public const Permission Needs = Permission.HandOverLetters;

    /// <summary>The decision, given the hand-over answered (<paramref name="handover"/>, null if the letter has none by that id).</summary>
    public static Result<CorrespondenceEvent> Decide(LetterState letter, Handover? handover, Guid handoverId, bool confirm, bool sealIntact, string? reason, Actor actor,
        DateTime now)
    {
        if (LetterAccess.ViewOf(actor, letter) == LetterView.None)
            return CorrespondenceErrors.NoLetter(letter.Letter.Id);
        if (actor.Institution is not { } institution)
            return CorrespondenceErrors.NoInstitutionForUser;
        if (Custody.CheckAnswer(handover, institution) is { } error)
            return error;
        if (confirm)
            return new HandoverConfirmed(letter.Letter.Id, handoverId, now, sealIntact);
        if (string.IsNullOrWhiteSpace(reason) || reason.Length > 1000)
            return CorrespondenceErrors.DisputeReason;
        return new HandoverDisputed(letter.Letter.Id, handoverId, now, reason.Trim());
    }

    public static async Task<Result<Guid>> HandleAsync(WriteScope scope, InstitutionKeys keys, Actor actor, Guid letterId, Guid handoverId,
        bool confirm, bool sealIntact, string? reason, DateTime now, PasskeySignature? personal, CancellationToken ct)
    {
        var letter = await LetterRegister.RequireAsync(scope, letterId, ct);
        var handover = await LetterRegister.HandoverAsync(scope.Db, letterId, handoverId, ct);
        var decided = Decide(letter, handover, handoverId, confirm, sealIntact, reason, actor, personal?.Prepared.Now ?? now);
        if (!decided.Succeeded)
            return decided.Error!;
        if (await PersonalSignatures.CheckAsync(scope.Db, actor, decided.Value!, personal, ct) is { } unsigned)
            return unsigned;
        if (decided.Value is HandoverConfirmed confirmed)
        {
            // The receiver's signature goes over the recorded hand-over, so it is made before the confirmation is recorded.
            var signature = await keys.SignAsync(actor, handover!.ToInstitution, await SignedBytes.OfAsync(scope.Db, handover, ct), ct);
            await scope.RecordAsync(new HandoverSigned(letterId, handoverId, handover.ToInstitution, false, signature), ct);
            await PersonalSignatures.RecordAsync(scope, letterId, await scope.RecordAsync(confirmed, ct), personal, ct);
        }
        else
        {
            await PersonalSignatures.RecordAsync(scope, letterId, await scope.RecordAsync(decided.Value!, ct), personal, ct);
        }
        return Result<Guid>.Ok(handoverId);
    }

    public static void Map(RouteGroupBuilder letter)
    {
        letter.MapPost("/handovers/{handoverId:guid}/confirm", (UseCaseEdge edge, InstitutionKeys keys, Actor actor, Guid id, Guid handoverId, AnswerRequest body, CancellationToken ct) =>
            edge.WriteHttpAsync(actor, (s, c) => HandleAsync(s, keys, actor, id, handoverId, true, body.SealIntact, null, edge.Now, null, c), _ => Results.NoContent(), ct))
            .Requires(Needs).Done().WithSummary("Confirm receiving the letter in a hand-over (seal intact or not); the receiver's institution signs it");
        letter.MapPost("/handovers/{handoverId:guid}/dispute", (UseCaseEdge edge, InstitutionKeys keys, Actor actor, Guid id, Guid handoverId, AnswerRequest body, CancellationToken ct) =>
            edge.WriteHttpAsync(actor, (s, c) => HandleAsync(s, keys, actor, id, handoverId, false, true, body.Reason, edge.Now, null, c), _ => Results.NoContent(), ct))
            .Requires(Needs).Done().WithSummary("Dispute a hand-over (not received, or not as recorded), with the reason; the receiver's institution signs it");
    }
}
