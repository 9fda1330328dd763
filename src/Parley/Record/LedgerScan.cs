using System.Data;
using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Npgsql;
using Parley.Ledger;
using SQLitePCL;

namespace Parley.Record;

/// <summary>
/// The append-only rows streamed for `parley verify` with plain ADO.NET: materializing a million events through
/// EF Core was most of verify's time. Events arrive as their leaf input (0x00 ‖ canonical bytes) packed in one
/// buffer per batch, so they are hashed where they were written; nodes arrive as one window per level.
/// </summary>
internal static class LedgerScan
{
    /// <summary>A run of consecutive stored events as leaf inputs.</summary>
    internal sealed class EventBatch(long[] sequences, byte[] data, int[] offsets, int count)
    {
        public int Count => count;

        public long Sequence(int i) => sequences[i];

        public ReadOnlySpan<byte> LeafInput(int i) => data.AsSpan(offsets[i], offsets[i + 1] - offsets[i]);

        /// <summary>"type, stream" of an event, for the message that names one that does not match its leaf.</summary>
        public string Describe(int i)
        {
            try
            {
                var e = CanonicalEvent.Decode(LeafInput(i)[1..]);
                return $"{e.Type}, {e.Stream}";
            }
            catch (FormatException)
            {
                return "its row does not encode";
            }
        }
    }

    /// <summary>Lays out one batch: per event a 0x00 byte and room for its canonical bytes, in one growing buffer.</summary>
    private sealed class BatchBuilder(int capacity)
    {
        private long[] _sequences = new long[capacity];
        private int[] _offsets = new int[capacity + 1];
        private byte[] _data = new byte[capacity * 512];

        public int Count { get; private set; }

        /// <summary>The span for an event's canonical bytes (<paramref name="length"/> of them), after its 0x00.</summary>
        public Span<byte> Add(long sequence, int length)
        {
            var start = _offsets[Count];
            if (start + 1 + length > _data.Length)
                Array.Resize(ref _data, Math.Max(2 * _data.Length, start + 1 + length));
            _data[start] = 0x00;
            _sequences[Count] = sequence;
            _offsets[Count + 1] = start + 1 + length;
            Count++;
            return _data.AsSpan(start + 1, length);
        }

        /// <summary>
        /// Whether the batch ends with the event just added: at a multiple of the batch size, or when full, so that a store
        /// missing the event at a boundary does not overrun it (the gap is then named).
        /// </summary>
        public bool EndsWith(long sequence) => (sequence + 1) % capacity == 0 || Count == capacity;

        public EventBatch Take()
        {
            var batch = new EventBatch(_sequences, _data, _offsets, Count);
            (_sequences, _offsets, _data, Count) = (new long[capacity], new int[capacity + 1], new byte[_data.Length], 0);
            return batch;
        }
    }

    /// <summary>The stored nodes completed by leaves [from, to): per level, the hashes of one index range.</summary>
    internal sealed class NodeWindow
    {
        private readonly long[] _lo = new long[63];
        private readonly byte[]?[] _hashes = new byte[63][];
        private readonly bool[]?[] _present = new bool[63][];

        public NodeWindow(long from, long to)
        {
            for (var level = 0; level < 63 && (to >> level) > 0; level++)
            {
                // Node i of this level is completed by leaf (i+1)·2^level − 1.
                var (lo, hi) = (((from + (1L << level)) >> level) - 1, (to >> level) - 1);
                if (hi < lo)
                    continue;
                _lo[level] = lo;
                _hashes[level] = new byte[(hi - lo + 1) * MerkleHash.Size];
                _present[level] = new bool[hi - lo + 1];
            }
        }

        public IEnumerable<(int Level, long Lo, long Hi)> Ranges() =>
            Enumerable.Range(0, 63).Where(l => _present[l] is not null).Select(l => (l, _lo[l], _lo[l] + _present[l]!.Length - 1));

        /// <summary>Where a row read from the store goes, or an empty span when the window does not hold it.</summary>
        public Span<byte> Slot(int level, long index)
        {
            if (level is < 0 or >= 63 || _present[level] is not { } present || index < _lo[level] || index - _lo[level] >= present.Length)
                return [];
            present[index - _lo[level]] = true;
            return _hashes[level].AsSpan((int)(index - _lo[level]) * MerkleHash.Size, MerkleHash.Size);
        }

        public bool TryGet(NodeId id, out ReadOnlySpan<byte> hash)
        {
            hash = default;
            if (id.Level >= 63 || _present[id.Level] is not { } present || id.Index < _lo[id.Level]
                || id.Index - _lo[id.Level] >= present.Length || !present[id.Index - _lo[id.Level]])
                return false;
            hash = _hashes[id.Level].AsSpan((int)(id.Index - _lo[id.Level]) * MerkleHash.Size, MerkleHash.Size);
            return true;
        }
    }

