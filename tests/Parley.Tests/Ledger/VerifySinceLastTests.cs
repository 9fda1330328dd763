using Microsoft.EntityFrameworkCore;
using Parley.Record;
using Parley.Tests.Infrastructure;

namespace Parley.Tests.LedgerSlice;

/// <summary>
/// `parley verify --since-last` checks only what was appended after the tree the last full verify proved, and
/// still catches an altered new event and an altered edge of that tree.
/// </summary>
public sealed class VerifySinceLastTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Since_the_last_full_verify_only_new_entries_are_checked_and_tampering_with_them_or_the_edge_is_caught(string provider)
    {
        await using var server = await ParleyServer.StartAsync(provider);
        for (var i = 0; i < 10; i++)
            await server.AddInstitutionAsync($"Body {i}");
        Task<LedgerVerification.Report> VerifyAsync(bool sinceLast) => server.InScopeAsync(s =>
            LedgerVerification.RunAsync(s.GetRequiredService<ParleyDb>(), s.GetRequiredService<LogKey>().Signer.Verifier, null, default, sinceLast));

        var full = await VerifyAsync(false);
        Assert.Null(full.Divergence);
        Assert.Equal(10, await server.InScopeAsync(s => s.GetRequiredService<ParleyDb>().VerifiedTrees.Select(v => v.Size).SingleAsync()));

        for (var i = 10; i < 15; i++)
            await server.AddInstitutionAsync($"Body {i}");
        var since = await VerifyAsync(true);
        Assert.Null(since.Divergence);
        Assert.Equal(5, since.Events);

        for (var i = 15; i < 18; i++)
            await server.AddInstitutionAsync($"Body {i}");
        await server.InScopeAsync(s => s.GetRequiredService<ParleyDb>().Database.ExecuteSqlRawAsync(
            "UPDATE events SET \"Payload\" = REPLACE(\"Payload\", 'Body 16', 'Body X') WHERE \"Sequence\" = 16"));
        Assert.Contains("event 16", (await VerifyAsync(true)).Divergence);

        // An interior node of the tree verify last proved (size 15: the edge is the subtrees 0–7, 8–11, 12–13 and 14).
        await server.InScopeAsync(s => s.GetRequiredService<ParleyDb>().Database.ExecuteSqlRawAsync(
            "UPDATE ledger_nodes SET \"Hash\" = (SELECT n.\"Hash\" FROM ledger_nodes n WHERE n.\"Level\" = 3 AND n.\"Index\" = 0) WHERE \"Level\" = 2 AND \"Index\" = 2"));
        Assert.Contains("no longer gives its root", (await VerifyAsync(true)).Divergence);
    }
}
