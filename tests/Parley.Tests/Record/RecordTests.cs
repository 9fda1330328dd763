using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Parley.Directory;
using Parley.Record;
using Parley.Tests.Infrastructure;

namespace Parley.Tests.RecordSlice;

public sealed class RecordTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task The_log_key_exists_from_the_first_start_so_a_store_verifies_before_any_checkpoint_is_served(string provider)
    {
        await using var server = await ParleyServer.StartAsync(provider);
        await server.AddInstitutionAsync("Committee on First Starts");
        // No checkpoint was asked for, yet the key `parley verify` trusts is there, and it is the one the log serves.
        var key = LogKey.ExistingVerifier(server.Store with { Secret = null });
        Assert.NotNull(key);
        using var client = await server.ClientAsync(null);
        Assert.Equal(key.VerifierKey, (await client.GetStringAsync("/ledger/key")).Trim());
        var report = await server.InScopeAsync(s => LedgerVerification.RunAsync(s.GetRequiredService<ParleyDb>(), key, null, default));
        Assert.Null(report.Divergence);
        Assert.Equal(1, report.Events);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Health_names_the_provider_and_counts_events(string provider)
    {
        await using var server = await ParleyServer.StartAsync(provider);
        await server.AddInstitutionAsync("Committee on Health Checks");
        using var client = await server.ClientAsync(null);
        var health = await client.GetFromJsonAsync<JsonElement>("/health");
        Assert.Equal(provider == "sqlite" ? "sqlite" : "postgresql", health.GetProperty("provider").GetString());
        Assert.Equal(1, health.GetProperty("events").GetInt64());
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Concurrent_writers_get_gap_free_ordered_sequence_numbers(string provider)
    {
        await using var server = await ParleyServer.StartAsync(provider);
        const int writers = 8, each = 15;
        await Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            for (var i = 0; i < each; i++)
                await server.AddInstitutionAsync($"Writer {w} body {i}");
        })));
        var events = await server.InScopeAsync(s => s.GetRequiredService<ParleyDb>().Events.OrderBy(e => e.Sequence).ToListAsync());
        Assert.Equal(Enumerable.Range(0, writers * each).Select(i => (long)i), events.Select(e => e.Sequence));
        Assert.True(events.Zip(events.Skip(1)).All(p => p.First.RecordedAt <= p.Second.RecordedAt), "recording times follow the sequence");
        Assert.All(events, e => Assert.Equal(32, e.Salt.Length));
        Assert.Equal(writers * each, events.Select(e => Convert.ToHexString(e.Salt)).Distinct().Count());
        var ledger = await server.InScopeAsync(s => LedgerVerification.RunAsync(s.GetRequiredService<ParleyDb>(),
            s.GetRequiredService<LogKey>().Signer.Verifier, null, default));
        Assert.Null(ledger.Divergence); // every leaf and node written by the racing writers is where it belongs
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Rebuild_from_events_gives_the_stored_projections_and_names_a_tampered_row(string provider)
    {
        await using var server = await ParleyServer.StartAsync(provider);
        var parent = await server.AddInstitutionAsync("Committee on Rebuilds");
        await server.AddInstitutionAsync("Subcommittee on Replays", InstitutionKind.Subcommittee, parent);
        await server.AddUserAsync(Access.Role.Staff);
        var clean = await server.InScopeAsync(s => Rebuild.RunAsync(s.GetRequiredService<ParleyDb>(), null, default));
        Assert.Null(clean.Divergence);
        Assert.Equal(4, clean.Events);

        await server.InScopeAsync(s => s.GetRequiredService<ParleyDb>().Institutions
            .Where(i => i.Id == parent).ExecuteUpdateAsync(u => u.SetProperty(i => i.Name, "Committee on Quiet Edits")));
        var tampered = await server.InScopeAsync(s => Rebuild.RunAsync(s.GetRequiredService<ParleyDb>(), null, default));
        Assert.NotNull(tampered.Divergence);
        Assert.Contains("institutions", tampered.Divergence);
        Assert.Contains("Committee on Quiet Edits", tampered.Divergence);
        var name = await server.InScopeAsync(s => s.GetRequiredService<ParleyDb>().Institutions.Where(i => i.Id == parent).Select(i => i.Name).SingleAsync());
        Assert.Equal("Committee on Quiet Edits", name); // reported, not silently repaired
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_write_that_fails_leaves_no_event_and_no_row(string provider)
    {
        await using var server = await ParleyServer.StartAsync(provider);
        var result = await server.InScopeAsync(s => s.GetRequiredService<Recorder>().WriteAsync("test", async (scope, ct) =>
        {
            await RecordInstitution.HandleAsync(scope, Guid.CreateVersion7(), new InstitutionInput(InstitutionKind.Committee, null, null, [new NameEntry("Half written", "en")], []), ct);
            return await RecordInstitution.HandleAsync(scope, Guid.CreateVersion7(), new InstitutionInput(InstitutionKind.Committee, "ZZ", null, [new NameEntry("Bad country", "en")], []), ct);
        }));
        Assert.Equal("countryCode", result.Error?.Field);
        var counts = await server.InScopeAsync(async s =>
        {
            var db = s.GetRequiredService<ParleyDb>();
            return (await db.Events.CountAsync(), await db.Institutions.CountAsync());
        });
        Assert.Equal((0, 0), counts);
    }
}
