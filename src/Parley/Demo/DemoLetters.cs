using Parley.Access;
using Parley.Correspondence;
using Parley.Directory;
using Parley.Record;

namespace Parley.Demo;

/// <summary>
/// The Moscow letter as the story gives it, and a second, illustrative letter that runs its whole course
/// with a reply. Times the article does not give are marked as assumed in the hand-over notes.
/// </summary>
public static class DemoLetters
{
    private static readonly Guid Paul = KnownInstitutions.Person("bioguide", "P000603");
    private static readonly Guid Putin = KnownInstitutions.Person("wikidata", "Q7747");
    private static readonly Guid Kosachev = KnownInstitutions.Person("demo", "kosachev");
    private static readonly Guid Johnson = KnownInstitutions.Person("bioguide", "J000293");
    private static readonly Guid Trump = KnownInstitutions.Person("wikidata", "Q22686");

    private static Actor Of(Guid institution) => Actor.Of("demo", institution);

    private static DateTime Utc(int month, int day, int hour) => new(2018, month, day, hour, 0, 0, DateTimeKind.Utc);

    /// <summary>Loads the letters; returns the Moscow letter's id, which the story's statements speak of.</summary>
    public static async Task<Guid> LoadAsync(WriteScope scope, InstitutionKeys keys, DateTime now, CancellationToken ct)
    {
        var (usOffice, senate, ruOffice) = (Of(KnownInstitutions.UsPresident), Of(KnownInstitutions.UsSenate), Of(DemoDirectory.RuPresidentialAdministration));
        var letter = Require(await RegisterLetter.HandleAsync(scope, keys, usOffice, new RegisterLetterInput(LetterDirection.Outgoing, new DateOnly(2018, 8, 3),
            KnownInstitutions.UsPresident, Trump, DemoDirectory.RuPresidentialAdministration, Putin,
            "Letter from President Trump to President Putin", ["countering terrorism", "legislative dialogue", "cultural exchanges"],
            null, "en", null, null), ct));
        Require(await PlanRoute.HandleAsync(scope, usOffice, letter,
            [new LegPlan(KnownInstitutions.UsSenate, Paul, 48), new LegPlan(DemoDirectory.RuPresidentialAdministration, null, 72),
             new LegPlan(DemoDirectory.RuPresidentialAdministration, Putin, 72)], ct));
        var toPaul = Require(await HandOver.HandleAsync(scope, keys, usOffice, letter,
            new HandoverInput(KnownInstitutions.UsSenate, Paul, null, Utc(8, 3, 20), "Washington", true, "Handed to Sen. Rand Paul for his trip (time assumed)."), now, null, ct));
        Require(await AnswerHandover.HandleAsync(scope, keys, senate, letter, toPaul, true, true, null, Utc(8, 3, 21), null, ct));
        var toKremlin = Require(await HandOver.HandleAsync(scope, keys, senate, letter,
            new HandoverInput(DemoDirectory.RuPresidentialAdministration, null, Paul, Utc(8, 5, 12), "Moscow", true,
                "Delivered to the Presidential Administration during the weekend visit (time assumed)."), now, null, ct));
        Require(await AnswerHandover.HandleAsync(scope, keys, ruOffice, letter, toKremlin, true, true, null, Utc(8, 8, 9), null, ct));

        // Illustrative, not from the article: a committee letter that completes its course and is answered.
        var (fc, sfrc) = (Of(DemoDirectory.FcForeignAffairs), Of(DemoDirectory.Sfrc));
        var proposal = Require(await RegisterLetter.HandleAsync(scope, keys, fc, new RegisterLetterInput(LetterDirection.Outgoing, new DateOnly(2018, 8, 10),
            DemoDirectory.FcForeignAffairs, Kosachev, DemoDirectory.Sfrc, Johnson,
            "[Illustrative] Proposal for a committee-level meeting during the autumn session", ["legislative dialogue"], null, "en", new DateOnly(2018, 9, 30), null), ct));
        var toSfrc = Require(await HandOver.HandleAsync(scope, keys, fc, proposal,
            new HandoverInput(DemoDirectory.Sfrc, null, null, Utc(8, 13, 15), "Washington", true, "Illustrative."), now, null, ct));
        Require(await AnswerHandover.HandleAsync(scope, keys, sfrc, proposal, toSfrc, true, true, null, Utc(8, 13, 16), null, ct));
        var toJohnson = Require(await HandOver.HandleAsync(scope, keys, sfrc, proposal,
            new HandoverInput(DemoDirectory.Sfrc, Johnson, null, Utc(8, 14, 10), "Washington", true, "Illustrative."), now, null, ct));
        Require(await AnswerHandover.HandleAsync(scope, keys, sfrc, proposal, toJohnson, true, true, null, Utc(8, 14, 11), null, ct));
        Require(await AcknowledgeReceipt.HandleAsync(scope, sfrc, proposal, Utc(8, 14, 12), null, ct));
        Require(await RegisterLetter.HandleAsync(scope, keys, sfrc, new RegisterLetterInput(LetterDirection.Outgoing, new DateOnly(2018, 8, 20),
            DemoDirectory.Sfrc, Johnson, DemoDirectory.FcForeignAffairs, Kosachev,
            "[Illustrative] Reply: the committee welcomes a meeting before the end of the year", ["legislative dialogue"], null, "en", null, proposal), ct));
        return letter;
    }

    private static Guid Require(Result<Guid> result) =>
        result.Succeeded ? result.Value : throw new InvalidOperationException($"Demo letter step failed: {result.Error!.Field}: {result.Error.Message}");
}
