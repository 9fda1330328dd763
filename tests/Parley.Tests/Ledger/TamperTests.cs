using Microsoft.EntityFrameworkCore;
using Parley.Access;
using Parley.Ledger;
using Parley.Record;
using Parley.Tests.Infrastructure;

namespace Parley.Tests.LedgerSlice;

/// <summary>Every kind of quiet change to the store is found by `parley verify` and named.</summary>
public sealed class TamperTests
{
    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var provider in new[] { "sqlite", "postgres" })
        {
            foreach (var tamper in Tampers.Keys)
                data.Add(provider, tamper);
        }
        return data;
    }

    private static readonly Dictionary<string, (Func<ParleyDb, Task> Act, string Named)> Tampers = new()
    {
        ["edit an event"] = (db => db.Database.ExecuteSqlRawAsync("UPDATE events SET \"Payload\" = REPLACE(\"Payload\", 'Body 2', 'Body X') WHERE \"Sequence\" = 2"), "event 2"),
        ["delete an event"] = (db => db.Database.ExecuteSqlRawAsync("DELETE FROM events WHERE \"Sequence\" = 3"), "event 3 is missing"),
        ["insert an event"] = (async db =>
        {
            db.Events.Add(new StoredEvent { Sequence = 9, Type = "directory.country-recorded", Actor = "mallory", Stream = "country/XX", RecordedAt = DateTime.UtcNow, Payload = "{}", Salt = new byte[32] });
            await db.SaveChangesAsync();
        }, "node (level 0, index 9) is missing"),
        ["reorder two events"] = (async db =>
        {
            var (a, b) = (await db.Events.SingleAsync(e => e.Sequence == 4), await db.Events.SingleAsync(e => e.Sequence == 5));
            (a.Payload, b.Payload, a.Stream, b.Stream, a.Salt, b.Salt) = (b.Payload, a.Payload, b.Stream, a.Stream, b.Salt, a.Salt);
            await db.SaveChangesAsync();
        }, "event 4"),
        ["replace a stored leaf"] = (db => db.Database.ExecuteSqlRawAsync(
            "UPDATE ledger_nodes SET \"Hash\" = (SELECT n.\"Hash\" FROM ledger_nodes n WHERE n.\"Level\" = 0 AND n.\"Index\" = 0) WHERE \"Level\" = 0 AND \"Index\" = 6"), "event 6"),
        ["replace an interior node"] = (db => db.Database.ExecuteSqlRawAsync(
            "UPDATE ledger_nodes SET \"Hash\" = (SELECT n.\"Hash\" FROM ledger_nodes n WHERE n.\"Level\" = 0 AND n.\"Index\" = 0) WHERE \"Level\" = 2 AND \"Index\" = 0"), "node (level 2, index 0)"),
        ["insert a ledger node"] = (async db =>
        {
            db.LedgerNodes.Add(new LedgerNode { Level = 5, Index = 7, Hash = MerkleHash.Leaf([7]) });
            await db.SaveChangesAsync();
        }, "ledger_nodes holds"),
        ["delete an interior node"] = (db => db.Database.ExecuteSqlRawAsync("DELETE FROM ledger_nodes WHERE \"Level\" = 1 AND \"Index\" = 1"), "node (level 1, index 1) is missing"),
        ["flip a byte of a checkpoint"] = (async db =>
        {
            var c = await db.Checkpoints.SingleAsync(x => x.Size == 9);
            c.Note = c.Note.Replace("\n9\n", "\n8\n", StringComparison.Ordinal);
            await db.SaveChangesAsync();
        }, "checkpoint of size 9"),
        ["change a checkpoint's root"] = (async db =>
        {
            var c = await db.Checkpoints.SingleAsync(x => x.Size == 4);
            c.Root = MerkleHash.Leaf([1]);
            await db.SaveChangesAsync();
        }, "checkpoint of size 4"),
        ["edit a projection row"] = (db => db.Database.ExecuteSqlRawAsync("UPDATE institutions SET \"Name\" = 'Quietly renamed' WHERE \"Name\" = 'Body 1'"), "projections: table institutions"),
        ["insert a projection row"] = (async db =>
        {
            db.Countries.Add(new Parley.Directory.Country { Code = "ZZ", NameEn = "Nowhere", NameRu = "Нигде" });
            await db.SaveChangesAsync();
        }, "projections: table countries"),
        ["delete a projection row"] = (db => db.Database.ExecuteSqlRawAsync("DELETE FROM accounts"), "projections: table accounts"),
        ["edit a row an institution owns"] = (db => db.Database.ExecuteSqlRawAsync("UPDATE institution_names SET \"Value\" = 'Body Y' WHERE \"Value\" = 'Body 3'"), "projections: table institutions"),
        // The same name twice: every row the events give is still there, so only counting the rows finds it.
        ["duplicate a row an institution owns"] = (db => db.Database.ExecuteSqlRawAsync(
            "INSERT INTO institution_names (\"InstitutionId\", \"Value\", \"Folded\", \"Lang\", \"Kind\") SELECT \"InstitutionId\", \"Value\", \"Folded\", \"Lang\", \"Kind\" FROM institution_names WHERE \"Value\" = 'Body 5'"),
            "projections: table institutions"),
    };

    private static async Task<ParleyServer> StoreWithHistoryAsync(string provider)
    {
        var server = await ParleyServer.StartAsync(provider);
        for (var i = 0; i < 4; i++)
            await server.AddInstitutionAsync($"Body {i}");
        await server.InScopeAsync(s => s.GetRequiredService<Checkpoints>().CurrentAsync(default));
        for (var i = 4; i < 7; i++)
            await server.AddInstitutionAsync($"Body {i}");
        await server.AddUserAsync(Role.Staff, await server.AddInstitutionAsync("Staff office"));
        await server.InScopeAsync(s => s.GetRequiredService<Checkpoints>().CurrentAsync(default));
        return server;
    }

    private static Task<LedgerVerification.Report> VerifyAsync(ParleyServer server, NoteVerifier? key = null) =>
        server.InScopeAsync(s => LedgerVerification.RunAsync(s.GetRequiredService<ParleyDb>(),
            key ?? s.GetRequiredService<LogKey>().Signer.Verifier, null, default));

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Verify_finds_and_names_every_tampering(string provider, string tamper)
    {
        await using var server = await StoreWithHistoryAsync(provider);
        var clean = await VerifyAsync(server);
        Assert.Null(clean.Divergence);
        Assert.Equal(2, clean.Checkpoints);

        await server.InScopeAsync(async s =>
        {
            await Tampers[tamper].Act(s.GetRequiredService<ParleyDb>());
            return 0;
        });
        var report = await VerifyAsync(server);
        Assert.NotNull(report.Divergence);
        Assert.Contains(Tampers[tamper].Named, report.Divergence);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_swapped_signing_key_is_detected(string provider)
    {
        await using var server = await StoreWithHistoryAsync(provider);
        using var other = NoteSigner.Generate(server.Services.GetRequiredService<LogKey>().Origin);
        var report = await VerifyAsync(server, other.Verifier);
        Assert.Contains("checkpoint of size", report.Divergence);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task An_exported_archive_verifies_offline_and_any_change_to_it_is_found(string provider)
    {
        await using var server = await StoreWithHistoryAsync(provider);
        var archive = new MemoryStream();
        await server.InScopeAsync(s => LedgerExport.WriteArchiveAsync(s.GetRequiredService<ParleyDb>(),
            s.GetRequiredService<Checkpoints>(), s.GetRequiredService<LogKey>(), archive, default));
        var key = server.Services.GetRequiredService<LogKey>().VerifierKey;

        archive.Position = 0;
        var report = await LedgerArchive.VerifyAsync(archive, key, null, default);
        Assert.Null(report.Divergence);
        Assert.Equal(9, report.Entries);

        using var stranger = NoteSigner.Generate("someone.else");
        archive.Position = 0;
        Assert.Contains("not the trusted key", (await LedgerArchive.VerifyAsync(archive, stranger.Verifier.VerifierKey, null, default)).Divergence);

        var altered = await FlipByteOfEntryAsync(archive, 2);
        Assert.Contains("checkpoint of size", (await LedgerArchive.VerifyAsync(altered, null, null, default)).Divergence);
    }

    private static async Task<MemoryStream> FlipByteOfEntryAsync(MemoryStream archive, int index)
    {
        var copy = new MemoryStream(archive.ToArray());
        using (var zip = new System.IO.Compression.ZipArchive(copy, System.IO.Compression.ZipArchiveMode.Update, leaveOpen: true))
        {
            var entry = zip.GetEntry("entries.jsonl")!;
            string text;
            using (var reader = new StreamReader(await entry.OpenAsync()))
                text = await reader.ReadToEndAsync();
            var lines = text.Split('\n');
            var data = System.Text.Json.JsonDocument.Parse(lines[index]).RootElement.GetProperty("event_data").GetString()!;
            var bytes = Convert.FromBase64String(data);
            bytes[^40] ^= 0x01;
            lines[index] = System.Text.Json.JsonSerializer.Serialize(new { index, event_data = Convert.ToBase64String(bytes) });
            entry.Delete();
            await using var writer = new StreamWriter(await zip.CreateEntry("entries.jsonl").OpenAsync());
            await writer.WriteAsync(string.Join('\n', lines));
        }
        copy.Position = 0;
        return copy;
    }
}
