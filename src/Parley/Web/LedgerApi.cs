using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Parley.Access;
using Parley.Ledger;
using Parley.Record;

namespace Parley.Web;

/// <summary>
/// The ledger over HTTP. Checkpoints, keys, proofs and leaf hashes are public: they reveal only hashes
/// (every leaf is salted). Entries, which carry event contents, need a signed-in user who may see them.
/// </summary>
public static class LedgerApi
{
    public const int MaxPage = 1000;

    private const string Text = "text/plain";

    public static void MapLedgerApi(this IEndpointRouteBuilder app)
    {
        var open = app.MapGroup("/ledger").WithTags("Ledger").AllowAnonymous();
        open.MapGet("/checkpoint", async (Checkpoints checkpoints, HttpResponse response, long? size, CancellationToken ct) =>
        {
            // tlog-tiles: the checkpoint is mutable (and cosignatures arrive on old ones), so caches keep it seconds only.
            response.Headers.CacheControl = "public, max-age=2";
            if (size is not { } wanted)
                return Results.Text((await checkpoints.CurrentAsync(ct)).Note, "text/plain; charset=utf-8");
            return await checkpoints.AtSizeAsync(wanted, ct) is { } note
                ? Results.Text(note, "text/plain; charset=utf-8")
                : new DomainError("size", $"The log signed no checkpoint of size {wanted}; the current one is at /ledger/checkpoint.", ErrorKind.NotFound).ToProblem();
        }).Produces<string>(200, Text).WithSummary("The current signed checkpoint (C2SP tlog-checkpoint in a signed note), or with ?size=N the one signed for that size, with its cosignatures");
        open.MapGet("/tile/{**path}", TileAsync).Produces<byte[]>(200, "application/octet-stream")
            .WithSummary("C2SP tlog-tiles: Merkle tree tiles /ledger/tile/<L>/<N>[.p/<W>] and entry bundles /ledger/tile/entries/<N>[.p/<W>] (each entry a salted event's SHA-256); this prefix's checkpoint is /ledger/checkpoint");
        open.MapGet("/key", (LogKey key) => Results.Text(key.VerifierKey + "\n", "text/plain; charset=utf-8")).Produces<string>(200, Text)
            .WithSummary("The log's verifier key (name+keyid+base64 key)");
        open.MapGet("/proof/inclusion", InclusionAsync).Produces<InclusionProof>().WithSummary("RFC 9162 inclusion proof for a leaf index (or leaf_hash) in a tree size");
        open.MapGet("/proof/consistency", ConsistencyAsync).Produces<ConsistencyProof>().WithSummary("RFC 9162 consistency proof between two tree sizes");
        open.MapGet("/leaf-hashes", async (ParleyDb db, long start, long end, CancellationToken ct) =>
        {
            if (Range(start, end, await LedgerNodes.SizeAsync(db, ct)) is { } bad)
                return bad.ToProblem();
            var hashes = await db.LedgerNodes.AsNoTracking().Where(n => n.Level == 0 && n.Index >= start && n.Index < end)
                .OrderBy(n => n.Index).Select(n => n.Hash).ToListAsync(ct);
            return Results.Json(hashes.Select(Convert.ToBase64String));
        }).Produces<string[]>().WithSummary($"Leaf hashes for indices [start, end), at most {MaxPage}");
        open.MapPost("/cosignature", async (Checkpoints checkpoints, HttpRequest request, CancellationToken ct) =>
        {
            using var reader = new StreamReader(request.Body);
            var note = await reader.ReadToEndAsync(ct);
            return (await checkpoints.AddCosignatureAsync(note, ct)).ToHttp(size => Results.Ok(new Cosigned(size)));
        }).Accepts<string>(Text).Produces<Cosigned>().WithSummary("A configured witness posts the checkpoint note with its signature line");

        open.MapGet("/witness-key", (WitnessKey key) => Results.Text(key.Verifier.VerifierKey + "\n", "text/plain; charset=utf-8")).Produces<string>(200, Text)
            .WithSummary("This node's verifier key as a witness (cosignature/v1, type 0x04)");
        app.MapPost("/add-checkpoint", async (ParleyDb db, WitnessKey key, TimeProvider clock, HttpRequest request, CancellationToken ct) =>
        {
            using var reader = new StreamReader(request.Body);
            return await AddCheckpoint.HandleAsync(db, key, clock, await reader.ReadToEndAsync(ct), ct) switch
            {
                WitnessAnswer.Cosigned c => Results.Text(c.Lines, "text/plain; charset=utf-8"),
                WitnessAnswer.Behind b => Results.Text($"{b.Size}\n", "text/x.tlog.size", statusCode: StatusCodes.Status409Conflict),
                WitnessAnswer.Refused r => Results.Problem(r.Reason, statusCode: r.Status, extensions: new Dictionary<string, object?> { ["field"] = "body" }),
                _ => throw new InvalidOperationException("An answer the witness does not give."),
            };
        }).AllowAnonymous().WithTags("Ledger").Accepts<string>(Text)
            .Produces<string>(200, Text).Produces<string>(409, "text/x.tlog.size")
            .WithSummary("C2SP tlog-witness add-checkpoint: old size, consistency proof lines, an empty line, then the checkpoint; answers cosignature/v1 lines");

        app.MapGet("/ledger/tlog-proof/{index:long}", TlogProofAsync).WithTags("Ledger").RequireAuthorization().Produces<string>(200, Text)
            .WithSummary("A C2SP tlog-proof file for an entry one may see: the event's canonical bytes, its inclusion proof and the cosigned checkpoint");
        app.MapGet("/ledger/entries", EntriesAsync).WithTags("Ledger").RequireAuthorization().Produces<LedgerEntry[]>()
            .WithSummary("Entries with leaf data (leaf_format 2: the SHA-256 of event_data; 1: event_data itself), the event's canonical bytes and the decoded event; an auditor sees all, others only records they may see");
    }

