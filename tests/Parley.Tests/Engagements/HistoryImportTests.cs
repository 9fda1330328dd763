using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using Parley.Directory;
using Parley.Engagements;
using Parley.Record;
using Parley.Tests.Infrastructure;

namespace Parley.Tests.EngagementsSlice;

/// <summary>`parley import history` on the Office of the Historian's real files (a subset, copied as published).</summary>
public sealed class HistoryImportTests
{
    private static readonly string[] Files =
    [
        "travels/presidents/presidents.xml",
        "travels/president-travels/obama-barack.xml",
        "travels/president-travels/bush-george-w.xml",
        "travels/president-travels/nixon-richard-m.xml",
        "travels/secretary-travels/kissinger-henry-a.xml",
        "visits/data/1970.xml",
        "visits/data/2000.xml",
        "visits/data/2010.xml",
    ];

    /// <summary>A folder laid out as the historian publishes it, holding <see cref="Files"/>.</summary>
    internal static string HistoryFolder()
    {
        var source = SharedFolder.Require("data/history");
        var folder = System.IO.Directory.CreateTempSubdirectory("history").FullName;
        foreach (var file in Files)
        {
            var target = Path.Combine(folder, file);
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(Path.Combine(source, file), target);
        }
        return folder;
    }

    /// <summary>The directory of the Presidents (executive.yaml as @unitedstates publishes it, no legislators).</summary>
    internal static async Task ImportPresidentsAsync(ParleyServer server)
    {
        var source = SharedFolder.Require("data/congress-legislators");
        var folder = System.IO.Directory.CreateTempSubdirectory("executive").FullName;
        File.Copy(Path.Combine(source, "executive.yaml"), Path.Combine(folder, "executive.yaml"));
        File.WriteAllText(Path.Combine(folder, "legislators-current.yaml"), "[]\n");
        File.WriteAllText(Path.Combine(folder, "committees-current.yaml"), "[]\n");
        File.WriteAllText(Path.Combine(folder, "committee-membership-current.yaml"), "{}\n");
        await server.WriteAsync(async scope => Result<ImportSummary>.Ok(await PlanWriter.WriteAsync(scope, CongressFiles.Read(folder, null, null), null, default)));
    }

