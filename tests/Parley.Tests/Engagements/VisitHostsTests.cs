using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Parley.Access;
using Parley.Demo;
using Parley.Directory;
using Parley.Record;
using Parley.Tests.Infrastructure;

namespace Parley.Tests.EngagementsSlice;

/// <summary>A visit recorded with the hosts its travellers met: who met whom, from the API.</summary>
public sealed class VisitHostsTests
{
    private static readonly Guid Paul = KnownInstitutions.Person("bioguide", "P000603"), Kosachev = KnownInstitutions.Person("demo", "kosachev");

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task The_hosts_a_visit_met_are_the_travellers_ties_and_a_traveller_is_no_host(string provider)
    {
        await using var server = await ParleyServer.StartAsync(provider);
        await server.WriteAsync(async s => Result<ImportSummary>.Ok(await PlanWriter.WriteAsync(s, DemoDirectory.Plan(), null, default)));
        using var staff = await server.ClientAsync(Role.Staff, KnownInstitutions.UsSenate);
        object Visit(params Guid[] met) => new
        {
            title = "Senators in Moscow",
            purpose = "Talks with the Federation Council",
            leader = Paul,
            sentBy = KnownInstitutions.UsSenate,
            destination = "Moscow",
            destinationCountry = "RU",
            startsOn = "2018-08-04",
            endsOn = "2018-08-08",
            travellers = new[] { Paul },
            met,
        };

        using (var traveller = await staff.PostAsJsonAsync("/api/visits", Visit(Kosachev, Paul)))
        {
            Assert.Equal(HttpStatusCode.BadRequest, traveller.StatusCode);
            Assert.Equal("met", (await traveller.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("field").GetString());
        }
        using (var stranger = await staff.PostAsJsonAsync("/api/visits", Visit(Guid.NewGuid())))
            Assert.Equal("met", (await stranger.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("field").GetString());

        using var recorded = await staff.PostAsJsonAsync("/api/visits", Visit(Kosachev));
        Assert.Equal(HttpStatusCode.Created, recorded.StatusCode);
        var id = (await recorded.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var detail = await staff.GetFromJsonAsync<JsonElement>($"/api/visits/{id}");
        Assert.Equal([Kosachev], detail.GetProperty("peopleMet").EnumerateArray().Select(e => e.GetGuid()));
        var ties = (await staff.GetFromJsonAsync<JsonElement>($"/api/people/{Paul}/relationships")).EnumerateArray().ToList();
        var tie = Assert.Single(ties);
        Assert.Equal(Kosachev, tie.GetProperty("counterpart").GetGuid());
        Assert.Equal("2018-08-04", tie.GetProperty("lastMetOn").GetString());
        Assert.Equal(1, tie.GetProperty("meetings").GetInt32());
    }
}
