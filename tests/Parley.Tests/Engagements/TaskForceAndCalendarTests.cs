using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Parley.Access;
using Parley.Demo;
using Parley.Directory;
using Parley.Tests.Infrastructure;

namespace Parley.Tests.EngagementsSlice;

/// <summary>Task force charter, balance and feeds; chamber calendar import; on both databases.</summary>
public sealed class TaskForceAndCalendarTests
{
    private static readonly Guid Johnson = KnownInstitutions.Person("bioguide", "J000293"), Paul = KnownInstitutions.Person("bioguide", "P000603"),
        Kosachev = KnownInstitutions.Person("demo", "kosachev"), Trump = KnownInstitutions.Person("wikidata", "Q22686");

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_charter_is_approved_by_oversight_and_the_sides_stay_balanced(string provider)
    {
        var (server, ids) = await ProposalFlowTests.StoryAsync(provider);
        await using var _ = server;
        using var staff = await server.ClientAsync(Role.Staff, DemoDirectory.Sfrc);
        var before = await ProposalFlowTests.EventsAsync(server);
        var badRule = await staff.PostAsJsonAsync("/api/task-forces", new
        {
            name = "Test",
            purpose = "Test",
            sideA = KnownInstitutions.UsSenate,
            sideB = DemoDirectory.FederationCouncil,
            oversight = DemoDirectory.StateDepartment,
            charter = "Test",
            seatsPerSide = 6,
            allowedDifference = 0,
            cadence = "FREQ=SOMETIMES;INTERVAL=8",
            firstMeeting = "2019-02-05T10:00:00",
            zone = "Europe/Moscow",
            durationMinutes = 120,
        });
        Assert.Equal(HttpStatusCode.BadRequest, badRule.StatusCode);
        var body = await badRule.Content.ReadAsStringAsync();
        Assert.Contains("\"cadence\"", body, StringComparison.Ordinal);
        Assert.Contains("not a valid recurrence rule", body, StringComparison.Ordinal);

        var force = ids.TaskForce;
        var both = await staff.PostAsJsonAsync($"/api/task-forces/{force}/members", new { on = "2018-08-09", joins = new[] { new { person = Paul, side = "A", role = "Member" }, new { person = Paul, side = "B", role = "Member" } } });
        Assert.Equal(HttpStatusCode.BadRequest, both.StatusCode);
        Assert.Contains("cannot sit on both sides", await both.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var johnsonAgain = await staff.PostAsJsonAsync($"/api/task-forces/{force}/members", new { on = "2018-08-09", joins = new[] { new { person = Johnson, side = "B", role = "Member" } } });
        Assert.Contains("a member cannot sit on both sides", await johnsonAgain.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.PostAsJsonAsync($"/api/task-forces/{force}/charter", new { approve = true })).StatusCode);
        Assert.Equal(before, await ProposalFlowTests.EventsAsync(server));

        using var oversight = await server.ClientAsync(Role.OversightOfficer, DemoDirectory.StateDepartment);
        Assert.Equal(HttpStatusCode.NoContent, (await oversight.PostAsJsonAsync($"/api/task-forces/{force}/charter", new { approve = true })).StatusCode);
        // Johnson alone on side A; once approved, a lone addition to side A would leave the sides 2 to 0.
        var lopsided = await staff.PostAsJsonAsync($"/api/task-forces/{force}/members", new { on = "2018-09-01", joins = new[] { new { person = Paul, side = "A", role = "Member" } } });
        Assert.Equal(HttpStatusCode.BadRequest, lopsided.StatusCode);
        Assert.Contains("side A would have 2 members and side B 0", await lopsided.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var balanced = await staff.PostAsJsonAsync($"/api/task-forces/{force}/members", new { on = "2018-09-01", joins = new[] { new { person = Kosachev, side = "B", role = "CoChair" } } });
        Assert.Equal(HttpStatusCode.NoContent, balanced.StatusCode);
        var page = await staff.GetFromJsonAsync<JsonElement>($"/api/task-forces/{force}");
        Assert.True(page.GetProperty("balance").GetProperty("balanced").GetBoolean());
        Assert.Equal("Approved", page.GetProperty("taskForce").GetProperty("charterState").GetString());
        // Nobody has met across the sides yet, so both members are flagged; a meeting held two days ago clears both.
        Assert.Equal(2, page.GetProperty("notMetWithinCadence").GetArrayLength());
        var recent = Parley.Calendars.Zones.Local(DateTime.UtcNow.AddDays(-2), "Europe/Moscow");
        var met = await staff.PostAsJsonAsync("/api/meetings", new
        {
            title = "Task force meeting",
            place = "Moscow",
            zone = "Europe/Moscow",
            start = recent.ToString("yyyy-MM-ddTHH:mm"),
            end = recent.AddHours(2).ToString("yyyy-MM-ddTHH:mm"),
            participants = new[] { new { person = Johnson, side = KnownInstitutions.UsSenate }, new { person = Kosachev, side = DemoDirectory.FederationCouncil } },
            taskForce = force,
        });
        var meetingId = (await met.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.NoContent, (await staff.PostAsJsonAsync($"/api/meetings/{meetingId}/held", new { })).StatusCode);
        var after = await staff.GetFromJsonAsync<JsonElement>($"/api/task-forces/{force}");
        Assert.Equal(0, after.GetProperty("notMetWithinCadence").GetArrayLength());
        Assert.Equal(1, after.GetProperty("ties")[0].GetProperty("meetings").GetInt32());

        var ics = await staff.GetStringAsync($"/api/task-forces/{force}.ics");
        // Hosts alternate (Senate first): one series per host, every 16 weeks each, at 10:00 in the host's capital.
        Assert.Contains("DTSTART;TZID=America/New_York:20190205T100000", ics, StringComparison.Ordinal);
        Assert.Contains("DTSTART;TZID=Europe/Moscow:20190402T100000", ics, StringComparison.Ordinal);
        Assert.Equal(2, ics.Split("RRULE:FREQ=WEEKLY;INTERVAL=16;BYDAY=TU").Length - 1);
        Assert.Contains("TZID:Europe/Moscow", ics, StringComparison.Ordinal);
        Assert.Contains("TZID:America/New_York", ics, StringComparison.Ordinal);

        // A secret feed link works without signing in until it is revoked.
        var issued = await (await staff.PostAsync("/api/feed-tokens", null)).Content.ReadFromJsonAsync<JsonElement>();
        using var calendarClient = new HttpClient { BaseAddress = server.Address };
        var url = $"/feeds/{issued.GetProperty("secret").GetString()}/task-forces/{force}.ics";
        var feed = await calendarClient.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, feed.StatusCode);
        Assert.Equal("text/calendar", feed.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NoContent, (await staff.DeleteAsync($"/api/feed-tokens/{issued.GetProperty("id").GetGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await calendarClient.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await calendarClient.GetAsync($"/feeds/not-a-secret/task-forces/{force}.ics")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Busy_times_come_from_a_calendar_export_and_keep_the_assistant_clear(string provider)
    {
        var (server, _) = await ProposalFlowTests.StoryAsync(provider);
        await using var __ = server;
        using var staff = await server.ClientAsync(Role.Staff, DemoDirectory.Sfrc);
        // Johnson's own calendar: busy all day (Washington time) Monday to Friday of the week of 15 Oct 2018, as his office exports it.
        const string Export = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//office//EN\r\nBEGIN:VEVENT\r\nUID:a\r\nSUMMARY:Hearings\r\n"
            + "DTSTART;TZID=America/New_York:20181015T000000\r\nDTEND;TZID=America/New_York:20181015T235900\r\nRRULE:FREQ=DAILY;COUNT=5\r\nEND:VEVENT\r\n"
            + "BEGIN:VEVENT\r\nUID:b\r\nSUMMARY:Free to book\r\nTRANSP:TRANSPARENT\r\nDTSTART:20181022T130000Z\r\nDTEND:20181022T140000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
        var before = await ProposalFlowTests.EventsAsync(server);
        var unknownZone = await staff.PostAsJsonAsync($"/api/people/{Johnson}/busy/import", new { file = "johnson.ics", text = Export.Replace("America/New_York", "America/Atlantis", StringComparison.Ordinal) });
        Assert.Equal(HttpStatusCode.BadRequest, unknownZone.StatusCode);
        Assert.Contains("America/Atlantis", await unknownZone.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var broken = await staff.PostAsJsonAsync($"/api/people/{Johnson}/busy/import", new { file = "johnson.ics", text = Export.Replace("SUMMARY:Hearings", "Hearings", StringComparison.Ordinal) });
        Assert.Contains("johnson.ics, line 6", await broken.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await ProposalFlowTests.EventsAsync(server));
        Assert.Equal(HttpStatusCode.NoContent, (await staff.PostAsJsonAsync($"/api/people/{Johnson}/busy/import", new { file = "johnson.ics", text = Export })).StatusCode);

        // In Moscow, while the Senate is away: the week of 15 Oct is blocked for Johnson, so the first window moves to Monday 22 Oct.
        var ask = await staff.PostAsJsonAsync("/api/scheduling", new
        {
            mode = "InPerson",
            participants = new[] { Johnson, Kosachev },
            hostChamber = DemoDirectory.FederationCouncil,
            visitorChamber = KnownInstitutions.UsSenate,
            hostZone = "Europe/Moscow",
            visitorZone = "America/New_York",
            durationMinutes = 60,
            from = "2018-10-15",
            deadline = "2018-10-31",
            ask = new[] { "2018-10-16" },
        });
        var answer = await ask.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("(Ron Johnson)", answer.GetProperty("asked")[0].GetProperty("ruledOutBy")[0].GetString(), StringComparison.Ordinal);
        Assert.StartsWith("2018-10-22 10:00 MSK", answer.GetProperty("suggestions")[0].GetProperty("hostLocal").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_calendar_file_imports_whole_or_names_its_faulty_line(string provider)
    {
        var (server, _) = await ProposalFlowTests.StoryAsync(provider);
        await using var __ = server;
        using var staff = await server.ClientAsync(Role.Staff, DemoDirectory.Sfrc);
        var chamber = DemoDirectory.FederationCouncil;
        const string Good = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nBEGIN:VEVENT\r\nUID:1\r\nDTSTART;VALUE=DATE:20190125\r\nDTEND;VALUE=DATE:20190716\r\nSUMMARY:Spring session 2019\r\nEND:VEVENT\r\n"
            + "BEGIN:VEVENT\r\nUID:2\r\nDTSTART;VALUE=DATE:20190506\r\nDTEND;VALUE=DATE:20190513\r\nSUMMARY:May holidays\r\nCATEGORIES:RECESS\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
        var broken = Good.Replace("DTSTART;VALUE=DATE:20190506", "DTSTART;VALUE=DATE:2019-05-06", StringComparison.Ordinal);
        var before = await ProposalFlowTests.EventsAsync(server);
        var refused = await staff.PostAsJsonAsync($"/api/calendars/{chamber}/import", new { file = "fc-2019.ics", text = broken });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("fc-2019.ics, line 12: DTSTART “2019-05-06” is not a date", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var unclosed = await staff.PostAsJsonAsync($"/api/calendars/{chamber}/import", new { file = "fc.ics", text = Good.Replace("END:VCALENDAR\r\n", "", StringComparison.Ordinal) });
        Assert.Contains("BEGIN:VCALENDAR is never closed", await unclosed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await ProposalFlowTests.EventsAsync(server));

        Assert.Equal(HttpStatusCode.NoContent, (await staff.PostAsJsonAsync($"/api/calendars/{chamber}/import", new { file = "fc-2019.ics", text = Good })).StatusCode);
        var periods = (await staff.GetFromJsonAsync<JsonElement>($"/api/calendars/{chamber}")).EnumerateArray().ToList();
        var spring = periods.Single(p => p.GetProperty("name").GetString() == "Spring session 2019");
        Assert.Equal("2019-07-15", spring.GetProperty("endsOn").GetString());
        Assert.Equal("Recess", periods.Single(p => p.GetProperty("name").GetString() == "May holidays").GetProperty("kind").GetString());
        var ics = await staff.GetStringAsync($"/api/calendars/{chamber}.ics");
        Assert.Contains("DTEND;VALUE=DATE:20190716", ics, StringComparison.Ordinal);
        Assert.Contains("CATEGORIES:RECESS", ics, StringComparison.Ordinal);
        var inverted = await staff.PostAsJsonAsync($"/api/calendars/{chamber}/periods", new[] { new { kind = "Recess", name = "Backwards", startsOn = "2019-08-10", endsOn = "2019-08-01" } });
        Assert.Contains("endsOn", await inverted.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
