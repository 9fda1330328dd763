using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Parley.Access;
using Parley.Tests.Infrastructure;

namespace Parley.Tests.DirectorySlice;

public sealed class DirectoryApiTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_person_is_found_by_any_name_form_with_case_and_diacritics_folded(string provider)
    {
        await using var server = await ParleyServer.StartAsync(provider);
        using var client = await server.ClientAsync(Role.RegistryClerk);
        var created = await client.PostAsJsonAsync("/api/people", new
        {
            sortName = "Kosachev, Konstantin",
            names = new[] { new { value = "Konstantin Kosachev", lang = "en" }, new { value = "Константин Косачёв", lang = "ru" } },
            identifiers = new[] { new { scheme = "wikidata", value = "Q4233718" } },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        foreach (var query in new[] { "косачев", "КОСАЧЁВ", "kosachev", "Q4233718" })
        {
            var page = await client.GetFromJsonAsync<JsonElement>($"/api/people?q={Uri.EscapeDataString(query)}");
            Assert.Equal(id, Assert.Single(page.GetProperty("items").EnumerateArray()).GetProperty("id").GetGuid());
        }
        var nobody = await client.GetFromJsonAsync<JsonElement>("/api/people?q=peskov");
        Assert.Equal(0, nobody.GetProperty("total").GetInt32());

        // Suggestions: each typed word starts a word of one name form, in either script; a word's middle is no match.
        async Task<string[]> Suggested(string typed) => (await client.GetFromJsonAsync<JsonElement>($"/api/people/suggestions?q={Uri.EscapeDataString(typed)}"))
            .EnumerateArray().Select(p => p.GetProperty("name").GetString()!).ToArray();
        Assert.Equal(["Konstantin Kosachev"], await Suggested("КОСА"));
        Assert.Equal(["Konstantin Kosachev"], await Suggested("kon kos"));
        Assert.Empty(await Suggested("sachev"));
        Assert.Empty(await Suggested("kon peskov"));
        // Named in the caller's page language (the culture cookie the header's switch sets) where the person has that form.
        using var inRussian = new HttpRequestMessage(HttpMethod.Get, "/api/people/suggestions?q=kos");
        inRussian.Headers.Add("Cookie", ".AspNetCore.Culture=c%3Dru%7Cuic%3Dru");
        using var answer = await client.SendAsync(inRussian);
        Assert.Equal(["Константин Косачёв"], (await answer.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().Select(p => p.GetProperty("name").GetString()));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task An_over_long_name_is_refused_naming_the_field_and_nothing_is_recorded(string provider)
    {
        await using var server = await ParleyServer.StartAsync(provider);
        using var client = await server.ClientAsync(Role.Staff);
        var before = (await client.GetFromJsonAsync<JsonElement>("/health")).GetProperty("events").GetInt64();
        var response = await client.PostAsJsonAsync("/api/people", new { names = new[] { new { value = new string('a', 301), lang = "en" } } });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("300", problem.GetProperty("errors").GetProperty("names[0].value")[0].GetString());
        Assert.Equal(before, (await client.GetFromJsonAsync<JsonElement>("/health")).GetProperty("events").GetInt64());
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task An_institution_lists_its_sub_bodies_and_its_members_on_a_date(string provider)
    {
        await using var server = await ParleyServer.StartAsync(provider);
        using var client = await server.ClientAsync(Role.Administrator);
        var committee = await server.AddInstitutionAsync("Committee on Dates");
        var sub = await server.AddInstitutionAsync("Subcommittee on Europe", Parley.Directory.InstitutionKind.Subcommittee, committee);
        var person = await client.PostAsJsonAsync("/api/people", new { names = new[] { new { value = "Ron Johnson", lang = "en" } } });
        var personId = (await person.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var post = await client.PostAsJsonAsync("/api/memberships", new { personId, institutionId = sub, role = "Chairman", start = "2015-01-06", end = "2021-01-03" });
        Assert.Equal(HttpStatusCode.Created, post.StatusCode);

        var on2018 = await client.GetFromJsonAsync<JsonElement>($"/api/institutions/{sub}?on=2018-08-08");
        var member = Assert.Single(on2018.GetProperty("members").EnumerateArray());
        Assert.Equal("Chairman", member.GetProperty("role").GetString());
        Assert.Equal("Committee on Dates", Assert.Single(on2018.GetProperty("ancestors").EnumerateArray()).GetProperty("name").GetString());
        var on2022 = await client.GetFromJsonAsync<JsonElement>($"/api/institutions/{sub}?on=2022-01-01");
        Assert.Empty(on2022.GetProperty("members").EnumerateArray());
        var parent = await client.GetFromJsonAsync<JsonElement>($"/api/institutions/{committee}");
        Assert.Equal(sub, Assert.Single(parent.GetProperty("subBodies").EnumerateArray()).GetProperty("id").GetGuid());

        var backwards = await client.PostAsJsonAsync("/api/memberships", new { personId, institutionId = sub, role = "Member", start = "2020-01-01", end = "2019-01-01" });
        Assert.Equal(HttpStatusCode.BadRequest, backwards.StatusCode);
        Assert.True((await backwards.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("end", out _));
    }
}
