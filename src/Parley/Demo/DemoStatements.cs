using Parley.Correspondence;
using Parley.Directory;
using Parley.Record;
using Parley.Statements;

namespace Parley.Demo;

/// <summary>
/// The story's four statements as the report of 8 Aug 2018 quotes them, linked to what they speak of, and the
/// "shortly" expectation as a commitment on the letter's custody. The report's own text is not part of Parley,
/// so no source copy is stored; where the report gives no day (Paul's tweet), the date is the report's.
/// </summary>
public static class DemoStatements
{
    private static readonly Guid Paul = KnownInstitutions.Person("bioguide", "P000603");
    private static readonly Guid Peskov = KnownInstitutions.Person("demo", "peskov");
    private static readonly Guid Kosachev = KnownInstitutions.Person("demo", "kosachev");
    private static readonly Guid Johnson = KnownInstitutions.Person("bioguide", "J000293");

    public static async Task LoadAsync(WriteScope scope, Guid letter, DemoEngagementIds engagements, DateTime now, CancellationToken ct)
    {
        var day = DemoDirectory.ArticleDate;
        var paul = Require(await RecordStatement.HandleAsync(scope, new StatementInput(Paul, Medium.SocialMediaPost, day,
            "I was honored to deliver a letter from President Trump to President Vladimir Putin’s administration. The letter emphasized the importance of further engagement in various areas including countering terrorism, enhancing legislative dialogue and resuming cultural exchanges.",
            DateBasis: DateBasis.Reported, Outlet: "Twitter", Links: [new(RecordKind.Letter, letter), new(RecordKind.Institution, DemoDirectory.RuPresidentialAdministration), new(RecordKind.Visit, engagements.PaulVisit)]), now, ct));
        var peskov = Require(await RecordStatement.HandleAsync(scope, new StatementInput(Peskov, Medium.Remarks, day,
            "The letter was received through diplomatic channels. We expect that the president’s administration will receive it shortly.",
            Links: [new(RecordKind.Letter, letter)]), now, ct));
        var kosachev = Require(await RecordStatement.HandleAsync(scope, new StatementInput(Kosachev, Medium.Remarks, day,
            "The issue at hand is trying, perhaps, to organize a new meeting, this time at the level of the Senate Committee on Foreign Relations and the Federation Council’s Foreign Affairs Committee during the autumn session. That is, before the end of this year.",
            DateBasis: DateBasis.Reported, Links: [new(RecordKind.Institution, DemoDirectory.Sfrc), new(RecordKind.Institution, DemoDirectory.FcForeignAffairs), new(RecordKind.Statement, paul),
                new(RecordKind.Proposal, engagements.Proposal), new(RecordKind.Meeting, engagements.PaulKosachev)]), now, ct));
        Require(await RecordStatement.HandleAsync(scope, new StatementInput(Johnson, Medium.Interview, day,
            "Identify half-a-dozen legislators on both sides that meet on a regular basis, develop a relationship, so you can really have an agenda. It’d make sense for me to kind of spearhead this thing and establish this task force; I’m happy to do it. But again, I want to do it within the structure of the State Department as well. I’m not going to go out and freelance this thing.",
            DateBasis: DateBasis.Reported, Outlet: "Washington Examiner", Links: [new(RecordKind.Institution, DemoDirectory.SfrcEurope), new(RecordKind.Institution, DemoDirectory.StateDepartment),
                new(RecordKind.TaskForce, engagements.TaskForce)]), now, ct));
        await scope.FlushAsync(ct);
        Require(await RecordCommitment.HandleAsync(scope, new CommitmentInput(peskov, null, DemoDirectory.RuPresidentialAdministration,
            "The President's administration will receive the letter shortly", day, day.AddDays(Commitments.ShortlyDays), letter, LetterStatus.InAddresseesHands), ct));
        // "During the autumn session … before the end of this year": fulfilled when the proposal's meeting is held.
        Require(await RecordCommitment.HandleAsync(scope, new CommitmentInput(kosachev, null, null,
            "A meeting of the Senate Committee on Foreign Relations and the Federation Council's Foreign Affairs Committee, during the autumn session",
            new DateOnly(2018, 9, 16), new DateOnly(2018, 12, 31), Engagement: engagements.Proposal), ct));
    }

    private static Guid Require(Result<Guid> result) =>
        result.Succeeded ? result.Value : throw new InvalidOperationException($"Demo statement step failed: {result.Error!.Field}: {result.Error.Message}");
}