    internal static Task<HistoryOutcome> ImportAsync(ParleyServer server, string folder) =>
        server.WriteAsync(async scope => Result<HistoryOutcome>.Ok(await ImportHistory.HandleAsync(scope, HistoryFiles.Read(folder, null), null, null, default)));

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Travels_and_visits_become_visits_with_spellings_matched_hosts_met_and_a_second_run_records_nothing(string provider)
    {
        var folder = HistoryFolder();
        await using var server = await ParleyServer.StartAsync(provider);
        await ImportPresidentsAsync(server);

        var outcome = await ImportAsync(server, folder);
        // Counted from the files with another reader: every trip and every visit is one visit.
        var records = Files.Where(f => !f.Contains("presidents/", StringComparison.Ordinal))
            .Sum(f => XDocument.Load(Path.Combine(folder, f)).Root!.Elements().Count(e => e.Name.LocalName is "trip" or "visit"));
        Assert.Equal(records, outcome.Visits);

        await server.InScopeAsync(async s =>
        {
            var db = s.GetRequiredService<ParleyDb>();
            Assert.Equal(records, await db.Visits.CountAsync());

            // Dmitri / Dmitriy / Dimitry (A.) Medvedev: one person, named by the spelling the records use most, the rest kept.
            var medvedev = await db.People.Where(p => p.Names.Any(n => n.Folded.Contains("medvedev"))).ToListAsync();
            var one = Assert.Single(medvedev);
            Assert.Equal("Dmitri Medvedev", one.Name);
            Assert.Subset(one.Names.Select(n => n.Value).ToHashSet(), new HashSet<string> { "Dmitri Medvedev", "Dmitriy Medvedev", "Dimitry Medvedev", "Dimitry A. Medvedev" });

            // Nixon's trips are the directory's Nixon (bioguide N000116, from executive.yaml), now also known by the historian's id.
            var nixon = await db.People.SingleAsync(p => p.Identifiers.Any(i => i.Scheme == "bioguide" && i.Value == "N000116"));
            Assert.Contains(nixon.Identifiers, i => i.Scheme == ImportHistory.Scheme && i.Value == "nixon-richard-m");
            var moscow1972 = await db.Visits.SingleAsync(v => v.Leader == nixon.Id && v.StartsOn == new DateOnly(1972, 5, 22));
            Assert.Equal("RU", moscow1972.DestinationCountry);
            Assert.Equal(KnownInstitutions.UsPresident, moscow1972.SentBy);
            Assert.Contains("Moscow", moscow1972.Destination);

            // Who met whom: Obama's 2009 trip names Medvedev and Putin as hosts; Putin's visits were hosted by Bush and Obama.
            var putin = await db.People.SingleAsync(p => p.Names.Any(n => n.Value == "Vladimir Putin"));
            var obama = await db.People.SingleAsync(p => p.Identifiers.Any(i => i.Scheme == ImportHistory.Scheme && i.Value == "obama-barack"));
            var bush = await db.People.SingleAsync(p => p.Identifiers.Any(i => i.Scheme == ImportHistory.Scheme && i.Value == "bush-george-w"));
            var ties = await Relationships.TiesAsync(db, [obama.Id], default);
            Assert.Contains(ties, t => t.Counterpart == one.Id && t.LastMetOn >= new DateOnly(2009, 7, 6));
            Assert.Contains(ties, t => t.Counterpart == putin.Id);
            var putinTies = await Relationships.TiesAsync(db, [putin.Id], default);
            Assert.Contains(putinTies, t => t.Counterpart == bush.Id && t.Meetings >= 3);

            // A visit to the United States is sent by the visitor's state, whose country the timeline pairs with the destination.
            var un2015 = await db.Visits.SingleAsync(v => v.Leader == putin.Id && v.StartsOn == new DateOnly(2015, 9, 28));
            Assert.Equal(KnownInstitutions.State("RU"), un2015.SentBy);
            var timeline = await VisitRegister.TimelineAsync(db, new VisitRegister.Filter(Country: "US", With: "RU", FromYear: 1972, ToYear: 2015), default);
            Assert.Contains(timeline, r => r.Visit.Id == moscow1972.Id && r.FromCountry == "US");
            Assert.Contains(timeline, r => r.Visit.Id == un2015.Id && r.FromCountry == "RU");
            Assert.DoesNotContain(timeline, r => r.Visit.DestinationCountry is not ("US" or "RU"));
            Assert.Equal(timeline.OrderBy(r => r.Visit.StartsOn).Select(r => r.Visit.Id), timeline.Select(r => r.Visit.Id));

            // The post on the day the visit began, as the record titles the visitor.
            Assert.True(await db.Memberships.AnyAsync(m => m.PersonId == putin.Id && m.Role == "President" && m.Start == new DateOnly(2015, 9, 28)));
            return 0;
        });

        var events = await server.InScopeAsync(s => s.GetRequiredService<ParleyDb>().Events.CountAsync());
        var again = await ImportAsync(server, folder);
        Assert.Equal(0, again.Visits);
        Assert.Equal(records, again.AlreadyRecorded);
        Assert.Equal(0, again.Directory.Recorded);
        Assert.Equal(events, await server.InScopeAsync(s => s.GetRequiredService<ParleyDb>().Events.CountAsync()));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_fault_names_file_and_line_and_nothing_is_recorded(string provider)
    {
        var folder = System.IO.Directory.CreateTempSubdirectory("history-bad").FullName;
        var data = System.IO.Directory.CreateDirectory(Path.Combine(folder, "visits", "data")).FullName;
        const string good = """
                <visit>
                    <id>1</id>
                    <start-date>2010-06-24</start-date>
                    <end-date>2010-06-24</end-date>
                    <visitor>President Dmitriy Medvedev</visitor>
                    <from id="russia">Russia</from>
                    <description>Official working visit.</description>
                </visit>
            """;
        File.WriteAllText(Path.Combine(data, "2010.xml"), $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <visits>
            {good}
                <visit>
                    <id>2</id>
                    <start-date>2010-07-01</start-date>
                    <visitor>King Nobody</visitor>
                    <from id="atlantis">Atlantis</from>
                </visit>
            </visits>
            """);
        await using var server = await ParleyServer.StartAsync(provider);

        var unknown = await Assert.ThrowsAsync<ImportException>(() => ImportAsync(server, folder));
        Assert.Equal(Path.Combine("visits", "data", "2010.xml"), unknown.File);
        Assert.Equal(15, unknown.Line);
        Assert.Contains("'atlantis'", unknown.Reason);

        File.WriteAllText(Path.Combine(data, "2010.xml"), $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <visits>
            {good.Replace("<end-date>2010-06-24", "<end-date>2010-06-31", StringComparison.Ordinal)}
            </visits>
            """);
        var date = await Assert.ThrowsAsync<ImportException>(() => ImportAsync(server, folder));
        Assert.Equal(6, date.Line);
        Assert.Contains("<end-date> '2010-06-31' is not a date", date.Reason);

        File.WriteAllText(Path.Combine(data, "2010.xml"), $"<visits>\n{good}\n{good}</visits>");
        var twice = await Assert.ThrowsAsync<ImportException>(() => ImportAsync(server, folder));
        Assert.Contains("also used at visits/data/2010.xml:2", twice.Reason);

        File.WriteAllText(Path.Combine(data, "2010.xml"), "<?xml version=\"1.0\"?>\n<!DOCTYPE visits [<!ENTITY a \"aaaaaaaaaa\">]>\n<visits/>");
        var dtd = await Assert.ThrowsAsync<ImportException>(() => ImportAsync(server, folder));
        Assert.StartsWith("Not well-formed XML", dtd.Reason);
        Assert.Contains("DTD is prohibited", dtd.Reason);

        File.WriteAllText(Path.Combine(data, "2010.xml"), "<trips/>");
        var root = await Assert.ThrowsAsync<ImportException>(() => ImportAsync(server, folder));
        Assert.Equal("The file's root is <trips>; a file here holds <visits>.", root.Reason);

        Assert.Equal(0, await server.InScopeAsync(s => s.GetRequiredService<ParleyDb>().Events.CountAsync()));
    }

    [Fact]
    public async Task The_verb_reports_its_decisions_and_progress_and_a_fault_as_file_and_line()
    {
        var install = ParleyProcess.Install("history-import");
        var folder = HistoryFolder();
        var data = System.IO.Directory.CreateTempSubdirectory("history-data").FullName;
        var secret = ParleyServer.SecretFile();

        var (code, output) = await ParleyProcess.RunAsync(install, ["import", "history", folder, "--data", data, "--secret-file", secret]);
        Assert.True(code == 0, output);
        Assert.Contains("Reading 3 files of visits by foreign leaders…", output);
        Assert.Matches(@"Visits: [\d,]+ recorded, 0 already recorded\.", output);
        Assert.Contains("'President Dmitriy Medvedev' (Russia): matched Dimitry Medvedev (created at visits/data/2000.xml:", output);
        Assert.Contains("spelled 'Dmitriy Medvedev'; kept as another form of the name", output);
        Assert.Contains("Richard M. Nixon (nixon-richard-m): created (no one in the directory fits among Presidents).", output);

        (code, output) = await ParleyProcess.RunAsync(install, ["import", "history", folder, "--data", data, "--secret-file", secret]);
        Assert.Equal(0, code);
        Assert.Matches(@"Visits: 0 recorded, [\d,]+ already recorded\. Directory: No changes", output);

        File.AppendAllText(Path.Combine(folder, "visits", "data", "2010.xml"), "<visit>");
        (code, output) = await ParleyProcess.RunAsync(install, ["import", "history", folder, "--data", data, "--secret-file", secret]);
        Assert.Equal(1, code);
        Assert.Matches(@"error: visits/data/2010\.xml:\d+: Not well-formed XML", output);
        Assert.Contains("Nothing was imported.", output);
    }
}
