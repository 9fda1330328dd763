using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Parley.Access;
using Parley.Demo;
using Parley.Directory;
using Parley.Tests.Infrastructure;

namespace Parley.Tests.EngagementsSlice;

/// <summary>
/// Calendar files in: a zone or a rule Parley cannot read is refused on its line, with nothing recorded; a repeated
/// sitting day gives its occurrences; importing a file again updates its periods by UID instead of adding them twice.
/// Both databases.
/// </summary>
public sealed class CalendarImportTests
{
    private const string Head = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n";

    private static string Event(string uid, string dates, string summary, string extra = "") =>
        $"BEGIN:VEVENT\r\nUID:{uid}\r\n{dates}\r\nSUMMARY:{summary}\r\n{extra}END:VEVENT\r\n";

    private static readonly string Spring = Event("spring-2019", "DTSTART;VALUE=DATE:20190125\r\nDTEND;VALUE=DATE:20190716", "Spring session 2019");
    private static readonly string Holidays = Event("may-2019", "DTSTART;VALUE=DATE:20190501\r\nDTEND;VALUE=DATE:20190511", "May holidays", "CATEGORIES:RECESS\r\n");

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Zones_and_rules_are_checked_on_their_line_and_a_second_import_updates_by_UID(string provider)
    {
        var (server, _) = await ProposalFlowTests.StoryAsync(provider);
        await using var __ = server;
        using var staff = await server.ClientAsync(Role.Staff, DemoDirectory.Sfrc);
        var chamber = DemoDirectory.FederationCouncil;
        Task<HttpResponseMessage> ImportAsync(string text) => staff.PostAsJsonAsync($"/api/calendars/{chamber}/import", new { file = "fc.ics", text });
        async Task<string> RefusedAsync(string text)
        {
            var answer = await ImportAsync(text);
            Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
            return await answer.Content.ReadAsStringAsync();
        }
        var before = await ProposalFlowTests.EventsAsync(server);

        // Line 6 is the DTSTART of the first event in each of these files.
        Assert.Contains("fc.ics, line 6: TZID “Mars/Olympus” is not a time zone of the tz database",
            await RefusedAsync(Head + Event("x", "DTSTART;TZID=Mars/Olympus:20190125T090000\r\nDTEND;TZID=Mars/Olympus:20190125T180000", "Sitting day") + "END:VCALENDAR\r\n"), StringComparison.Ordinal);
        Assert.Contains("fc.ics, line 9: RRULE “FREQ=SOMETIMES” needs FREQ=DAILY, WEEKLY, MONTHLY or YEARLY",
            await RefusedAsync(Head + Event("x", "DTSTART;VALUE=DATE:20190205\r\nDTEND;VALUE=DATE:20190206", "Sitting day", "RRULE:FREQ=SOMETIMES\r\n") + "END:VCALENDAR\r\n"), StringComparison.Ordinal);
        Assert.Contains("fc.ics, line 9: RRULE part “BYFORTNIGHT=2” is not one RFC 5545 defines",
            await RefusedAsync(Head + Event("x", "DTSTART;VALUE=DATE:20190205\r\nDTEND;VALUE=DATE:20190206", "Sitting day", "RRULE:FREQ=WEEKLY;BYFORTNIGHT=2\r\n") + "END:VCALENDAR\r\n"), StringComparison.Ordinal);
        Assert.Contains("the RRULE gives more than 1,000 periods",
            await RefusedAsync(Head + Event("x", "DTSTART;VALUE=DATE:20190205\r\nDTEND;VALUE=DATE:20190206", "Sitting day", "RRULE:FREQ=WEEKLY;BYDAY=TU\r\n") + "END:VCALENDAR\r\n"), StringComparison.Ordinal);
        Assert.Contains("fc.ics, line 4: this VEVENT has no UID",
            await RefusedAsync(Head + Spring.Replace("UID:spring-2019\r\n", "", StringComparison.Ordinal) + "END:VCALENDAR\r\n"), StringComparison.Ordinal);
        Assert.Contains("UID “spring-2019” is given to two events",
            await RefusedAsync(Head + Spring + Spring.Replace("Spring session", "Another session", StringComparison.Ordinal) + "END:VCALENDAR\r\n"), StringComparison.Ordinal);
        Assert.Equal(before, await ProposalFlowTests.EventsAsync(server));

        // A zone the file defines itself is read, and a sitting day every Tuesday gives its four occurrences.
        var ownZone = "BEGIN:VTIMEZONE\r\nTZID:Moscow time\r\nBEGIN:STANDARD\r\nDTSTART:19700101T000000\r\nTZOFFSETFROM:+0300\r\nTZOFFSETTO:+0300\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n";
        var sittings = Event("tuesdays", "DTSTART;TZID=Moscow time:20190205T100000\r\nDTEND;TZID=Moscow time:20190205T180000", "Plenary sitting", "CATEGORIES:SITTING\r\nRRULE:FREQ=WEEKLY;BYDAY=TU;COUNT=4\r\n");
        var file = Head + ownZone + Spring + Holidays + sittings + "END:VCALENDAR\r\n";
        Assert.Equal(HttpStatusCode.NoContent, (await ImportAsync(file)).StatusCode);
        async Task<List<JsonElement>> PeriodsAsync() => (await staff.GetFromJsonAsync<JsonElement>($"/api/calendars/{chamber}")).EnumerateArray().ToList();
        var first = await PeriodsAsync();
        Assert.Equal(["2019-02-05", "2019-02-12", "2019-02-19", "2019-02-26"],
            first.Where(p => p.GetProperty("name").GetString() == "Plenary sitting").Select(p => p.GetProperty("startsOn").GetString()).Order(StringComparer.Ordinal));

        // The same file again: nothing new is recorded. Its next edition, with the spring session a week longer: one change.
        var imported = await ProposalFlowTests.EventsAsync(server);
        Assert.Equal(HttpStatusCode.NoContent, (await ImportAsync(file)).StatusCode);
        Assert.Equal(imported, await ProposalFlowTests.EventsAsync(server));
        Assert.Equal(first.Count, (await PeriodsAsync()).Count);
        Assert.Equal(HttpStatusCode.NoContent, (await ImportAsync(file.Replace("DTEND;VALUE=DATE:20190716", "DTEND;VALUE=DATE:20190723", StringComparison.Ordinal))).StatusCode);
        Assert.Equal(imported + 1, await ProposalFlowTests.EventsAsync(server));
        var after = await PeriodsAsync();
        Assert.Equal(first.Count, after.Count);
        var spring = after.Single(p => p.GetProperty("name").GetString() == "Spring session 2019");
        Assert.Equal(("2019-07-22", 1), (spring.GetProperty("endsOn").GetString(), spring.GetProperty("revision").GetInt32()));
        var feed = await IcalJs.ReadAsync(await staff.GetStringAsync($"/api/calendars/{chamber}.ics"));
        Assert.Equal(1, feed.Events.Single(e => e.Uid == $"period-{spring.GetProperty("id").GetGuid()}@parley").Sequence);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_busy_time_export_with_a_fault_names_its_line_in_words_of_its_own(string provider)
    {
        var (server, _) = await ProposalFlowTests.StoryAsync(provider);
        await using var __ = server;
        using var staff = await server.ClientAsync(Role.Staff, DemoDirectory.Sfrc);
        var johnson = KnownInstitutions.Person("bioguide", "J000293");
        async Task<string> RefusedAsync(string dates, string extra = "")
        {
            var answer = await staff.PostAsJsonAsync($"/api/people/{johnson}/busy/import", new { file = "johnson.ics", text = Head + Event("a", dates, "Hearings", extra) + "END:VCALENDAR\r\n" });
            Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
            return await answer.Content.ReadAsStringAsync();
        }
        var before = await ProposalFlowTests.EventsAsync(server);
        Assert.Contains("johnson.ics, line 6: DTSTART “20190231T100000” is not a date", await RefusedAsync("DTSTART:20190231T100000\r\nDTEND:20190301T110000"), StringComparison.Ordinal);
        Assert.Contains("johnson.ics, line 7: DTEND “2019-03-01” is not a date", await RefusedAsync("DTSTART:20190228T100000\r\nDTEND:2019-03-01"), StringComparison.Ordinal);
        Assert.Contains("johnson.ics, line 7: DTEND 20190228T090000 is before DTSTART 20190228T100000", await RefusedAsync("DTSTART:20190228T100000\r\nDTEND:20190228T090000"), StringComparison.Ordinal);
        Assert.Contains("johnson.ics, line 6: TZID “America/Atlantis”", await RefusedAsync("DTSTART;TZID=America/Atlantis:20190228T100000\r\nDTEND;TZID=America/Atlantis:20190228T110000"), StringComparison.Ordinal);
        Assert.Contains("johnson.ics, line 9: RRULE “FREQ=DAILY;COUNT=many” is not a recurrence rule",
            await RefusedAsync("DTSTART:20190228T100000Z\r\nDTEND:20190228T110000Z", "RRULE:FREQ=DAILY;COUNT=many\r\n"), StringComparison.Ordinal);
        Assert.Equal(before, await ProposalFlowTests.EventsAsync(server));
    }
}