    /// <summary>
    /// A tile: the hashes of the perfect subtrees of height 8·L at indices 256·N … 256·N + W − 1, read in one query
    /// from the stored nodes; or an entry bundle: entries 256·N … as the spec's uint16-length-prefixed leaf data. A full
    /// tile never changes (cached for a year); a partial one is served while the tree holds it, briefly cached. Entry
    /// bundles are served by a log of the digest leaf format only: there an entry is a salted event's SHA-256, while in
    /// an older log it is the event's canonical bytes, contents included, which the public ledger never shows.
    /// </summary>
    private static async Task<IResult> TileAsync(ParleyDb db, HttpResponse response, string path, CancellationToken ct)
    {
        if (TilePath.Parse(path) is not { } tile)
            return new DomainError("path", $"'{path}' is not a tile path: <L>/<N>[.p/<W>] or entries/<N>[.p/<W>], N as zero-padded 3-digit elements with all but the last prefixed by x (e.g. 0/x001/234).", ErrorKind.NotFound).ToProblem();
        var size = await LedgerNodes.SizeAsync(db, ct);
        var width = tile.Width ?? TilePath.Width256;
        var start = tile.Index * TilePath.Width256;
        // How many hashes at height 8·L the tree holds: floor(size / 256^L); entries are level 0's.
        var level = tile.Level ?? 0;
        var available = level * 8 >= 63 ? 0 : size >> (level * 8);
        if (start + width > available)
            return new DomainError("path", $"The tree (size {size}) does not hold {tile}.", ErrorKind.NotFound).ToProblem();
        byte[] body;
        if (tile.Level is null)
        {
            if (await LogFormats.OfAsync(db, ct) != LeafFormat.EventDigest)
                return new DomainError("path", "This log's entries are its events' canonical bytes (it was created before the digest leaf format), so it serves no entry bundles; tiles at level 0 carry its leaf hashes.", ErrorKind.NotFound).ToProblem();
            var events = await db.Events.AsNoTracking().Where(e => e.Sequence >= start && e.Sequence < start + width).OrderBy(e => e.Sequence).ToListAsync(ct);
            body = new byte[events.Count * (2 + MerkleHash.Size)];
            for (var i = 0; i < events.Count; i++)
            {
                System.Buffers.Binary.BinaryPrimitives.WriteUInt16BigEndian(body.AsSpan(i * (2 + MerkleHash.Size)), MerkleHash.Size);
                LeafData.Of(LeafFormat.EventDigest, events[i].ToCanonical().Encode()).CopyTo(body, (i * (2 + MerkleHash.Size)) + 2);
            }
        }
        else
        {
            body = await LedgerNodes.TileAsync(db, level * 8, start, width, ct);
        }
        response.Headers.CacheControl = tile.Width is null ? "public, max-age=31536000, immutable" : "public, max-age=60";
        return Results.Bytes(body, "application/octet-stream");
    }

    /// <summary>Which checkpoint a proof of size <paramref name="size"/> is against, and whether it meets the node's witness policy and carries every peer's cosignature (null when nothing is required, or when no checkpoint of that size was signed).</summary>
    private static async Task<(string? Checkpoint, bool? Witnessed)> AgainstAsync(Checkpoints checkpoints, Witnessing witnessing, long size, CancellationToken ct) =>
        await checkpoints.AtSizeAsync(size, ct) is { } note ? ($"/ledger/checkpoint?size={size}", await witnessing.WitnessedAsync(note, ct)) : (null, null);

