using Parley.Access;
using Parley.Record;
using Parley.Web;

namespace Parley.Correspondence;

/// <summary>The addressee institution acknowledges receipt of a letter that has reached it.</summary>
public static class AcknowledgeReceipt
{
    public const Permission Needs = Permission.HandOverLetters;

    public static Result<LetterAcknowledged> Decide(LetterState letter, Actor actor, DateTime now)
    {
        if (LetterAccess.ViewOf(actor, letter) == LetterView.None)
            return CorrespondenceErrors.NoLetter(letter.Letter.Id);
        if (actor.Institution is not { } institution)
            return CorrespondenceErrors.NoInstitutionForUser;
        if (institution != letter.Letter.AddresseeInstitution)
            return CorrespondenceErrors.NotTheAddressee;
        var status = Custody.View(letter, now).Status;
        if (status is LetterStatus.Acknowledged or LetterStatus.Replied)
            return CorrespondenceErrors.AlreadyAcknowledged;
        if (status < LetterStatus.DeliveredToOffice)
            return CorrespondenceErrors.NotYetDelivered;
        return new LetterAcknowledged(letter.Letter.Id, now);
    }

    public static async Task<Result<Guid>> HandleAsync(WriteScope scope, Actor actor, Guid letterId, DateTime now, PasskeySignature? personal, CancellationToken ct)
    {
        var decided = Decide(await LetterRegister.RequireAsync(scope, letterId, ct), actor, personal?.Prepared.Now ?? now);
        if (!decided.Succeeded)
            return decided.Error!;
        if (await PersonalSignatures.CheckAsync(scope.Db, actor, decided.Value!, personal, ct) is { } unsigned)
            return unsigned;
        await PersonalSignatures.RecordAsync(scope, letterId, await scope.RecordAsync(decided.Value!, ct), personal, ct);
        return Result<Guid>.Ok(letterId);
    }

    public static void Map(RouteGroupBuilder letter) =>
        letter.MapPost("/acknowledge", (UseCaseEdge edge, Actor actor, Guid id, CancellationToken ct) =>
            edge.WriteHttpAsync(actor, (s, c) => HandleAsync(s, actor, id, edge.Now, null, c), _ => Results.NoContent(), ct))
            .Requires(Needs).Done().WithSummary("The addressee institution acknowledges receipt: the letter is delivered");
}
