using System.IO.Compression;
using System.Text;
using System.Text.Json;

namespace Parley.Ledger;

/// <summary>
/// A self-contained export of a log: every entry's event (its canonical bytes, from which the leaf is made as the
/// manifest's leaf format says), every checkpoint note the log served (with cosignatures), and the verifier keys.
/// Verifying one needs only this library.
/// </summary>
public static class LedgerArchive
{
    public const string Format = "parley-ledger-archive/v1";

    /// <summary>The archive's header; an archive written before leaf formats had none and is of the canonical-bytes format.</summary>
    public sealed record Manifest(string Format, string Origin, long Size, DateTime ExportedAt, LeafFormat? LeafFormat = null);

    /// <summary>One entry: the event's canonical bytes (named leaf_data in archives written before leaf formats).</summary>
    public sealed record Entry(long Index, string? EventData, string? LeafData = null);
    public sealed record CheckpointEntry(long Size, string Note);
    public sealed record Report(long Entries, int Checkpoints, string? Divergence);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static async Task WriteAsync(Stream output, Manifest manifest, string logKey, IEnumerable<string> witnessKeys,
        IAsyncEnumerable<(long Index, byte[] EventData)> entries, IEnumerable<CheckpointEntry> checkpoints, CancellationToken ct)
    {
        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        await WriteTextAsync(zip, "manifest.json", JsonSerializer.Serialize(manifest, Json), ct);
        await WriteTextAsync(zip, "keys.txt", $"log {logKey}\n" + string.Concat(witnessKeys.Select(k => $"witness {k}\n")), ct);
        await WriteTextAsync(zip, "checkpoints.jsonl", string.Concat(checkpoints.Select(c => JsonSerializer.Serialize(c, Json) + "\n")), ct);
        await using var stream = await zip.CreateEntry("entries.jsonl", CompressionLevel.Fastest).OpenAsync(ct);
        await using var writer = new StreamWriter(stream, new UTF8Encoding(false));
        await foreach (var (index, data) in entries.WithCancellation(ct))
            await writer.WriteLineAsync(JsonSerializer.Serialize(new Entry(index, Convert.ToBase64String(data)), Json));
    }

