using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Parley.Directory;
using Parley.Record;
using Parley.Tests.Infrastructure;

namespace Parley.Tests.LedgerSlice;

/// <summary>
/// `parley verify` over a log of more than two whole batches (it reads 8,192 events at a time and hashes each whole,
/// aligned batch level by level): tampering at every height is still found and named — a leaf inside a batch, an
/// interior node, a batch's own root, a node above the batches, a missing node — the store verifies in a process
/// whose time zone is not UTC, and a committed rebuild leaves it writable and verifying.
/// </summary>
public sealed class LargeLogVerifyTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_log_of_whole_batches_verifies_and_tampering_at_every_height_is_named(string provider)
    {
        await using var server = await ParleyServer.StartAsync(provider);
        for (var done = 0; done < (2 * 8192) + 100; done += 2000)
        {
            await server.WriteAsync(async s =>
            {
                for (var i = 0; i < 2000; i++)
                {
                    var n = (done + i).ToString(CultureInfo.InvariantCulture);
                    await s.RecordAsync(new InstitutionRecorded(Guid.CreateVersion7(), InstitutionKind.Committee, null, null,
                        [new NameEntry($"Committee {n}", "en")], [new Identifier("test", n)]), default);
                }
                return Result<int>.Ok(2000);
            });
        }
        Task<LedgerVerification.Report> VerifyAsync() => server.InScopeAsync(s =>
            LedgerVerification.CheckLogAsync(s.GetRequiredService<ParleyDb>(), s.GetRequiredService<LogKey>().Signer.Verifier, null, default));
        var clean = await VerifyAsync();
        Assert.Null(clean.Divergence);
        Assert.True(clean.Events > 2 * 8192, $"{clean.Events} events");

        Task<T> Db<T>(Func<ParleyDb, Task<T>> work) => server.InScopeAsync(s => work(s.GetRequiredService<ParleyDb>()));
        async Task<string?> WithNodeReplacedAsync(int level, long index)
        {
            var saved = await Db(db => db.LedgerNodes.Where(n => n.Level == level && n.Index == index).Select(n => n.Hash).SingleAsync());
            await Db(db => db.LedgerNodes.Where(n => n.Level == level && n.Index == index).ExecuteUpdateAsync(u => u.SetProperty(n => n.Hash, new byte[32])));
            var divergence = (await VerifyAsync()).Divergence;
            await Db(db => db.LedgerNodes.Where(n => n.Level == level && n.Index == index).ExecuteUpdateAsync(u => u.SetProperty(n => n.Hash, saved)));
            return divergence;
        }

        // A leaf in the middle of the first batch.
        var payload = await Db(db => db.Events.Where(e => e.Sequence == 5000).Select(e => e.Payload).SingleAsync());
        await Db(db => db.Events.Where(e => e.Sequence == 5000).ExecuteUpdateAsync(u => u.SetProperty(e => e.Payload, payload.Replace("Committee", "Kommittee", StringComparison.Ordinal))));
        Assert.Contains("event 5000 (directory.institution-recorded, institution/", (await VerifyAsync()).Divergence);
        await Db(db => db.Events.Where(e => e.Sequence == 5000).ExecuteUpdateAsync(u => u.SetProperty(e => e.Payload, payload)));

        Assert.Contains("event 9000 (directory.institution-recorded", await WithNodeReplacedAsync(0, 9000));
        Assert.Contains("node (level 3, index 100) does not match", await WithNodeReplacedAsync(3, 100));
        Assert.Contains("node (level 13, index 1) does not match", await WithNodeReplacedAsync(13, 1));
        Assert.Contains("node (level 14, index 0) does not match", await WithNodeReplacedAsync(14, 0));

        var node = await Db(db => db.LedgerNodes.AsNoTracking().SingleAsync(n => n.Level == 1 && n.Index == 4500));
        await Db(db => db.LedgerNodes.Where(n => n.Level == 1 && n.Index == 4500).ExecuteDeleteAsync());
        Assert.Contains("node (level 1, index 4500) is missing", (await VerifyAsync()).Divergence);
        await Db(async db =>
        {
            db.LedgerNodes.Add(node);
            return await db.SaveChangesAsync();
        });

        // The last event of a batch missing: the batch is cut where it is full, and the gap is named.
        var boundary = await Db(db => db.Events.AsNoTracking().SingleAsync(e => e.Sequence == 8191));
        await Db(db => db.Events.Where(e => e.Sequence == 8191).ExecuteDeleteAsync());
        Assert.Contains("event 8191 is missing", (await VerifyAsync()).Divergence);
        await Db(async db =>
        {
            db.Events.Add(boundary);
            return await db.SaveChangesAsync();
        });

        // Restored, the whole store verifies — also in a process on Moscow time (SQLite gives instants back without a
        // kind; read as local time they once moved every leaf by three hours).
        string[] store = ["--data", server.Store.DataDirectory, .. server.Store.IsPostgres ? new[] { "--database", server.Store.PostgresConnection! } : []];
        var (code, output) = await ParleyProcess.RunWithAsync(ParleyProcess.Install("tz"), new Dictionary<string, string> { ["TZ"] = "Europe/Moscow" }, null, ["verify", .. store]);
        Assert.True(code == 0, output);
        Assert.Contains("the tree, signatures, consistency and projections all hold", output);

        // A committed rebuild (on SQLite its added rows go in by the replay's own prepared inserts, their generated keys
        // handed out by it) leaves the store as it was: the next ordinary write's rows take fresh keys, and all verifies.
        Assert.Null((await server.InScopeAsync(s => Rebuild.RunAsync(s.GetRequiredService<ParleyDb>(), null, default))).Divergence);
        await server.AddInstitutionAsync("Committee recorded after the rebuild");
        Assert.Null((await server.InScopeAsync(s => LedgerVerification.RunAsync(s.GetRequiredService<ParleyDb>(), s.GetRequiredService<LogKey>().Signer.Verifier, null, default))).Divergence);
    }
}
