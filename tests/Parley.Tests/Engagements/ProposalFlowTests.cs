using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Parley.Access;
using Parley.Demo;
using Parley.Directory;
using Parley.Record;
using Parley.Tests.Infrastructure;

namespace Parley.Tests.EngagementsSlice;

/// <summary>The autumn-session proposal through the API on both databases: oversight, the assistant, scheduling, minutes, actions, feeds.</summary>
public sealed class ProposalFlowTests
{
    private static readonly Guid Kosachev = KnownInstitutions.Person("demo", "kosachev"), Johnson = KnownInstitutions.Person("bioguide", "J000293");

    public static async Task<(ParleyServer Server, DemoEngagementIds Ids)> StoryAsync(string provider)
    {
        var server = await ParleyServer.StartAsync(provider);
        var ids = await server.WriteAsync(async s =>
        {
            await PlanWriter.WriteAsync(s, DemoDirectory.Plan(), null, default);
            await s.FlushAsync(default);
            return Result<DemoEngagementIds>.Ok(await DemoEngagements.LoadAsync(s, default));
        });
        return (server, ids);
    }

    public static Task<int> EventsAsync(ParleyServer server) => server.InScopeAsync(s => s.GetRequiredService<ParleyDb>().Events.CountAsync());

    private static object Meeting(DateTime start, int minutes = 90, Guid? series = null) => new
    {
        title = "SFRC – Federation Council foreign affairs committees",
        place = "Moscow",
        zone = "Europe/Moscow",
        start = start.ToString("yyyy-MM-ddTHH:mm:ss"),
        end = start.AddMinutes(minutes).ToString("yyyy-MM-ddTHH:mm:ss"),
        participants = new[] { new { person = Kosachev, side = DemoDirectory.FcForeignAffairs }, new { person = Johnson, side = DemoDirectory.Sfrc } },
        agenda = new[] { new { title = "Legislative dialogue", presenter = Kosachev, minutes = 45 } },
        series,
    };

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Nothing_is_scheduled_before_approval_and_the_assistant_finds_the_recess(string provider)
    {
        var (server, ids) = await StoryAsync(provider);
        await using var _ = server;
        using var staff = await server.ClientAsync(Role.Staff, DemoDirectory.Sfrc);
        var proposal = ids.Proposal;
        var early = await staff.PostAsJsonAsync($"/api/proposals/{proposal}/schedule", Meeting(new DateTime(2018, 10, 15, 10, 0, 0)));
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Contains("Nothing is scheduled without the oversight institution's approval", await early.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.PostAsJsonAsync($"/api/proposals/{proposal}/steps", new { step = "Approve" })).StatusCode);
        using var outsider = await server.ClientAsync(Role.OversightOfficer, KnownInstitutions.UsSenate);
        var refused = await outsider.PostAsJsonAsync($"/api/proposals/{proposal}/steps", new { step = "Approve" });
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("Only an oversight officer of United States Department of State", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var oversight = await server.ClientAsync(Role.OversightOfficer, DemoDirectory.StateDepartment);
        var returned = await oversight.PostAsJsonAsync($"/api/proposals/{proposal}/steps", new { step = "Return" });
        Assert.Equal(HttpStatusCode.BadRequest, returned.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await oversight.PostAsJsonAsync($"/api/proposals/{proposal}/steps", new { step = "Review" })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await oversight.PostAsJsonAsync($"/api/proposals/{proposal}/steps", new { step = "Approve", reason = "Within the Department's structure." })).StatusCode);
        var history = await staff.GetFromJsonAsync<JsonElement>($"/api/proposals/{proposal}");
        Assert.Equal("Approved", history.GetProperty("proposal").GetProperty("state").GetString());
        Assert.Equal(3, history.GetProperty("history").GetArrayLength());

