using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Fido2NetLib;
using Parley.Access;
using Parley.Record;
using Parley.Web;

namespace Parley.Correspondence;

public enum CustodyStep
{
    HandOver,
    Confirm,
    Dispute,
    Acknowledge,
}

/// <summary>A custody step to be signed by the person's passkey: which step and its input, as the step's own endpoint takes it.</summary>
public sealed record CustodyStepRequest(CustodyStep Step, Guid? HandoverId = null, HandoverInput? Handover = null, AnswerRequest? Answer = null);

/// <summary>The browser's answer: the sealed state from <c>prepare</c> and the passkey's assertion.</summary>
public sealed record SignedStepRequest([property: MaxLength(8000)] string? State, JsonElement? Response);

/// <summary>
/// A custody step signed by its person's passkey, in two requests: <c>prepare</c> decides the step against the letter
/// as it is and returns the assertion options (the challenge is the step's statement hash); <c>signed</c> verifies the
/// assertion, decides again with the same id and time, and records the step, both institutions' signatures as
/// before, and the assertion, in one write.
/// </summary>
public static class SignedSteps
{
    /// <summary>The options and state for the person's passkey, or null when the person has none (then the step's own endpoint records it).</summary>
    public static async Task<Result<(AssertionOptions Options, string State)?>> PrepareAsync(ParleyDb db, WebAuthn webAuthn, HttpRequest request, Actor actor,
        Guid letterId, CustodyStepRequest step, DateTime now, CancellationToken ct)
    {
        var id = Guid.CreateVersion7();
        var decided = await DecideAsync(db, actor, letterId, step, id, now, ct);
        if (!decided.Succeeded)
            return decided.Error!;
        return await PersonalSignatures.BeginAsync(db, webAuthn, request, actor, step.Step.ToString(), letterId, step.HandoverId, id, now, decided.Value!, step, ct);
    }

    public static async Task<Result<Guid>> CommitAsync(WriteScope scope, InstitutionKeys keys, Actor actor, Guid letterId, PasskeySignature personal, CancellationToken ct)
    {
        if (personal.Prepared.LetterId != letterId)
            return CorrespondenceErrors.StepChangedSinceSigned;
        var step = JsonSerializer.Deserialize<CustodyStepRequest>(personal.Prepared.Input, EventCatalog.Json)!;
        var now = personal.Prepared.Now;
        return step.Step switch
        {
            CustodyStep.HandOver => await HandOver.HandleAsync(scope, keys, actor, letterId, step.Handover!, now, personal, ct),
            CustodyStep.Confirm => await AnswerHandover.HandleAsync(scope, keys, actor, letterId, step.HandoverId ?? Guid.Empty, true,
                step.Answer?.SealIntact ?? true, null, now, personal, ct),
            CustodyStep.Dispute => await AnswerHandover.HandleAsync(scope, keys, actor, letterId, step.HandoverId ?? Guid.Empty, false, true,
                step.Answer?.Reason, now, personal, ct),
            _ => await AcknowledgeReceipt.HandleAsync(scope, actor, letterId, now, personal, ct),
        };
    }

    private static async Task<Result<IEvent>> DecideAsync(ParleyDb db, Actor actor, Guid letterId, CustodyStepRequest step, Guid id, DateTime now, CancellationToken ct)
    {
        if (step.Step == CustodyStep.HandOver)
        {
            var handover = await HandOver.PrepareAsync(db, actor, letterId, step.Handover ?? new HandoverInput(null, null, null, null, null), id, now, ct);
            return handover.Succeeded ? handover.Value! : handover.Error!;
        }
        if (await LetterRegister.LoadAsync(db, letterId, ct) is not { } letter)
            return CorrespondenceErrors.NoLetter(letterId);
        var handoverId = step.HandoverId ?? Guid.Empty;
        var answering = step.Step is CustodyStep.Confirm or CustodyStep.Dispute ? await LetterRegister.HandoverAsync(db, letterId, handoverId, ct) : null;
        var answered = step.Step switch
        {
            CustodyStep.Confirm => AnswerHandover.Decide(letter, answering, handoverId, true, step.Answer?.SealIntact ?? true, null, actor, now),
            CustodyStep.Dispute => AnswerHandover.Decide(letter, answering, handoverId, false, true, step.Answer?.Reason, actor, now),
            _ => null,
        };
        if (answered is not null)
            return answered.Succeeded ? answered.Value! : answered.Error!;
        var acknowledged = AcknowledgeReceipt.Decide(letter, actor, now);
        return acknowledged.Succeeded ? acknowledged.Value! : acknowledged.Error!;
    }

    public static void Map(RouteGroupBuilder letter)
    {
        letter.MapPost("/steps/prepare", async (ParleyDb db, WebAuthn webAuthn, UseCaseEdge edge, HttpRequest request, Actor actor, Guid id, CustodyStepRequest body, CancellationToken ct) =>
        {
            var prepared = await PrepareAsync(db, webAuthn, request, actor, id, body, edge.Now, ct);
            if (!prepared.Succeeded)
                return prepared.Error!.ToProblem();
            if (prepared.Value is not { } begun)
                return new DomainError("assertion", "You have no passkey: do this step with its own endpoint, and your institution signs it.", ErrorKind.Conflict).ToProblem();
            return WebAuthn.Begun(begun.State, begun.Options.ToJson());
        }).Requires(HandOver.Needs).Produces<WebAuthnBegun>().WithSummary("Prepare a custody step for the person's passkey: the assertion options (challenge = SHA-256 of the step's statement)");
        letter.MapPost("/steps/signed", async (ParleyDb db, WebAuthn webAuthn, UseCaseEdge edge, InstitutionKeys keys, HttpRequest request, Actor actor, Guid id,
            SignedStepRequest body, CancellationToken ct) =>
        {
            var verified = await PersonalSignatures.VerifyAsync(db, webAuthn, request, actor, body.State,
                WebAuthn.Read<AuthenticatorAssertionRawResponse>(body.Response), ct);
            if (!verified.Succeeded)
                return verified.Error!.ToProblem();
            return await edge.WriteHttpAsync(actor, (s, c) => CommitAsync(s, keys, actor, id, verified.Value!, c), _ => Results.Created($"/api/letters/{id}/custody", null), ct);
        }).Requires(HandOver.Needs).Produces(201).WithSummary("Record a custody step with the passkey's assertion over its statement");
    }
}
