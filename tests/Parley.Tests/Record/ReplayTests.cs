using Microsoft.EntityFrameworkCore;
using Parley.Directory;
using Parley.Record;
using Parley.Tests.Infrastructure;

namespace Parley.Tests.Record;

/// <summary>
/// The projection replay over batches of three kinds: only new rows (written by the replay's own inserts on SQLite), new
/// rows mixed with changes to rows an earlier batch wrote (new rows by those inserts, the changes by SaveChanges, whose
/// generated keys the replay must not hand out again), and new rows again. Verify's replay leaves the stored projections
/// exactly as they were; a committed rebuild leaves them equal to the events and the store writable.
/// </summary>
public sealed class ReplayTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_replay_of_new_and_changed_rows_writes_each_row_once_and_verify_leaves_the_projections_untouched(string provider)
    {
        await using var server = await ParleyServer.StartAsync(provider);
        var first = new List<Guid>();
        await RecordAsync(server, 2500, i => (Guid.CreateVersion7(), $"Committee {i}"), first);
        // Half renames of committees the first replay batch wrote (their owned names and identifiers replaced), half new.
        await RecordAsync(server, 1000, i => i % 2 == 0 ? (first[i], $"Committee {i}, renamed") : (Guid.CreateVersion7(), $"Committee {2500 + i}"), null);
        await RecordAsync(server, 3000, i => (Guid.CreateVersion7(), $"Committee {3500 + i}"), null);

        Task<T> Db<T>(Func<ParleyDb, Task<T>> work) => server.InScopeAsync(s => work(s.GetRequiredService<ParleyDb>()));
        Task<List<string>> NamesAsync() => Db(db => db.Database
            .SqlQueryRaw<string>("SELECT CAST(\"Id\" AS TEXT) || ' ' || \"InstitutionId\" || ' ' || \"Value\" AS \"Value\" FROM institution_names ORDER BY \"Id\"")
            .ToListAsync());
        var before = await NamesAsync();
        Assert.Equal(6000, before.Count);
        Assert.Equal(500, before.Count(n => n.EndsWith(", renamed", StringComparison.Ordinal)));

        var verified = await Db(db => Rebuild.RunAsync(db, null, default, commit: false));
        Assert.Null(verified.Divergence);
        Assert.True(verified.Events >= 6500, $"{verified.Events} events");
        // Not rewritten, not even renumbered: verify's replay went into copies of the tables.
        Assert.Equal(before, await NamesAsync());

        var rebuilt = await Db(db => Rebuild.RunAsync(db, null, default));
        Assert.Null(rebuilt.Divergence);
        var after = await NamesAsync();
        Assert.Equal(6000, after.Count);
        Assert.Equal(6000, after.Select(n => n.Split(' ')[0]).Distinct().Count());
        Assert.Equal(before.Select(n => n[(n.IndexOf(' ', StringComparison.Ordinal) + 1)..]).Order(StringComparer.Ordinal),
            after.Select(n => n[(n.IndexOf(' ', StringComparison.Ordinal) + 1)..]).Order(StringComparer.Ordinal));

        await server.AddInstitutionAsync("Committee recorded after the rebuild");
        Assert.Null((await Db(db => Rebuild.RunAsync(db, null, default, commit: false))).Divergence);
    }

    private static async Task RecordAsync(ParleyServer server, int count, Func<int, (Guid Id, string Name)> institution, List<Guid>? ids)
    {
        for (var done = 0; done < count; done += 500)
        {
            await server.WriteAsync(async s =>
            {
                for (var i = done; i < Math.Min(done + 500, count); i++)
                {
                    var (id, name) = institution(i);
                    ids?.Add(id);
                    await s.RecordAsync(new InstitutionRecorded(id, InstitutionKind.Committee, null, null,
                        [new NameEntry(name, "en")], [new Identifier("test", name)]), default);
                }
                return Result<int>.Ok(count);
            });
        }
    }
}