        // In person in Moscow: the Federation Council sits, the Senate is away (its pre-election state work period), a travel day each way.
        var ask = await staff.PostAsJsonAsync("/api/scheduling", new
        {
            mode = "InPerson",
            participants = new[] { Kosachev, Johnson },
            hostChamber = DemoDirectory.FederationCouncil,
            visitorChamber = KnownInstitutions.UsSenate,
            hostZone = "Europe/Moscow",
            visitorZone = "America/New_York",
            durationMinutes = 90,
            from = "2018-09-01",
            deadline = "2018-12-30",
            travelDays = 1,
            proposal,
            ask = new[] { "2018-09-20", "2019-01-15" },
        });
        Assert.Equal(HttpStatusCode.OK, ask.StatusCode);
        var answer = await ask.Content.ReadFromJsonAsync<JsonElement>();
        var first = answer.GetProperty("suggestions")[0];
        Assert.Equal(new DateTime(2018, 10, 15, 7, 0, 0, DateTimeKind.Utc), first.GetProperty("startsAt").GetDateTime().ToUniversalTime());
        Assert.Equal("2018-10-15 10:00 MSK (UTC+3)", first.GetProperty("hostLocal").GetString());
        Assert.Equal("2018-10-15 03:00 EDT (UTC-4)", first.GetProperty("visitorLocal").GetString());
        var september = answer.GetProperty("asked")[0].GetProperty("ruledOutBy").EnumerateArray().Select(r => r.GetString()).ToList();
        Assert.Contains(september, r => r!.StartsWith("United States Senate is in session", StringComparison.Ordinal));
        Assert.Contains(answer.GetProperty("asked")[1].GetProperty("ruledOutBy").EnumerateArray(), r => r.GetString()!.Contains("after the deadline", StringComparison.Ordinal));