    /// <summary>A second connection to the same store with the same credentials (Npgsql drops the password from the string it shows).</summary>
    public static DbConnection Another(DbConnection connection) => connection switch
    {
        NpgsqlConnection pg => pg.CloneWith(pg.ConnectionString),
        SqliteConnection sqlite => new SqliteConnection(sqlite.ConnectionString),
        _ => throw new NotSupportedException($"No second connection for {connection.GetType().Name}."),
    };

    /// <summary>
    /// Readies a connection for one sequential pass: on SQLite the file is memory-mapped, so pages are read without a
    /// system call and a copy each (the pass reads every event and node once).
    /// </summary>
    public static async Task PrepareAsync(DbConnection connection, CancellationToken ct)
    {
        if (connection is not SqliteConnection)
            return;
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA mmap_size = 2147418112";
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Where the batch that starts at <paramref name="start"/> ends: at the next multiple of the batch size, or the end.</summary>
    public static long BatchEnd(long start, long total, int batch) => Math.Min(total, ((start / batch) + 1) * batch);

    private const string EventsSql = "SELECT \"Sequence\", \"RecordedAt\", \"Type\", \"Actor\", \"Stream\", \"Payload\", \"Salt\" FROM events "
        + "WHERE \"Sequence\" >= @from AND \"Sequence\" < @to ORDER BY \"Sequence\"";

    /// <summary>Events [from, to) in sequence order, in batches that end where <see cref="BatchEnd"/> says.</summary>
    public static IAsyncEnumerable<EventBatch> EventsAsync(DbConnection connection, long from, long to, int batch, CancellationToken ct) =>
        connection is SqliteConnection sqlite ? SqliteEvents(sqlite, from, to, batch, ct).ToAsyncEnumerable() : AdoEvents(connection, from, to, batch, ct);

    private static async IAsyncEnumerable<EventBatch> AdoEvents(DbConnection connection, long from, long to, int batch,
        [EnumeratorCancellation] CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = EventsSql;
        LedgerNodes.AddParameter(command, "@from", from);
        LedgerNodes.AddParameter(command, "@to", to);
        await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess, ct);
        var builder = new BatchBuilder(batch);
        // The four texts' UTF-8 as the server sends it (GetBytes on a text column: no string decoded and encoded again).
        var texts = new byte[4096];
        var (starts, lengths, salt) = (new int[4], new int[4], new byte[CanonicalEvent.SaltSize]);
        while (await reader.ReadAsync(ct))
        {
            var sequence = reader.GetInt64(0);
            var micros = StoredEvent.ToMicroseconds(reader.GetDateTime(1));
            var used = 0;
            for (var i = 0; i < 4; i++)
            {
                lengths[i] = checked((int)reader.GetBytes(2 + i, 0, null, 0, 0));
                if (used + lengths[i] > texts.Length)
                    Array.Resize(ref texts, Math.Max(2 * texts.Length, used + lengths[i]));
                starts[i] = used;
                used += (int)reader.GetBytes(2 + i, 0, texts, used, lengths[i]);
            }
            var saltLength = reader.GetBytes(6, 0, null, 0, 0);
            var bytes = builder.Add(sequence, CanonicalEvent.EncodedLength(used));
            // A salt of another length cannot encode: the leaf input stays zero, so the leaf does not match and is named.
            if (saltLength == CanonicalEvent.SaltSize && reader.GetBytes(6, 0, salt, 0, salt.Length) == salt.Length)
                CanonicalEvent.EncodeTo(bytes, sequence, micros, Text(0), Text(1), Text(2), Text(3), salt);
            if (builder.EndsWith(sequence))
                yield return builder.Take();
        }
        if (builder.Count > 0)
            yield return builder.Take();

        ReadOnlySpan<byte> Text(int i) => texts.AsSpan(starts[i], lengths[i]);
    }

    /// <summary>
    /// SQLite through its own API (SQLitePCLRaw, under Microsoft.Data.Sqlite): the texts are copied from the page as the
    /// UTF-8 they are stored in, where ADO.NET would decode each into a string only for it to be encoded again.
    /// </summary>
    private static IEnumerable<EventBatch> SqliteEvents(SqliteConnection connection, long from, long to, int batch, CancellationToken ct)
    {
        using var statement = Prepare(connection, EventsSql.Replace("@from", "?1", StringComparison.Ordinal).Replace("@to", "?2", StringComparison.Ordinal));
        raw.sqlite3_bind_int64(statement, 1, from);
        raw.sqlite3_bind_int64(statement, 2, to);
        var builder = new BatchBuilder(batch);
        int step;
        while ((step = raw.sqlite3_step(statement)) == raw.SQLITE_ROW)
        {
            if (builder.EndsWith(Encode(statement, builder)))
            {
                ct.ThrowIfCancellationRequested();
                yield return builder.Take();
            }
        }
        if (step != raw.SQLITE_DONE)
            throw Failure(connection, step);
        if (builder.Count > 0)
            yield return builder.Take();
    }

