using Microsoft.EntityFrameworkCore;
using Parley.Directory;
using Parley.Record;
using Parley.Tests.Infrastructure;

namespace Parley.Tests.DirectorySlice;

public sealed class CongressImportTests
{
    private static Task<Result<ImportSummary>> ImportAsync(ParleyServer server, Func<DirectoryPlan> read) =>
        server.InScopeAsync(s => s.GetRequiredService<Recorder>().WriteAsync("import:congress",
            async (scope, ct) => Result<ImportSummary>.Ok(await PlanWriter.WriteAsync(scope, read(), null, ct))));

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task The_real_congress_files_import_with_their_facts_and_a_second_run_changes_nothing(string provider)
    {
        var folder = SharedFolder.Require("data/congress-legislators");
        await using var server = await ParleyServer.StartAsync(provider);
        var first = await ImportAsync(server, () => CongressFiles.Read(folder, null, null));
        Assert.True(first.Value!.Recorded > 5000);

        await server.InScopeAsync(async s =>
        {
            var db = s.GetRequiredService<ParleyDb>();
            var ssfr = await db.Institutions.SingleAsync(i => i.Identifiers.Any(x => x.Scheme == "thomas" && x.Value == "SSFR"));
            Assert.Equal("Senate Committee on Foreign Relations", ssfr.Name);
            var subs = await db.Institutions.Where(i => i.ParentId == ssfr.Id).Select(i => i.Name).ToListAsync();
            Assert.Contains("Subcommittee on Europe and Regional Security Cooperation", subs);
            Assert.True(subs.Count >= 7);

            var paul = await db.People.SingleAsync(p => p.Identifiers.Any(x => x.Scheme == "bioguide" && x.Value == "P000603"));
            Assert.Equal("Rand Paul", paul.Name);
            Assert.Contains(paul.Identifiers, x => x.Scheme == "wikidata" && x.Value == "Q463557");

            var europe = KnownInstitutions.Committee("SSFR01");
            var chair = await (from m in db.Memberships
                               join p in db.People on m.PersonId equals p.Id
                               where m.InstitutionId == europe && m.Start == new DateOnly(2019, 9, 12) && m.Role == "Chairman"
                               select p).SingleAsync();
            Assert.Contains(chair.Identifiers, x => x.Scheme == "bioguide" && x.Value == "J000293");
            var details = await DirectoryQueries.InstitutionAsync(db, europe, new DateOnly(2019, 9, 12), new DateOnly(2026, 1, 1), default);
            Assert.Equal(2, details!.Members.Count(m => m.Role == "Ranking Member")); // the snapshot's real quirk
            return 0;
        });

        var second = await ImportAsync(server, () => CongressFiles.Read(folder, null, null));
        Assert.Equal(0, second.Value!.Recorded);
        Assert.StartsWith("No changes", second.Value.ToString());
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Bad_files_are_refused_with_file_and_line_and_the_store_is_unchanged(string provider)
    {
        var source = SharedFolder.Require("data/congress-legislators");
        await using var server = await ParleyServer.StartAsync(provider);
        var folder = System.IO.Directory.CreateTempSubdirectory("congress-bad").FullName;
        File.Copy(Path.Combine(source, "committees-current.yaml"), Path.Combine(folder, "committees-current.yaml"));
        File.WriteAllText(Path.Combine(folder, "legislators-current.yaml"), "- id:\n    bioguide: X000001\n  name:\n    first: Ann\n    last: Example\n  terms: [\n");
        File.WriteAllText(Path.Combine(folder, "committee-membership-current.yaml"), "SSFR:\n- name: Nobody\n  bioguide: Z999999\n  party: majority\n");

        var malformed = await Assert.ThrowsAsync<ImportException>(() => ImportAsync(server, () => CongressFiles.Read(folder, null, null)));
        Assert.Equal("legislators-current.yaml", Path.GetFileName(malformed.File));
        Assert.True(malformed.Line >= 6, $"line {malformed.Line}");

        File.WriteAllText(Path.Combine(folder, "legislators-current.yaml"), "- id:\n    bioguide: X000001\n  name:\n    first: Ann\n    last: Example\n");
        var unknown = await Assert.ThrowsAsync<ImportException>(() => ImportAsync(server, () => CongressFiles.Read(folder, null, null)));
        Assert.Equal("committee-membership-current.yaml", Path.GetFileName(unknown.File));
        Assert.Equal(2, unknown.Line);
        Assert.Contains("Z999999", unknown.Message);

        var events = await server.InScopeAsync(s => s.GetRequiredService<ParleyDb>().Events.CountAsync());
        Assert.Equal(0, events);
    }
}