    private static byte[]? Decode(string? base64)
    {
        try
        {
            return base64 is null ? null : Convert.FromBase64String(base64);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>
    /// Recomputes the tree from the entries and checks every checkpoint: its root, its signature by the log
    /// key (the archive's own, or <paramref name="trustedLogKey"/> when given, which must then match), and
    /// any witness cosignatures. All checkpoints are roots of one recomputed tree, so each is consistent with
    /// every earlier one. Returns the first divergence, named precisely, or none.
    /// </summary>
    public static async Task<Report> VerifyAsync(Stream input, string? trustedLogKey, IProgress<long>? progress, CancellationToken ct)
    {
        using var zip = new ZipArchive(input, ZipArchiveMode.Read, leaveOpen: true);
        var manifest = JsonSerializer.Deserialize<Manifest>(await ReadTextAsync(zip, "manifest.json", ct), Json)!;
        if (manifest.Format != Format)
            return new Report(0, 0, $"manifest.json: format '{manifest.Format}' is not {Format}.");
        var keyLines = (await ReadTextAsync(zip, "keys.txt", ct)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var logKey = NoteVerifier.Parse(keyLines.First(l => l.StartsWith("log ", StringComparison.Ordinal))[4..]);
        if (trustedLogKey is not null && NoteVerifier.Parse(trustedLogKey).VerifierKey != logKey.VerifierKey)
            return new Report(0, 0, $"keys.txt: the archive's log key {logKey.VerifierKey} is not the trusted key.");
        var witnesses = keyLines.Where(l => l.StartsWith("witness ", StringComparison.Ordinal)).Select(l => NoteVerifier.Parse(l[8..])).ToList();
        var checkpoints = (await ReadTextAsync(zip, "checkpoints.jsonl", ct)).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => JsonSerializer.Deserialize<CheckpointEntry>(l, Json)!).OrderBy(c => c.Size).ToList();
        var bySize = new Dictionary<long, Checkpoint>();
        foreach (var c in checkpoints)
        {
            if (CheckNote(c, logKey, witnesses, manifest.Origin) is { } bad)
                return new Report(0, checkpoints.Count, bad);
            bySize[c.Size] = Checkpoint.Parse(SignedNote.Parse(c.Note).Text);
        }
        var format = manifest.LeafFormat ?? LeafFormat.CanonicalEvent;
        if (!Enum.IsDefined(format))
            return new Report(0, checkpoints.Count, $"manifest.json: leaf format {(int)format} is not one this verifier knows.");
        var tree = CompactRange.Empty();
        if (bySize.TryGetValue(0, out var empty) && !empty.Root.AsSpan().SequenceEqual(MerkleHash.Empty()))
            return new Report(0, checkpoints.Count, "checkpoint of size 0: its root is not the empty tree's.");
        await using var stream = await zip.GetEntry("entries.jsonl")!.OpenAsync(ct);
        using var reader = new StreamReader(stream);
        var line = 0L;
        while (await reader.ReadLineAsync(ct) is { } text)
        {
            line++;
            var entry = JsonSerializer.Deserialize<Entry>(text, Json)!;
            if (entry.Index != tree.Size)
                return new Report(tree.Size, checkpoints.Count, $"entries.jsonl line {line}: index {entry.Index} where {tree.Size} was expected (an entry is missing, extra or out of order).");
            if (Decode(entry.EventData ?? entry.LeafData) is not { } data)
                return new Report(tree.Size, checkpoints.Count, $"entries.jsonl line {line}: entry {entry.Index} has no event_data in base64.");
            CanonicalEvent decoded;
            try
            {
                decoded = CanonicalEvent.Decode(data);
            }
            catch (FormatException e)
            {
                return new Report(tree.Size, checkpoints.Count, $"entry {entry.Index}: the leaf data is not an event ({e.Message}).");
            }
            if (decoded.Sequence != entry.Index)
                return new Report(tree.Size, checkpoints.Count, $"entry {entry.Index}: the event inside says it is number {decoded.Sequence}.");
            tree.Append(LeafData.LeafHash(format, data));
            if (bySize.TryGetValue(tree.Size, out var checkpoint) && !checkpoint.Root.AsSpan().SequenceEqual(tree.Root()))
                return new Report(tree.Size, checkpoints.Count, $"checkpoint of size {tree.Size}: its root does not match the tree recomputed from the entries.");
            if (tree.Size % 100_000 == 0)
                progress?.Report(tree.Size);
        }
        if (checkpoints.Count > 0 && checkpoints[^1].Size > tree.Size)
            return new Report(tree.Size, checkpoints.Count, $"checkpoint of size {checkpoints[^1].Size}: the archive holds only {tree.Size} entries.");
        return tree.Size != manifest.Size
            ? new Report(tree.Size, checkpoints.Count, $"manifest.json says {manifest.Size} entries; the archive holds {tree.Size}.")
            : new Report(tree.Size, checkpoints.Count, null);
    }

    private static string? CheckNote(CheckpointEntry c, NoteVerifier logKey, List<NoteVerifier> witnesses, string origin)
    {
        try
        {
            var note = SignedNote.Parse(c.Note);
            var checkpoint = Checkpoint.Parse(note.Text);
            if (checkpoint.Size != c.Size || checkpoint.Origin != origin)
                return $"checkpoint of size {c.Size}: its text names origin {checkpoint.Origin}, size {checkpoint.Size}.";
            if (!note.Verify([logKey, .. witnesses]).Contains(logKey))
                return $"checkpoint of size {c.Size}: not signed by the log key {logKey.Name}.";
            return null;
        }
        catch (FormatException e)
        {
            return $"checkpoint of size {c.Size}: {e.Message}";
        }
    }

    private static async Task WriteTextAsync(ZipArchive zip, string name, string text, CancellationToken ct)
    {
        await using var stream = await zip.CreateEntry(name).OpenAsync(ct);
        await stream.WriteAsync(Encoding.UTF8.GetBytes(text), ct);
    }

    private static async Task<string> ReadTextAsync(ZipArchive zip, string name, CancellationToken ct)
    {
        var entry = zip.GetEntry(name) ?? throw new FormatException($"The archive has no {name}.");
        await using var stream = await entry.OpenAsync(ct);
        using var reader = new StreamReader(stream);
        return await reader.ReadToEndAsync(ct);
    }
}