    /// <summary>One row of <see cref="EventsSql"/>; its spans point into SQLite's page, valid until the next step.</summary>
    private static long Encode(sqlite3_stmt statement, BatchBuilder builder)
    {
        var sequence = raw.sqlite3_column_int64(statement, 0);
        var type = raw.sqlite3_column_blob(statement, 2);
        var actor = raw.sqlite3_column_blob(statement, 3);
        var stream = raw.sqlite3_column_blob(statement, 4);
        var payload = raw.sqlite3_column_blob(statement, 5);
        var salt = raw.sqlite3_column_blob(statement, 6);
        var bytes = builder.Add(sequence, CanonicalEvent.EncodedLength(type.Length + actor.Length + stream.Length + payload.Length));
        // A salt of another length, or a time that is not one, cannot encode: the leaf input stays zero and fails its leaf.
        if (salt.Length == CanonicalEvent.SaltSize && SqliteInstant.Microseconds(raw.sqlite3_column_blob(statement, 1)) is { } micros)
            CanonicalEvent.EncodeTo(bytes, sequence, micros, type, actor, stream, payload, salt);
        return sequence;
    }

    internal static sqlite3_stmt Prepare(SqliteConnection connection, string sql)
    {
        var code = raw.sqlite3_prepare_v2(connection.Handle, sql, out var statement);
        return code == raw.SQLITE_OK ? statement : throw Failure(connection, code);
    }

    internal static SqliteException Failure(SqliteConnection connection, int code) => new(raw.sqlite3_errmsg(connection.Handle).utf8_to_string(), code);

    /// <summary>Fills a window with the stored nodes it covers, per level one index range.</summary>
    public static Task<NodeWindow> NodesAsync(DbConnection connection, long from, long to, CancellationToken ct) =>
        connection is SqliteConnection sqlite ? Task.FromResult(SqliteNodes(sqlite, from, to)) : AdoNodesAsync(connection, from, to, ct);

    private static async Task<NodeWindow> AdoNodesAsync(DbConnection connection, long from, long to, CancellationToken ct)
    {
        var window = new NodeWindow(from, to);
        await using var command = connection.CreateCommand();
        var terms = new List<string>();
        foreach (var (level, lo, hi) in window.Ranges())
        {
            terms.Add($"(\"Level\" = {level} AND \"Index\" BETWEEN @lo{level} AND @hi{level})");
            LedgerNodes.AddParameter(command, $"@lo{level}", lo);
            LedgerNodes.AddParameter(command, $"@hi{level}", hi);
        }
        if (terms.Count == 0)
            return window;
        command.CommandText = $"SELECT \"Level\", \"Index\", \"Hash\" FROM ledger_nodes WHERE {string.Join(" OR ", terms)}";
        await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess, ct);
        var hash = new byte[MerkleHash.Size];
        while (await reader.ReadAsync(ct))
        {
            var slot = window.Slot(reader.GetInt32(0), reader.GetInt64(1));
            // A stored hash of another length never matches: it stays all zero bytes, which no SHA-256 gives.
            if (reader.GetBytes(2, 0, null, 0, 0) == MerkleHash.Size && reader.GetBytes(2, 0, hash, 0, MerkleHash.Size) == MerkleHash.Size)
                hash.CopyTo(slot);
        }
        return window;
    }

    /// <summary>One range scan of the primary key per level, the hashes copied from SQLite's page without an allocation each.</summary>
    private static NodeWindow SqliteNodes(SqliteConnection connection, long from, long to)
    {
        var window = new NodeWindow(from, to);
        using var statement = Prepare(connection, "SELECT \"Index\", \"Hash\" FROM ledger_nodes WHERE \"Level\" = ?1 AND \"Index\" BETWEEN ?2 AND ?3");
        foreach (var (level, lo, hi) in window.Ranges())
        {
            raw.sqlite3_reset(statement);
            raw.sqlite3_bind_int(statement, 1, level);
            raw.sqlite3_bind_int64(statement, 2, lo);
            raw.sqlite3_bind_int64(statement, 3, hi);
            int step;
            while ((step = raw.sqlite3_step(statement)) == raw.SQLITE_ROW)
            {
                var slot = window.Slot(level, raw.sqlite3_column_int64(statement, 0));
                if (raw.sqlite3_column_blob(statement, 1) is { Length: MerkleHash.Size } hash)
                    hash.CopyTo(slot);
            }
            if (step != raw.SQLITE_DONE)
                throw Failure(connection, step);
        }
        return window;
    }
}
