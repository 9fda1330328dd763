using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Parley.Access;
using Parley.Record;
using Parley.Web;

namespace Parley.Correspondence;

/// <summary>A hand-over as the giver enters it; its time arrives in UTC (normalised at the edge).</summary>
public sealed record HandoverInput([property: Required] Guid? ToInstitution, Guid? ToPerson, Guid? FromPerson, DateTime? At,
    [property: MaxLength(200)] string? Place, bool SealIntact = true, [property: MaxLength(1000)] string? Note = null);

/// <summary>
/// Hand a letter over. The giver records it (the hand-over is from the signed-in user's institution and must
/// match the holder); once the event is recorded, the giver's institution signs its canonical bytes.
/// </summary>
public static class HandOver
{
    public const Permission Needs = Permission.HandOverLetters;

    /// <summary>The decision: the recorded hand-over, or why not. <paramref name="receiverKnown"/> says whether the receiving institution is in the directory.</summary>
    public static Result<HandoverRecorded> Decide(LetterState letter, HandoverInput input, bool receiverKnown, Actor actor, Guid id, DateTime now)
    {
        if (LetterAccess.ViewOf(actor, letter) == LetterView.None)
            return CorrespondenceErrors.NoLetter(letter.Letter.Id);
        if (input.ToInstitution is not { } to)
            return CorrespondenceErrors.ReceiverMissing;
        if (!receiverKnown)
            return CorrespondenceErrors.UnknownInstitution("toInstitution", to);
        if (actor.Institution is not { } giver)
            return CorrespondenceErrors.NoInstitutionForUser;
        var recorded = new HandoverRecorded(letter.Letter.Id, id, giver, input.FromPerson ?? Custody.HolderOf(letter).Person, to, input.ToPerson,
            input.At ?? now, input.Place, input.SealIntact, input.Note);
        return Custody.CheckHandover(letter, giver, recorded, now) is { } error ? error : recorded;
    }

    /// <summary>Decides the step against the letter as it is now, without recording it (to be signed by the person's passkey first).</summary>
    public static async Task<Result<HandoverRecorded>> PrepareAsync(ParleyDb db, Actor actor, Guid letterId, HandoverInput input, Guid id, DateTime now, CancellationToken ct) =>
        await LetterRegister.LoadAsync(db, letterId, ct) is { } letter
            ? await DecideAsync(db, letter, actor, input, id, now, ct)
            : CorrespondenceErrors.NoLetter(letterId);

    private static async Task<Result<HandoverRecorded>> DecideAsync(ParleyDb db, LetterState letter, Actor actor, HandoverInput input, Guid id, DateTime now, CancellationToken ct) =>
        Decide(letter, input, input.ToInstitution is { } to && await db.Institutions.AnyAsync(i => i.Id == to, ct), actor, id, now);

    public static async Task<Result<Guid>> HandleAsync(WriteScope scope, InstitutionKeys keys, Actor actor, Guid letterId, HandoverInput input, DateTime now,
        PasskeySignature? personal, CancellationToken ct)
    {
        var letter = await LetterRegister.RequireAsync(scope, letterId, ct);
        var decided = await DecideAsync(scope.Db, letter, actor, input, personal?.Prepared.Id ?? Guid.CreateVersion7(), personal?.Prepared.Now ?? now, ct);
        if (!decided.Succeeded)
            return decided.Error!;
        var recorded = decided.Value!;
        if (await PersonalSignatures.CheckAsync(scope.Db, actor, recorded, personal, ct) is { } unsigned)
            return unsigned;
        var stored = await scope.RecordAsync(recorded, ct);
        await PersonalSignatures.RecordAsync(scope, letterId, stored, personal, ct);
        await keys.EnsureAsync(scope, recorded.FromInstitution, ct);
        await keys.EnsureAsync(scope, recorded.ToInstitution, ct);
        // The signed step is sent on from its stored bytes (to a peer, by the signature's reaction).
        await scope.SaveAsync(ct);
        var signature = await keys.SignAsync(actor, recorded.FromInstitution, stored.ToCanonical().Encode(), ct);
        await scope.RecordAsync(new HandoverSigned(letterId, recorded.HandoverId, recorded.FromInstitution, true, signature), ct);
        return Result<Guid>.Ok(recorded.HandoverId);
    }

    public static void Map(RouteGroupBuilder letter) =>
        letter.MapPost("/handovers", (UseCaseEdge edge, InstitutionKeys keys, Actor actor, Guid id, HandoverInput body, CancellationToken ct) =>
            edge.WriteHttpAsync(actor, (s, c) => HandleAsync(s, keys, actor, id, body, edge.Now, null, c), h => ApiAnswers.Created($"/api/letters/{id}/custody", h), ct))
            .Requires(Needs).Creates().WithSummary("Hand the letter over to the next holder; the giver's institution signs the step and the receiver confirms or disputes it");

    /// <summary>
    /// The letter page's form: the receiver comes as "institution" or "institution|person" (a leg that ends in a
    /// person's hands), and the time from a UTC field.
    /// </summary>
    public static HandoverInput FromForm(string? to, DateTime? at, string? place, bool sealIntact, string? note)
    {
        var parts = (to ?? "").Split('|');
        Guid? institution = Guid.TryParse(parts[0], out var i) ? i : null;
        Guid? person = parts.Length > 1 && Guid.TryParse(parts[1], out var p) ? p : null;
        return new HandoverInput(institution, person, null, at is { } t ? DateTime.SpecifyKind(t, DateTimeKind.Utc) : null, place, sealIntact, note);
    }
}
