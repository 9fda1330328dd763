using Parley.Calendars;
using Parley.Directory;
using Parley.Engagements;
using Parley.Record;

namespace Parley.Demo;

/// <summary>What the demo's engagements are, for statements to link to.</summary>
public sealed record DemoEngagementIds(Guid JulyVisit, Guid PaulVisit, Guid PaulKosachev, Guid Proposal, Guid TaskForce);

/// <summary>
/// The story's engagements: the July 2018 delegation (members not named in the article), Paul's August trip and his
/// meeting with Kosachev, Kosachev's committee-level proposal for the autumn session, and Johnson's 6 + 6 task force
/// awaiting the State Department. Where the article is silent (exact days, hours, the task force's cadence), the record says so.
/// </summary>
public static class DemoEngagements
{
    private static readonly Guid Paul = KnownInstitutions.Person("bioguide", "P000603");
    private static readonly Guid Kosachev = KnownInstitutions.Person("demo", "kosachev");
    private static readonly Guid Johnson = KnownInstitutions.Person("bioguide", "J000293");
    private const string Article = "scenario article, 8 Aug 2018";

    public static async Task<DemoEngagementIds> LoadAsync(WriteScope scope, CancellationToken ct)
    {
        await CalendarsAsync(scope, ct);
        var july = Require(await RecordVisit.HandleAsync(scope, new VisitInput("Congressional delegation of Republican senators to Moscow",
            "Meetings with Russian officials in the run-up to the Trump–Putin summit in Helsinki (16 Jul 2018).", null, KnownInstitutions.UsSenate,
            "Moscow", "RU", new(2018, 7, 1), new(2018, 7, 15), [],
            "The article names no members and gives no exact days: “a July congressional delegation visit … during the run-up to the Trump-Putin summit”. The dates shown span 1–15 July.",
            Article), ct));
        var trip = Require(await RecordVisit.HandleAsync(scope, new VisitInput("Sen. Rand Paul to Moscow",
            "Hand-carry the President's letter to President Putin's administration; meet a senior Russian diplomat (unnamed in the article) and a top lawmaker, Konstantin Kosachev.",
            Paul, KnownInstitutions.UsSenate, "Moscow", "RU", new(2018, 8, 4), new(2018, 8, 5), [Paul],
            "Travelled the weekend of 4–5 Aug 2018 (announced the week before); the article gives no return date.", Article), ct));
        await scope.FlushAsync(ct);
        var meeting = Require(await ScheduleMeeting.HandleAsync(scope, new MeetingInput("Sen. Paul – Konstantin Kosachev: inter-legislative meetings", "Moscow", "Europe/Moscow",
            new DateTime(2018, 8, 5, 0, 0, 0), new DateTime(2018, 8, 5, 23, 59, 0),
            [new(Paul, KnownInstitutions.UsSenate), new(Kosachev, DemoDirectory.FcForeignAffairs)],
            [new AgendaInput("Inter-legislative meetings", null, 60)], trip, TimeUnknown: true,
            Source: "The article places the meeting during the trip of 4–5 Aug 2018; day and hour are not given."), null, ct));
        await scope.FlushAsync(ct);
        Require(await HoldMeeting.HandleAsync(scope, meeting, [], "Discussed inter-legislative meetings; Kosachev proposed a meeting of the two foreign-affairs committees in the autumn session.", ct));
        var proposal = Require(await MakeProposal.HandleAsync(scope, new ProposalInput(
            "Senate Committee on Foreign Relations – Federation Council Committee on Foreign Affairs",
            "A meeting at committee level, proposed by Konstantin Kosachev: “during the autumn session … before the end of this year”.",
            DemoDirectory.Sfrc, DemoDirectory.FcForeignAffairs, Kosachev, DemoDirectory.StateDepartment,
            [new(WindowKind.DuringSession, DemoDirectory.FederationCouncil, null), new(WindowKind.Before, null, new DateOnly(2018, 12, 31))], Article), ct));
        var force = Require(await CharterTaskForce.HandleAsync(scope, new TaskForceInput("US–Russia inter-parliamentary task force",
            "“Identify half-a-dozen legislators on both sides that meet on a regular basis, develop a relationship, so you can really have an agenda.”",
            KnownInstitutions.UsSenate, DemoDirectory.FederationCouncil, DemoDirectory.StateDepartment,
            "Six legislators from each side meet on a regular basis within the structure of the State Department, with Sen. Ron Johnson as chair of the US side. "
            + "Draft for approval; the cadence (every 8 weeks, hosts alternating) and the first date are placeholders: the article says only “on a regular basis”.",
            6, 0, "FREQ=WEEKLY;INTERVAL=8;BYDAY=TU", new DateTime(2019, 2, 5, 10, 0, 0), "Europe/Moscow", 120, true,
            "Review of open action items\nLegislative dialogue\nCountering terrorism\nCultural exchanges", Article), ct));
        await scope.FlushAsync(ct);
        Require(await ChangeMembers.HandleAsync(scope, force, new RosterChange(DemoDirectory.ArticleDate, [new(Johnson, Side.A, MemberRole.Chair)], []), ct));
        return new DemoEngagementIds(july, trip, meeting, proposal, force);
    }

    private static async Task CalendarsAsync(WriteScope scope, CancellationToken ct)
    {
        Require(await AddCalendarPeriods.HandleAsync(scope, DemoDirectory.FederationCouncil,
        [
            new(PeriodKind.Session, "Spring session 2018", new(2018, 1, 25), new(2018, 7, 15)),
            new(PeriodKind.Session, "Autumn session 2018", new(2018, 9, 16), new(2018, 12, 31)),
        ], "the Council's usual session dates (“as a rule” 25 Jan – 15 Jul and 16 Sep – 31 Dec); the 2018 sitting schedule is not in the demo", ct));
        Require(await AddCalendarPeriods.HandleAsync(scope, KnownInstitutions.UsSenate,
        [
            new(PeriodKind.Session, "115th Congress, 2nd session", new(2018, 1, 3), new(2019, 1, 3)),
            new(PeriodKind.Recess, "State work period before the midterm elections", new(2018, 10, 12), new(2018, 11, 12)),
            new(PeriodKind.Recess, "Thanksgiving state work period", new(2018, 11, 19), new(2018, 11, 23)),
        ], "session dates from the list of US Congresses; the state work periods were entered by hand for the demo — check them against senate.gov", ct));
    }

    private static Guid Require(Result<Guid> result) =>
        result.Succeeded ? result.Value : throw new InvalidOperationException($"Demo engagement step failed: {result.Error!.Field}: {result.Error.Message}");
}
