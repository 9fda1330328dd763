using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Parley.Access;
using Parley.Demo;
using Parley.Directory;
using Parley.Record;
using Parley.Tests.Infrastructure;

namespace Parley.Tests.StatementsSlice;

/// <summary>Statements and commitments through the API on both databases: import, review, search, fulfilment.</summary>
public sealed class StatementTests
{
    private static readonly Guid Peskov = KnownInstitutions.Person("demo", "peskov"), Putin = KnownInstitutions.Person("wikidata", "Q7747");

    private static async Task<ParleyServer> StoryDirectoryAsync(string provider)
    {
        var server = await ParleyServer.StartAsync(provider);
        await server.WriteAsync(async s =>
        {
            await PlanWriter.WriteAsync(s, DemoDirectory.Plan(), null, default);
            return Result<int>.Ok(0);
        });
        return server;
    }

    private static Task<int> EventsAsync(ParleyServer server) => server.InScopeAsync(s => s.GetRequiredService<ParleyDb>().Events.CountAsync());

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task An_article_becomes_reviewed_statements_with_their_source(string provider)
    {
        var article = Parley.Testing.SharedFolder.Require("scenario/article.txt");
        await using var server = await StoryDirectoryAsync(provider);
        using var staff = await server.ClientAsync(Role.Staff, KnownInstitutions.UsSenate);
        var text = await File.ReadAllTextAsync(article);
        var imported = await staff.PostAsJsonAsync("/api/statements/import", new { text, published = "2018-08-08", outlet = "Washington Examiner" });
        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        var proposals = (await imported.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("proposals").EnumerateArray().ToList();
        Assert.Equal(4, proposals.Count);
        Assert.Equal(Peskov, proposals[1].GetProperty("speaker").GetProperty("id").GetGuid());

        // Nothing is recorded by proposing; a reviewer's rejected field stops the whole acceptance.
        var before = await EventsAsync(server);
        var accepted = proposals.Select(p => new
        {
            speaker = p.GetProperty("speaker").GetProperty("id").GetGuid(),
            medium = p.GetProperty("medium").GetString(),
            saidOn = p.GetProperty("saidOn").GetString(),
            dateBasis = p.GetProperty("dateBasis").GetString(),
            text = p.GetProperty("text").GetString(),
            language = "en",
            outlet = p.GetProperty("outlet").GetString(),
        }).ToList();
        var broken = await staff.PostAsJsonAsync("/api/statements/import/accept", new { sourceText = text, published = "2018-08-08", statements = accepted.Select((a, i) => i == 2 ? a with { speaker = Guid.Empty } : a) });
        Assert.Equal(HttpStatusCode.NotFound, broken.StatusCode);
        Assert.Contains("statements[2].speaker", await broken.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await EventsAsync(server));
        var ok = await staff.PostAsJsonAsync("/api/statements/import/accept", new { sourceText = text, published = "2018-08-08", statements = accepted });
        Assert.Equal(HttpStatusCode.Created, ok.StatusCode);
        Assert.Equal(before + 5, await EventsAsync(server));

        var peskov = (await staff.GetFromJsonAsync<JsonElement>($"/api/statements?speaker={Peskov}")).GetProperty("items").EnumerateArray().Single();
        Assert.Equal("Press Secretary of the President (Kremlin spokesman), Presidential Press and Information Office", peskov.GetProperty("speaker").GetProperty("post").GetString());
        var sha = peskov.GetProperty("source").GetProperty("sha256").GetString();
        var check = await (await staff.PostAsJsonAsync($"/api/statements/sources/{sha}/check", new { text = text.Replace("Wednesday", "Tuesday", StringComparison.Ordinal) })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(check.GetProperty("unchanged").GetBoolean());
        var same = await (await staff.PostAsJsonAsync($"/api/statements/sources/{sha}/check", new { text })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(same.GetProperty("unchanged").GetBoolean());
        Assert.Contains("received through diplomatic channels", (await staff.GetFromJsonAsync<JsonElement>($"/api/statements/sources/{sha}")).GetProperty("text").GetString(), StringComparison.Ordinal);

        // Search folds case in both scripts, over the original and its translation, and by speaker's name.
        var translated = await staff.PostAsJsonAsync("/api/statements", new
        {
            speaker = Peskov,
            medium = "PressBriefing",
            saidOn = "2018-08-08",
            language = "ru",
            text = "Письмо поступило по дипломатическим каналам.",
            translation = "The letter was received through diplomatic channels.",
            translationLanguage = "en",
            time = "12:30",
            timeZone = "Europe/Moscow",
        });
        Assert.Equal(HttpStatusCode.Created, translated.StatusCode);
        async Task<int> Count(string query) => (await staff.GetFromJsonAsync<JsonElement>("/api/statements?" + query)).GetProperty("items").GetArrayLength();
        Assert.Equal(1, await Count("q=" + Uri.EscapeDataString("ДИПЛОМАТИЧЕСКИМ")));
        Assert.Equal(2, await Count("q=DIPLOMATIC%20channels"));
        Assert.Equal(2, await Count("q=" + Uri.EscapeDataString("песков")));
        Assert.Equal(1, await Count("medium=Interview"));
        Assert.Equal(0, await Count("from=2018-09-01"));
        var saidAt = (await staff.GetFromJsonAsync<JsonElement>($"/api/statements/{(await translated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid()}")).GetProperty("saidAt").GetDateTime();
        Assert.Equal(new DateTime(2018, 8, 8, 9, 30, 0), saidAt);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Bad_articles_and_statements_are_refused_with_the_field_named(string provider)
    {
        await using var server = await StoryDirectoryAsync(provider);
        using var staff = await server.ClientAsync(Role.Staff, KnownInstitutions.UsSenate);
        using var courier = await server.ClientAsync(Role.Courier, KnownInstitutions.UsSenate);
        var before = await EventsAsync(server);
        async Task<string> Refused(HttpResponseMessage response, HttpStatusCode status)
        {
            Assert.Equal(status, response.StatusCode);
            return await response.Content.ReadAsStringAsync();
        }
        Assert.Contains("empty", await Refused(await staff.PostAsJsonAsync("/api/statements/import", new { text = "  " }), HttpStatusCode.BadRequest), StringComparison.Ordinal);
        Assert.Contains("text can be at most 2,097,152 characters", await Refused(await staff.PostAsJsonAsync("/api/statements/import", new { text = new string('a', 50 * 1024 * 1024) }), HttpStatusCode.BadRequest), StringComparison.Ordinal);
        Assert.Contains("no text", await Refused(await staff.PostAsJsonAsync("/api/statements/import", new { text = "<html><script>alert(1)</script></html>" }), HttpStatusCode.BadRequest), StringComparison.Ordinal);
        var statement = new { speaker = Peskov, medium = "Remarks", saidOn = "2018-08-08", text = "We expect it shortly.", language = "en" };
        Assert.Contains("saidOn", await Refused(await staff.PostAsJsonAsync("/api/statements", statement with { saidOn = "2099-01-01" }), HttpStatusCode.BadRequest), StringComparison.Ordinal);
        Assert.Contains("text", await Refused(await staff.PostAsJsonAsync("/api/statements", statement with { text = "" }), HttpStatusCode.BadRequest), StringComparison.Ordinal);
        Assert.Contains("url", await Refused(await staff.PostAsJsonAsync("/api/statements", new { statement.speaker, statement.medium, statement.saidOn, statement.text, url = "javascript:alert(1)" }), HttpStatusCode.BadRequest), StringComparison.Ordinal);
        Assert.Contains("timeZone", await Refused(await staff.PostAsJsonAsync("/api/statements", new { statement.speaker, statement.medium, statement.saidOn, statement.text, time = "10:00", timeZone = "Mars/Olympus" }), HttpStatusCode.BadRequest), StringComparison.Ordinal);
        Assert.Contains("dueFrom", await Refused(await staff.PostAsJsonAsync("/api/commitments", new { byPerson = Peskov, what = "x", dueFrom = "2018-09-01", dueBy = "2018-08-01" }), HttpStatusCode.BadRequest), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await courier.PostAsJsonAsync("/api/statements", statement)).StatusCode);
        Assert.Equal(before, await EventsAsync(server));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task The_shortly_commitment_is_fulfilled_by_the_letter_reaching_the_addressee(string provider)
    {
        await using var server = await StoryDirectoryAsync(provider);
        using var clerk = await server.ClientAsync(Role.RegistryClerk, KnownInstitutions.UsPresident);
        using var receiving = await server.ClientAsync(Role.RegistryClerk, DemoDirectory.RuPresidentialAdministration);
        using var staff = await server.ClientAsync(Role.Staff, KnownInstitutions.UsSenate);
        var registered = await clerk.PostAsJsonAsync("/api/letters", new
        {
            direction = "Outgoing",
            dated = "2018-08-01",
            senderInstitution = KnownInstitutions.UsPresident,
            addresseeInstitution = DemoDirectory.RuPresidentialAdministration,
            addresseePerson = Putin,
            subject = "Letter to the President of Russia",
        });
        var letter = (await registered.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        async Task HandAsync(HttpClient giver, HttpClient receiver, Guid? toPerson)
        {
            var handed = await giver.PostAsJsonAsync($"/api/letters/{letter}/handovers", new { toInstitution = DemoDirectory.RuPresidentialAdministration, toPerson, place = "Moscow" });
            Assert.True(handed.IsSuccessStatusCode, await handed.Content.ReadAsStringAsync());
            var id = (await handed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
            Assert.True((await receiver.PostAsJsonAsync($"/api/letters/{letter}/handovers/{id}/confirm", new { sealIntact = true })).IsSuccessStatusCode);
        }
        await HandAsync(clerk, receiving, null);

        var said = await staff.PostAsJsonAsync("/api/statements", new
        {
            speaker = Peskov,
            medium = "Remarks",
            saidOn = "2018-08-08",
            language = "en",
            text = "The letter was received through diplomatic channels. We expect that the president’s administration will receive it shortly.",
            links = new[] { new { kind = "Letter", target = letter } },
        });
        var statement = (await said.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var committed = await staff.PostAsJsonAsync("/api/commitments", new
        {
            statement,
            what = "The addressee will receive the letter shortly",
            dueFrom = "2018-08-08",
            dueBy = "2018-08-11",
            letter,
            letterReaches = "InAddresseesHands",
        });
        Assert.Equal(HttpStatusCode.Created, committed.StatusCode);
        var open = (await staff.GetFromJsonAsync<JsonElement>($"/api/commitments?letter={letter}")).EnumerateArray().Single();
        Assert.Equal("Overdue", open.GetProperty("state").GetString());
        Assert.Equal(Peskov, open.GetProperty("byPerson").GetGuid());
        Assert.Single((await staff.GetFromJsonAsync<JsonElement>($"/api/statements?kind=Letter&target={letter}")).GetProperty("items").EnumerateArray());

        await HandAsync(receiving, receiving, Putin);
        var fulfilled = (await staff.GetFromJsonAsync<JsonElement>($"/api/commitments?letter={letter}")).EnumerateArray().Single();
        Assert.Equal("Fulfilled", fulfilled.GetProperty("state").GetString());
        var index = fulfilled.GetProperty("fulfilledByLedgerIndex").GetInt64();
        var type = await server.InScopeAsync(s => s.GetRequiredService<ParleyDb>().Events.Where(e => e.Sequence == index).Select(e => e.Type).SingleAsync());
        Assert.Equal("correspondence.handover-confirmed", type);
        var outcome = await server.InScopeAsync(s => Rebuild.RunAsync(s.GetRequiredService<ParleyDb>(), null, default, commit: false));
        Assert.True(outcome.Divergence is null, outcome.Divergence);
        Assert.Equal(HttpStatusCode.Conflict, (await staff.PostAsJsonAsync($"/api/commitments/{fulfilled.GetProperty("id").GetGuid()}/confirm", new { note = "again" })).StatusCode);
    }
}
