using System.Net.Http.Json;
using System.Text.Json;
using Parley.Access;
using Parley.Directory;
using Parley.Tests.Infrastructure;

namespace Parley.Tests.EngagementsSlice;

/// <summary>`parley calendar congress` over the real list of US Congresses (../shared/data/calendars), run in-process on the test's store.</summary>
public sealed class CongressSessionTests
{
    private static Task<int> ParleyAsync(ParleyServer server, params string[] args)
    {
        var store = server.Store.PostgresConnection is { } cs ? new[] { "--database", cs } : ["--data", server.Store.DataDirectory];
        return Parley.CommandLine.Build().Parse([.. args, .. store]).InvokeAsync();
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task The_sessions_of_every_Congress_become_both_chambers_calendars_once(string provider)
    {
        var json = Parley.Testing.SharedFolder.Require("data/calendars/us-congress-sessions/congresses.json");
        var yaml = Parley.Testing.SharedFolder.Require("data/calendars/us-congress-sessions/congresses.yaml");
        var (server, _) = await ProposalFlowTests.StoryAsync(provider);
        await using var __ = server;
        var before = await ProposalFlowTests.EventsAsync(server);
        Assert.Equal(0, await ParleyAsync(server, "calendar", "congress", json));
        Assert.Equal(before + 2, await ProposalFlowTests.EventsAsync(server));
        // The same facts as YAML add nothing.
        Assert.Equal(0, await ParleyAsync(server, "calendar", "congress", yaml));
        Assert.Equal(before + 2, await ProposalFlowTests.EventsAsync(server));

        using var staff = await server.ClientAsync(Role.Staff, KnownInstitutions.UsSenate);
        var house = (await staff.GetFromJsonAsync<JsonElement>($"/api/calendars/{KnownInstitutions.UsHouse}")).EnumerateArray().ToList();
        // 304 sessions are listed; the 116th Congress's 2nd session has no dates in the file and is reported, not guessed.
        Assert.Equal(303, house.Count);
        Assert.DoesNotContain(house, p => p.GetProperty("name").GetString() == "116th Congress, 2nd session");
        var first = house.First();
        Assert.Equal("1st Congress, 1st session", first.GetProperty("name").GetString());
        Assert.Equal("1789-03-04", first.GetProperty("startsOn").GetString());
        // The demo had typed in the 115th Congress's 2nd session for the Senate; the import does not repeat it.
        var senate = (await staff.GetFromJsonAsync<JsonElement>($"/api/calendars/{KnownInstitutions.UsSenate}")).EnumerateArray().ToList();
        Assert.Single(senate, p => p.GetProperty("name").GetString() == "115th Congress, 2nd session");

        var broken = Path.Combine(server.Store.DataDirectory, "broken.yaml");
        System.IO.Directory.CreateDirectory(server.Store.DataDirectory);
        await File.WriteAllTextAsync(broken, "-\n    name: '117th Congress'\n    sessions: [{ name: '1st session', date_start: 2021-01-03, date_end: 3 Jan 2022 }]\n");
        var count = await ProposalFlowTests.EventsAsync(server);
        Assert.Equal(1, await ParleyAsync(server, "calendar", "congress", broken));
        Assert.Equal(count, await ProposalFlowTests.EventsAsync(server));
    }
}
