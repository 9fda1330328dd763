using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Parley.Directory;
using Parley.Record;
using Parley.Tests.Infrastructure;

namespace Parley.Tests.DirectorySlice;

/// <summary>
/// A Popolo file as another publisher writes it (EveryPolitician's style: its own ids, partial dates, posts, parties
/// by on_behalf_of_id, contact details, links, sources, given and family names, and fields of its own): every field
/// the specification defines is kept and exported back as given, the ids become identifiers, and what could not be
/// placed is reported with its line.
/// </summary>
public sealed class PopoloPublisherTests
{
    private static readonly string File = Path.Combine(AppContext.BaseDirectory, "Fixtures", "popolo", "everypolitician-style.json");

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Another_publishers_file_keeps_every_field_the_spec_defines_and_reports_what_it_could_not_place(string provider)
    {
        await using var server = await ParleyServer.StartAsync(provider);
        var plan = Popolo.Read(File, "everypolitician");
        Task<Result<ImportSummary>> Import() => server.InScopeAsync(s => s.GetRequiredService<Recorder>().WriteAsync("import:popolo",
            async (scope, ct) => Result<ImportSummary>.Ok(await PlanWriter.WriteAsync(scope, Popolo.Read(File, "everypolitician"), null, ct))));
        Assert.True((await Import()).Value!.Recorded > 0);
        Assert.Equal(0, (await Import()).Value!.Recorded);

        // What it could not place, each with its line: fields and arrays the spec does not define, a membership whose
        // person is not in the file, areas that are not countries.
        string[] expected =
        [
            ".json:3: person \"Eleanor Vance\": \"facebook\" is not a field of Popolo's",
            ": the top-level \"events\" (2 items) is not a directory's",
            "membership m-0001: \"legislative_period_id\" is not a field of Popolo's",
            "membership m-0004: its person \"b1f7a1c2-ep-9999\" or organization \"legislature/commons\" is not in the file",
            "area \"Eastfield\" (no classification) is not a country",
            "organization \"Foreign Affairs Committee\": classification \"select committee\" is no kind of the directory's: recorded as other",
        ];
        foreach (var line in expected)
            Assert.True(plan.NotPlaced.Any(n => n.Contains(line, StringComparison.Ordinal)), $"not reported: {line}\n{string.Join("\n", plan.NotPlaced)}");

        var exported = await server.InScopeAsync(async s =>
        {
            using var output = new MemoryStream();
            await Popolo.WriteAsync(await Popolo.ExportAsync(s.GetRequiredService<ParleyDb>(), default), output, default);
            return JsonNode.Parse(output.ToArray())!;
        });
        var source = JsonNode.Parse(await System.IO.File.ReadAllTextAsync(File))!;

        // Every person: the publisher's id as an identifier, and each spec-defined field exported as given.
        string[] personFields = ["name", "sort_name", "given_name", "family_name", "honorific_prefix", "birth_date", "death_date", "gender", "image", "email",
            "summary", "national_identity", "contact_details", "links", "sources"];
        foreach (var person in source["persons"]!.AsArray())
        {
            var id = person!["id"]!.GetValue<string>();
            var copy = exported["persons"]!.AsArray().Single(p => HasIdentifier(p!, "everypolitician", id))!;
            foreach (var field in personFields.Where(f => person[f] is not null))
                Assert.True(JsonNode.DeepEquals(person[field], copy[field]), $"{id} {field}: {person[field]?.ToJsonString()} became {copy[field]?.ToJsonString() ?? "nothing"}");
            foreach (var identifier in person["identifiers"]?.AsArray() ?? [])
                Assert.True(HasIdentifier(copy, identifier!["scheme"]!.GetValue<string>(), identifier["identifier"]!.GetValue<string>()));
            Assert.Null(copy["facebook"]);
        }
        // An other name's own given and family names and dates travel with it.
        var vance = exported["persons"]!.AsArray().Single(p => HasIdentifier(p!, "everypolitician", "b1f7a1c2-ep-0001"))!;
        var maiden = vance["other_names"]!.AsArray().Single(n => n!["name"]!.GetValue<string>() == "Eleanor Whitcombe")!;
        Assert.Equal("Whitcombe", maiden["family_name"]!.GetValue<string>());
        Assert.Equal("1998-06-01", maiden["end_date"]!.GetValue<string>());

        // Organizations: ids as identifiers, their fields kept, a classification without a kind kept as given.
        string OrgId(string publisherId) => exported["organizations"]!.AsArray().Single(o => HasIdentifier(o!, "everypolitician", publisherId))!["id"]!.GetValue<string>();
        var commons = exported["organizations"]!.AsArray().Single(o => o!["id"]!.GetValue<string>() == OrgId("legislature/commons"))!;
        Assert.Equal("legislature", commons["classification"]!.GetValue<string>());
        Assert.Equal("1707-05-01", commons["founding_date"]!.GetValue<string>());
        var committee = exported["organizations"]!.AsArray().Single(o => o!["id"]!.GetValue<string>() == OrgId("committee/foreign-affairs"))!;
        Assert.Equal("select committee", committee["classification"]!.GetValue<string>());
        Assert.Equal(OrgId("legislature/commons"), committee["parent_id"]!.GetValue<string>());

        // Posts come back at the top level with their organization; memberships keep post_id and on_behalf_of_id as given.
        var northgate = exported["posts"]!.AsArray().Single(p => p!["id"]!.GetValue<string>() == "post/northgate")!;
        Assert.Equal("Member of Parliament for Northgate", northgate["label"]!.GetValue<string>());
        Assert.Equal(OrgId("legislature/commons"), northgate["organization_id"]!.GetValue<string>());
        Assert.Equal("1950", exported["posts"]!.AsArray().Single(p => p!["id"]!.GetValue<string>() == "post/eastfield")!["start_date"]!.GetValue<string>());
        var memberships = exported["memberships"]!.AsArray();
        Assert.Equal(3, memberships.Count);
        var seat = memberships.Single(m => m!["post_id"]?.GetValue<string>() == "post/northgate")!;
        Assert.Equal("party/progressive", seat["on_behalf_of_id"]!.GetValue<string>());
        Assert.Equal("2015", seat["start_date"]!.GetValue<string>());
        Assert.Equal("2019-11-06", seat["end_date"]!.GetValue<string>());
        Assert.Equal("https://data.parliament.example/elections/2015", seat["sources"]![0]!["url"]!.GetValue<string>());
        Assert.Null(seat["legislative_period_id"]);

        // In the directory: the post gives the role and the area, the party its name, a partial date the days it covers.
        var held = await server.InScopeAsync(async s =>
        {
            var db = s.GetRequiredService<ParleyDb>();
            var person = await db.People.SingleAsync(p => p.Identifiers.Any(x => x.Scheme == "everypolitician" && x.Value == "b1f7a1c2-ep-0001"));
            return (Person: person, Memberships: await db.Memberships.Where(m => m.PersonId == person.Id).ToListAsync());
        });
        Assert.Null(held.Person.BirthDate);
        var membership = Assert.Single(held.Memberships);
        Assert.Equal(("Member of Parliament", "Progressive Alliance", "Northgate"), (membership.Role, membership.Party, membership.Area));
        Assert.Equal(new DateOnly(2015, 1, 1), membership.Start);
        var chair = await server.InScopeAsync(s => s.GetRequiredService<ParleyDb>().Memberships.SingleAsync(m => m.Role == "Chair"));
        Assert.Equal((new DateOnly(2017, 7, 1), new DateOnly(2020, 12, 31)), (chair.Start, chair.End));
    }

    [Fact]
    public void A_partial_date_in_a_form_Popolo_does_not_allow_names_its_line()
    {
        var file = Path.GetTempFileName();
        System.IO.File.WriteAllText(file, "{\n  \"persons\": [\n    { \"id\": \"p1\", \"name\": \"Ann\", \"birth_date\": \"1970-13\" }\n  ]\n}\n");
        var error = Assert.Throws<ImportException>(() => Popolo.Read(file));
        Assert.Equal(3, error.Line);
        Assert.Contains("birth_date: '1970-13' is not a date like 2018-08-08 (or 2018-08, or 2018)", error.Message, StringComparison.Ordinal);
    }

    private static bool HasIdentifier(JsonNode record, string scheme, string value) =>
        (record["identifiers"]?.AsArray() ?? []).Any(i => i!["scheme"]!.GetValue<string>() == scheme && i["identifier"]!.GetValue<string>() == value);
}