    private static async Task<IResult> InclusionAsync(ParleyDb db, Checkpoints checkpoints, Witnessing witnessing, long? index, string? leaf_hash, long size, CancellationToken ct)
    {
        var current = await LedgerNodes.SizeAsync(db, ct);
        if (size < 1 || size > current)
            return new DomainError("size", $"The size must be between 1 and the tree's current size {current}.").ToProblem();
        if (index is null && leaf_hash is not null)
        {
            byte[] hash;
            try
            {
                hash = Convert.FromBase64String(leaf_hash);
            }
            catch (FormatException)
            {
                return new DomainError("leaf_hash", "The leaf hash must be base64.").ToProblem();
            }
            index = await db.LedgerNodes.Where(n => n.Level == 0 && n.Hash == hash && n.Index < size)
                .Select(n => (long?)n.Index).FirstOrDefaultAsync(ct);
            if (index is null)
                return new DomainError("leaf_hash", $"No leaf with that hash in the first {size} entries.", ErrorKind.NotFound).ToProblem();
        }
        if (index is not { } i || i < 0 || i >= size)
            return new DomainError("index", $"Give index (0 to {size - 1}) or leaf_hash.").ToProblem();
        var (leaf, proof) = await LedgerNodes.InclusionAsync(db, i, size, ct);
        var (checkpoint, witnessed) = await AgainstAsync(checkpoints, witnessing, size, ct);
        return Results.Json(new InclusionProof(i, size, Convert.ToBase64String(leaf), proof.Select(Convert.ToBase64String).ToList(), checkpoint, witnessed));
    }

    private static async Task<IResult> ConsistencyAsync(ParleyDb db, Checkpoints checkpoints, Witnessing witnessing, long from, long to, CancellationToken ct)
    {
        var current = await LedgerNodes.SizeAsync(db, ct);
        if (from < 1 || from > to || to > current)
            return new DomainError("from", $"Need 1 ≤ from ≤ to ≤ {current} (the tree's current size).").ToProblem();
        var proof = await LedgerNodes.ResolveAsync(db, TreeMath.ConsistencyPath(from, to), ct);
        var (checkpoint, witnessed) = await AgainstAsync(checkpoints, witnessing, to, ct);
        return Results.Json(new ConsistencyProof(from, to, proof.Select(Convert.ToBase64String).ToList(), checkpoint, witnessed));
    }

    /// <summary>A proof the user keeps: verifiable offline with `parley verify-proof` and nothing but src/Parley.Ledger.</summary>
    private static async Task<IResult> TlogProofAsync(ParleyDb db, Checkpoints checkpoints, Actor actor, long index, CancellationToken ct)
    {
        // The same answer for an entry one may not see as for one that does not exist.
        if (await EntryProof.BuildAsync(db, checkpoints, index, ct) is not { } built || !RecordVisibility.CanSee(actor, built.Stream))
            return new DomainError("index", $"No entry {index} that you may see.", ErrorKind.NotFound).ToProblem();
        return Results.File(System.Text.Encoding.UTF8.GetBytes(built.Proof.ToString()), "text/plain; charset=utf-8", EntryProof.FileName(index));
    }

    private static async Task<IResult> EntriesAsync(ParleyDb db, Actor actor, long start, long end, CancellationToken ct)
    {
        if (Range(start, end, await LedgerNodes.SizeAsync(db, ct)) is { } bad)
            return bad.ToProblem();
        var events = await db.Events.AsNoTracking().Where(e => e.Sequence >= start && e.Sequence < end).OrderBy(e => e.Sequence).ToListAsync(ct);
        var format = await LogFormats.OfAsync(db, ct);
        var visible = events.Where(e => RecordVisibility.CanSee(actor, e.Stream)).Select(e =>
        {
            var canonical = e.ToCanonical().Encode();
            return new LedgerEntry(e.Sequence, (int)format, Convert.ToBase64String(LeafData.Of(format, canonical)), Convert.ToBase64String(canonical),
                new LedgerEvent(e.Type, e.RecordedAt, e.Actor, e.Stream, JsonDocument.Parse(e.Payload).RootElement));
        });
        return Results.Json(visible);
    }

    private static DomainError? Range(long start, long end, long size) =>
        start < 0 || end <= start || end > size ? new DomainError("start", $"Need 0 ≤ start < end ≤ {size} (the tree's current size).")
        : end - start > MaxPage ? new DomainError("end", $"At most {MaxPage} entries per request.")
        : null;
}

/// <summary>An RFC 9162 inclusion proof (base64 hashes), and the checkpoint of its size where the log signed one.</summary>
public sealed record InclusionProof(
    long Index, long Size, [property: JsonPropertyName("leaf_hash")] string LeafHash, IReadOnlyList<string> Proof, string? Checkpoint, bool? Witnessed);

/// <summary>An RFC 9162 consistency proof between two sizes.</summary>
public sealed record ConsistencyProof(long From, long To, IReadOnlyList<string> Proof, string? Checkpoint, bool? Witnessed);

/// <summary>The size of the checkpoint a witness's cosignature was added to.</summary>
public sealed record Cosigned(long Size);

/// <summary>A log entry: its leaf data as the tiles carry it, the event's canonical bytes, and the event decoded.</summary>
public sealed record LedgerEntry(
    long Index, [property: JsonPropertyName("leaf_format")] int LeafFormat, [property: JsonPropertyName("leaf_data")] string LeafData,
    [property: JsonPropertyName("event_data")] string EventData, LedgerEvent Event);

public sealed record LedgerEvent(string Type, DateTime RecordedAt, string Actor, string Stream, JsonElement Payload);
