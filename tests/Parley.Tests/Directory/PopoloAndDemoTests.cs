using Microsoft.EntityFrameworkCore;
using Parley.Demo;
using Parley.Directory;
using Parley.Record;
using Parley.Tests.Infrastructure;

namespace Parley.Tests.DirectorySlice;

public sealed class PopoloAndDemoTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task The_demo_exports_to_Popolo_and_imports_into_another_store_unchanged(string provider)
    {
        await using var source = await ParleyServer.StartAsync(provider);
        var loaded = await source.InScopeAsync(s => DemoStory.LoadAsync(s, default));
        Assert.True(loaded.Succeeded, loaded.Error?.Message);
        var file = Path.GetTempFileName();
        await source.InScopeAsync(async s =>
        {
            await using var output = File.Create(file);
            await Popolo.WriteAsync(await Popolo.ExportAsync(s.GetRequiredService<ParleyDb>(), default), output, default);
            return 0;
        });
        Assert.Contains("Константин Косачёв", await File.ReadAllTextAsync(file));

        await using var target = await ParleyServer.StartAsync(provider);
        Task<Result<ImportSummary>> Import() => target.InScopeAsync(s => s.GetRequiredService<Recorder>().WriteAsync("import:popolo",
            async (scope, ct) => Result<ImportSummary>.Ok(await PlanWriter.WriteAsync(scope, Popolo.Read(file), null, ct))));
        Assert.True((await Import()).Value!.Recorded > 0);
        Assert.Equal(0, (await Import()).Value!.Recorded);

        var johnson = await target.InScopeAsync(async s =>
        {
            var db = s.GetRequiredService<ParleyDb>();
            var person = await db.People.SingleAsync(p => p.Identifiers.Any(x => x.Scheme == "bioguide" && x.Value == "J000293"));
            return await DirectoryQueries.PersonAsync(db, person.Id, default);
        });
        Assert.Contains(johnson!.Posts, p => p.Role == "Chairman" && p.Institution == "Subcommittee on Europe and Regional Security Cooperation"
            && p.Start == new DateOnly(2018, 8, 8));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_Popolo_file_with_a_bad_date_names_its_line_and_records_nothing(string provider)
    {
        await using var server = await ParleyServer.StartAsync(provider);
        var file = Path.GetTempFileName();
        await File.WriteAllTextAsync(file, "{\n  \"persons\": [\n    { \"id\": \"a\", \"name\": \"Ann\" },\n    { \"id\": \"b\", \"name\": \"Bob\", \"birth_date\": \"yesterday\" }\n  ]\n}\n");
        var error = Assert.Throws<ImportException>(() => Popolo.Read(file));
        Assert.Equal(4, error.Line);
        Assert.Contains("birth_date", error.Message);
        Assert.Equal(0, await server.InScopeAsync(s => s.GetRequiredService<ParleyDb>().Events.CountAsync()));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task The_demo_refuses_a_store_that_holds_other_data_and_is_idempotent_on_its_own(string provider)
    {
        await using var server = await ParleyServer.StartAsync(provider);
        Assert.True((await server.InScopeAsync(s => DemoStory.LoadAsync(s, default))).Succeeded);
        // The story's four statements, and the "shortly" expectation waiting on the Moscow letter's custody.
        var speakers = await server.InScopeAsync(s => s.GetRequiredService<ParleyDb>().Statements.Select(x => x.Speaker).ToListAsync());
        var story = new[] { "P000603", "peskov", "kosachev", "J000293" }.Select((k, i) => Parley.Directory.KnownInstitutions.Person(i is 0 or 3 ? "bioguide" : "demo", k));
        Assert.Equal(story.Order(), speakers.Order());
        var shortly = await server.InScopeAsync(s => s.GetRequiredService<ParleyDb>().Commitments.SingleAsync(c => c.Letter != null));
        // Kosachev's autumn-session meeting waits on the proposal, which is still awaiting the State Department.
        var autumn = await server.InScopeAsync(s => s.GetRequiredService<ParleyDb>().Commitments.SingleAsync(c => c.Engagement != null));
        Assert.Null(autumn.FulfilledAt);
        var linked = await server.InScopeAsync(s => s.GetRequiredService<ParleyDb>().Statements.SelectMany(x => x.Links).Select(l => l.Kind).ToListAsync());
        Assert.Superset(new HashSet<Parley.Statements.RecordKind> { Parley.Statements.RecordKind.Visit, Parley.Statements.RecordKind.Proposal, Parley.Statements.RecordKind.Meeting, Parley.Statements.RecordKind.TaskForce }, linked.ToHashSet());
        Assert.Null(shortly.FulfilledAt);
        Assert.Equal(Parley.Correspondence.LetterStatus.InAddresseesHands, shortly.LetterReaches);
        Assert.Equal(new DateOnly(2018, 8, 11), shortly.DueBy);
        var again = await server.InScopeAsync(s => DemoStory.LoadAsync(s, default));
        Assert.Contains("already loaded", again.Value);
        // The Federation Council has a registry clerk of its own, so a letter handed to it can be confirmed and carried on.
        var fc = await server.InScopeAsync(s => s.GetRequiredService<ParleyDb>().Accounts.SingleAsync(a => a.UserName == "clerk-fc"));
        Assert.Equal(Parley.Demo.DemoDirectory.FederationCouncil, fc.InstitutionId);
        Assert.Equal([Parley.Access.Role.RegistryClerk], fc.Roles.Select(r => r.Role));

        await using var other = await ParleyServer.StartAsync(provider);
        await other.AddInstitutionAsync("Someone else's committee");
        var refused = await other.InScopeAsync(s => DemoStory.LoadAsync(s, default));
        Assert.Contains("empty store", refused.Error!.Message);
        Assert.Equal(1, await other.InScopeAsync(s => s.GetRequiredService<ParleyDb>().Events.CountAsync()));
    }
}