        var outside = await staff.PostAsJsonAsync($"/api/proposals/{proposal}/schedule", Meeting(new DateTime(2019, 1, 15, 10, 0, 0)));
        Assert.Equal(HttpStatusCode.BadRequest, outside.StatusCode);
        Assert.Contains("rules out 2019-01-15", await outside.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var before = await EventsAsync(server);
        // A body or query that does not bind names its field too.
        var garbled = await staff.PostAsJsonAsync($"/api/proposals/{proposal}/schedule", new { title = "x", participants = new[] { new { person = "Kosachev", side = Guid.Empty } } });
        Assert.Equal(HttpStatusCode.BadRequest, garbled.StatusCode);
        Assert.Contains("\"participants[0].person\"", await garbled.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("\"from\"", await (await staff.GetAsync("/api/meetings?from=autumn")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var backwards = await staff.PostAsJsonAsync($"/api/proposals/{proposal}/schedule", Meeting(new DateTime(2018, 10, 15, 10, 0, 0), minutes: -30));
        Assert.Equal(HttpStatusCode.BadRequest, backwards.StatusCode);
        Assert.Contains("\"end\"", await backwards.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await EventsAsync(server));
        var scheduled = await staff.PostAsJsonAsync($"/api/proposals/{proposal}/schedule", Meeting(new DateTime(2018, 10, 15, 10, 0, 0)));
        Assert.Equal(HttpStatusCode.Created, scheduled.StatusCode);
        Assert.Equal("Scheduled", (await staff.GetFromJsonAsync<JsonElement>($"/api/proposals/{proposal}")).GetProperty("proposal").GetProperty("state").GetString());
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Minutes_lock_on_approval_and_open_actions_carry_over(string provider)
    {
        var (server, ids) = await StoryAsync(provider);
        await using var _ = server;
        using var staff = await server.ClientAsync(Role.Staff, DemoDirectory.Sfrc);
        using var oversight = await server.ClientAsync(Role.OversightOfficer, DemoDirectory.StateDepartment);
        await oversight.PostAsJsonAsync($"/api/proposals/{ids.Proposal}/steps", new { step = "Approve" });
        var meeting = (await (await staff.PostAsJsonAsync($"/api/proposals/{ids.Proposal}/schedule", Meeting(new DateTime(2018, 10, 15, 10, 0, 0)))).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        // Kosachev's "before the end of this year" waits for the proposal's meeting to be held.
        var promise = await staff.PostAsJsonAsync("/api/commitments", new { byPerson = Kosachev, what = "A committee-level meeting in the autumn session", dueFrom = "2018-09-16", dueBy = "2018-12-31", engagement = ids.Proposal });
        Assert.Equal(HttpStatusCode.Created, promise.StatusCode);
        var commitment = (await promise.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.NotFound, (await staff.PostAsJsonAsync("/api/commitments", new { byPerson = Kosachev, what = "x", dueBy = "2018-12-31", engagement = Guid.NewGuid() })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await staff.PostAsJsonAsync($"/api/meetings/{meeting}/held", new { outcome = "Agreed to meet again in the spring session." })).StatusCode);
        var kept = (await staff.GetFromJsonAsync<JsonElement>("/api/commitments?state=Fulfilled")).EnumerateArray().Single(c => c.GetProperty("id").GetGuid() == commitment);
        var index = kept.GetProperty("fulfilledByLedgerIndex").GetInt64();
        Assert.Equal("engagements.meeting-held", await server.InScopeAsync(s => s.GetRequiredService<ParleyDb>().Events.Where(e => e.Sequence == index).Select(e => e.Type).SingleAsync()));
        Assert.Equal("Held", (await staff.GetFromJsonAsync<JsonElement>($"/api/proposals/{ids.Proposal}")).GetProperty("proposal").GetProperty("state").GetString());
        var ties = await staff.GetFromJsonAsync<JsonElement>($"/api/people/{Johnson}/relationships");
        Assert.Equal(Kosachev, ties[0].GetProperty("counterpart").GetGuid());

        Assert.Equal(HttpStatusCode.Conflict, (await staff.PostAsJsonAsync($"/api/meetings/{meeting}/minutes", new { command = "Approve" })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await staff.PostAsJsonAsync($"/api/meetings/{meeting}/minutes", new { command = "Draft", text = "Both committees agreed to exchange agendas." })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await staff.PostAsJsonAsync($"/api/meetings/{meeting}/minutes", new { command = "Comment", text = "Too early" })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await staff.PostAsJsonAsync($"/api/meetings/{meeting}/minutes", new { command = "Share" })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await staff.PostAsJsonAsync($"/api/meetings/{meeting}/minutes", new { command = "Comment", text = "Name the date of the exchange." })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await staff.PostAsJsonAsync($"/api/meetings/{meeting}/minutes", new { command = "Approve" })).StatusCode);
        var before = await EventsAsync(server);
        var locked = await staff.PostAsJsonAsync($"/api/meetings/{meeting}/minutes", new { command = "Draft", text = "Rewritten." });
        Assert.Equal(HttpStatusCode.Conflict, locked.StatusCode);
        Assert.Contains("is locked", await locked.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await EventsAsync(server));
        Assert.Equal(HttpStatusCode.NoContent, (await staff.PostAsJsonAsync($"/api/meetings/{meeting}/minutes", new { command = "Draft", text = "Both committees agreed to exchange agendas by 1 Nov.", correcting = "the date" })).StatusCode);

        var raised = await staff.PostAsJsonAsync($"/api/meetings/{meeting}/actions", new { what = "Send the draft agenda", owner = Johnson, dueOn = "2018-11-01" });
        Assert.Equal(HttpStatusCode.Created, raised.StatusCode);
        await staff.PostAsJsonAsync($"/api/meetings/{meeting}/actions", new { what = "Book the room", owner = Kosachev, dueOn = "2018-10-20" });
        var done = (await staff.GetFromJsonAsync<JsonElement>($"/api/meetings/{meeting}")).GetProperty("actions").EnumerateArray().First(a => a.GetProperty("what").GetString() == "Book the room");
        Assert.Equal(HttpStatusCode.NoContent, (await staff.PostAsJsonAsync($"/api/actions/{done.GetProperty("id").GetGuid()}/close", new { status = "Done" })).StatusCode);
        var next = (await (await staff.PostAsJsonAsync("/api/meetings", Meeting(new DateTime(2019, 3, 12, 10, 0, 0), series: ids.Proposal))).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var page = await staff.GetFromJsonAsync<JsonElement>($"/api/meetings/{next}");
        Assert.Equal("Send the draft agenda", page.GetProperty("carriedOver").EnumerateArray().Single().GetProperty("what").GetString());
        var first = await staff.GetFromJsonAsync<JsonElement>($"/api/meetings/{meeting}");
        Assert.Equal(next, first.GetProperty("nextInSeries").GetGuid());
        Assert.Equal(["Approved", "Draft"], first.GetProperty("minutes").EnumerateArray().Select(v => v.GetProperty("state").GetString()!).ToArray());
        var comment = first.GetProperty("minutes")[0].GetProperty("comments").EnumerateArray().Single();
        Assert.Equal("Name the date of the exchange.", comment.GetProperty("text").GetString());
        Assert.StartsWith("user:", comment.GetProperty("by").GetString(), StringComparison.Ordinal);

        // Cancelling needs a reason; the cancelled meeting no longer blocks anyone's time and its file says CANCELLED.
        Assert.Equal(HttpStatusCode.BadRequest, (await staff.PostAsJsonAsync($"/api/meetings/{next}/cancel", new { reason = " " })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await staff.PostAsJsonAsync($"/api/meetings/{next}/cancel", new { reason = "The spring session moved." })).StatusCode);
        Assert.Contains("STATUS:CANCELLED", await staff.GetStringAsync($"/api/meetings/{next}.ics"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, (await staff.PostAsJsonAsync($"/api/meetings/{next}/held", new { })).StatusCode);

        var outcome = await server.InScopeAsync(s => Rebuild.RunAsync(s.GetRequiredService<ParleyDb>(), null, default, commit: false));
        Assert.Null(outcome.Divergence);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_meeting_at_ten_in_Moscow_shows_New_York_time_across_the_US_clock_change(string provider)
    {
        var (server, _) = await StoryAsync(provider);
        await using var __ = server;
        using var staff = await server.ClientAsync(Role.Staff, DemoDirectory.Sfrc);
        var times = new List<string>();
        foreach (var day in new[] { new DateTime(2018, 11, 2, 10, 0, 0), new DateTime(2018, 11, 5, 10, 0, 0) })
        {
            var id = (await (await staff.PostAsJsonAsync("/api/meetings", Meeting(day))).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
            var m = (await staff.GetFromJsonAsync<JsonElement>($"/api/meetings/{id}")).GetProperty("meeting");
            Assert.Equal("America/New_York", m.GetProperty("yours").GetProperty("zone").GetString());
            times.Add($"{m.GetProperty("local").GetProperty("starts").GetString()} = {m.GetProperty("yours").GetProperty("starts").GetString()}");
            var ics = await staff.GetStringAsync($"/api/meetings/{id}.ics");
            Assert.Contains($"DTSTART;TZID=Europe/Moscow:{day:yyyyMMdd}T100000", ics, StringComparison.Ordinal);
            Assert.Contains("BEGIN:VTIMEZONE", ics, StringComparison.Ordinal);
        }
        Assert.Equal(["2018-11-02 10:00 MSK (UTC+3) = 2018-11-02 03:00 EDT (UTC-4)", "2018-11-05 10:00 MSK (UTC+3) = 2018-11-05 02:00 EST (UTC-5)"], times);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_US_senator_is_refused_on_the_Federation_Council_side_and_nothing_is_recorded(string provider)
    {
        var (server, _) = await StoryAsync(provider);
        await using var __ = server;
        using var staff = await server.ClientAsync(Role.Staff, DemoDirectory.Sfrc);
        var before = await EventsAsync(server);
        var swapped = new
        {
            title = "SFRC – Federation Council foreign affairs committees",
            place = "Moscow",
            zone = "Europe/Moscow",
            start = "2018-10-15T10:00:00",
            end = "2018-10-15T11:30:00",
            participants = new[] { new { person = Kosachev, side = DemoDirectory.FcForeignAffairs }, new { person = Johnson, side = DemoDirectory.FcForeignAffairs } },
        };
        var refused = await staff.PostAsJsonAsync("/api/meetings", swapped);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        var message = problem.GetProperty("errors").GetProperty("participants")[0].GetString();
        Assert.Equal("Ron Johnson holds posts only in institutions of US; they cannot speak for Federation Council Committee on Foreign Affairs at this meeting. Put them on their own side.", message);
        Assert.Equal(before, await EventsAsync(server));
        Assert.Equal(HttpStatusCode.Created, (await staff.PostAsJsonAsync("/api/meetings", Meeting(new DateTime(2018, 10, 15, 10, 0, 0)))).StatusCode);
    }
}
