using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Parley.Access;
using Parley.Demo;
using Parley.Directory;
using Parley.Engagements;
using Parley.Record;
using Parley.Tests.Infrastructure;

namespace Parley.Tests.EngagementsSlice;

/// <summary>
/// Parley's calendar files as a calendar client reads them: Mozilla's ical.js, using only the VTIMEZONEs in the file,
/// places every meeting at the instant NodaTime gives for its local time — also before each zone's latest rule change
/// (Moscow on UTC+4 in 2012, New York's winter of 2019) — every DTSTAMP is a UTC date-time, a change or cancellation
/// raises SEQUENCE, and every feed says how often to refresh. Both databases.
/// </summary>
public sealed class CalendarClientTests
{
    private static readonly Guid Paul = KnownInstitutions.Person("bioguide", "P000603"), Kosachev = KnownInstitutions.Person("demo", "kosachev");

    private static DateTime Utc(string zone, int year, int month, int day, int hour) =>
        DateTimeZoneProviders.Tzdb[zone].AtStrictly(new LocalDateTime(year, month, day, hour, 0)).ToDateTimeUtc();

    private static string Iso(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_client_that_reads_only_the_files_own_zones_places_every_meeting_where_NodaTime_does(string provider)
    {
        var (server, _) = await ProposalFlowTests.StoryAsync(provider);
        await using var __ = server;
        var extra = new[]
        {
            ("Moscow, 2012 (UTC+4 all year)", "Europe/Moscow", Utc("Europe/Moscow", 2012, 6, 1, 10)),
            ("Washington, winter 2019", "America/New_York", Utc("America/New_York", 2019, 2, 5, 10)),
            ("Washington, summer 2026", "America/New_York", Utc("America/New_York", 2026, 7, 1, 10)),
        };
        // The example: 10:00 in New York on 5 February 2019 is 15:00Z.
        Assert.Equal(new DateTime(2019, 2, 5, 15, 0, 0, DateTimeKind.Utc), extra[1].Item3);
        foreach (var (title, zone, starts) in extra)
            await ScheduleAsync(server, title, zone, starts);

        using var staff = await server.ClientAsync(Role.Staff, DemoDirectory.Sfrc);
        var feed = await IcalJs.ReadAsync(await staff.GetStringAsync($"/api/people/{Paul}/meetings.ics"));
        var meetings = await server.InScopeAsync(s => s.GetRequiredService<ParleyDb>().Meetings.AsNoTracking()
            .Where(m => m.Participants.Any(p => p.Person == Paul)).ToListAsync());
        Assert.True(meetings.Count >= 4, $"{meetings.Count} meetings");
        Assert.Equal(meetings.Count, feed.Events.Length);
        foreach (var meeting in meetings)
        {
            var read = feed.Events.Single(e => e.Uid == $"meeting-{meeting.Id}@parley");
            var local = DateOnly.FromDateTime(Parley.Calendars.Zones.Local(meeting.StartsAt, meeting.Zone));
            Assert.Equal(meeting.TimeUnknown ? local.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : Iso(meeting.StartsAt), read.Occurrences.Single());
            Assert.True(read.Dtstamp is { Utc: true }, $"{read.Uid}: DTSTAMP {read.Dtstamp}");
        }
        Assert.Contains("Europe/Moscow", feed.Zones);
        Assert.Contains("America/New_York", feed.Zones);
        Assert.Equal(new IcalJs.Duration("duration", "PT1H"), feed.RefreshInterval);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_cancelled_meeting_and_a_changed_period_are_new_versions_a_client_takes(string provider)
    {
        var (server, _) = await ProposalFlowTests.StoryAsync(provider);
        await using var __ = server;
        var meeting = await ScheduleAsync(server, "To be called off", "Europe/Moscow", Utc("Europe/Moscow", 2026, 12, 15, 11));
        using var staff = await server.ClientAsync(Role.Staff, DemoDirectory.Sfrc);
        var before = (await IcalJs.ReadAsync(await staff.GetStringAsync($"/api/meetings/{meeting}.ics"))).Events.Single();
        Assert.Equal((0, "CONFIRMED"), (before.Sequence, before.Status));
        Assert.True(before is { Dtstamp.Utc: true, LastModified.Utc: true }, $"{before.Dtstamp} {before.LastModified}");

        Assert.Equal(HttpStatusCode.NoContent, (await staff.PostAsJsonAsync($"/api/meetings/{meeting}/cancel", new { reason = "The delegation's visit was postponed" })).StatusCode);
        var after = (await IcalJs.ReadAsync(await staff.GetStringAsync($"/api/meetings/{meeting}.ics"))).Events.Single();
        Assert.Equal((1, "CANCELLED"), (after.Sequence, after.Status));
        var cancelledAt = await server.InScopeAsync(s => s.GetRequiredService<ParleyDb>().Events.Where(e => e.Type == "engagements.meeting-cancelled").Select(e => e.RecordedAt).SingleAsync());
        Assert.Equal(DateTime.SpecifyKind(cancelledAt, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture), after.LastModified!.Value);

        // A chamber's period changed: SEQUENCE 1 on that period only, DTSTAMP a date-time (never VALUE=DATE).
        var chamber = DemoDirectory.FederationCouncil;
        Assert.Equal(HttpStatusCode.NoContent, (await staff.PostAsJsonAsync($"/api/calendars/{chamber}/periods",
            new[] { new { kind = "Session", name = "Spring session 2027", startsOn = "2027-01-25", endsOn = "2027-07-15" }, new { kind = "Recess", name = "May holidays", startsOn = "2027-05-01", endsOn = "2027-05-10" } })).StatusCode);
        var periods = (await staff.GetFromJsonAsync<JsonElement>($"/api/calendars/{chamber}")).EnumerateArray().ToList();
        var spring = periods.Single(p => p.GetProperty("name").GetString() == "Spring session 2027").GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.NoContent, (await staff.PutAsJsonAsync($"/api/calendars/periods/{spring}", new { kind = "Session", name = "Spring session 2027", startsOn = "2027-01-25", endsOn = "2027-07-22" })).StatusCode);
        var calendar = await IcalJs.ReadAsync(await staff.GetStringAsync($"/api/calendars/{chamber}.ics"));
        Assert.Equal(1, calendar.Events.Single(e => e.Uid == $"period-{spring}@parley").Sequence);
        Assert.All(calendar.Events.Where(e => e.Uid != $"period-{spring}@parley"), e => Assert.Equal(0, e.Sequence));
        Assert.All(calendar.Events, e => Assert.True(e.Dtstamp is { Utc: true }, $"{e.Uid}: DTSTAMP {e.Dtstamp}"));
        Assert.Equal(new IcalJs.Duration("duration", "PT1H"), calendar.RefreshInterval);
    }

    [Fact]
    public async Task A_series_expands_in_the_client_to_the_meetings_NodaTime_plans_across_a_decade_of_Moscow_rule_changes()
    {
        // Every 8 weeks from January 2010 for six years, alternating New York and Moscow: Moscow kept summer time until
        // 2011, stayed on UTC+4 until October 2014, then UTC+3; New York changes twice a year.
        var force = new TaskForce
        {
            Id = Guid.NewGuid(),
            Name = "Working group",
            Purpose = "p",
            Charter = "c",
            Cadence = "FREQ=WEEKLY;INTERVAL=8;BYDAY=TU;COUNT=40",
            FirstDay = new(2010, 1, 12),
            FirstTime = new(10, 0),
            Zone = "Europe/Moscow",
            DurationMinutes = 90,
            AlternateHosts = true,
        };
        var zones = new HostZones("America/New_York", "Europe/Moscow");
        var planned = Cadence.Between(force, zones, DateTime.MinValue, DateTime.MaxValue);
        Assert.Equal(40, planned.Count);
        var read = await IcalJs.ReadAsync(Feeds.TaskForce(force, zones, [], new Dictionary<Guid, string>(), new DateTime(2026, 12, 1, 9, 30, 0, DateTimeKind.Utc)));
        Assert.Equal(planned.Select(o => Iso(o.StartsAt)).Order(StringComparer.Ordinal), read.Events.SelectMany(e => e.Occurrences).Order(StringComparer.Ordinal));
        // A Moscow meeting of July 2010 (summer time, UTC+4) and of July 2012 (UTC+4 all year) both at 06:00Z; of 2015 at 07:00Z.
        Assert.Contains(planned, o => o.Zone == "Europe/Moscow" && o.StartsAt.Year == 2015 && o.StartsAt.Hour == 7);
        Assert.Contains(planned, o => o.Zone == "Europe/Moscow" && o.StartsAt.Year == 2012 && o.StartsAt.Hour == 6);
        Assert.All(read.Events, e => Assert.Equal(new IcalJs.Stamp("2026-12-01T09:30:00Z", true), e.Dtstamp));
    }

    private static Task<Guid> ScheduleAsync(ParleyServer server, string title, string zone, DateTime starts) =>
        server.WriteAsync(async s =>
        {
            var id = Guid.CreateVersion7();
            await s.RecordAsync(new MeetingScheduled(id, title, null, null, null, null, "Capitol", zone, starts, starts.AddHours(1), false,
                [new ParticipantEntry(Paul, KnownInstitutions.UsSenate, null), new ParticipantEntry(Kosachev, DemoDirectory.FederationCouncil, null)], [], null), default);
            return Result<Guid>.Ok(id);
        });
}
