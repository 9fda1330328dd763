using System.Buffers.Binary;
using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Parley.Ledger;
using SQLitePCL;

namespace Parley.Record;

/// <summary>
/// Empty copies of the projection tables in the session's temporary schema, for verify's replay. Both databases look an
/// unqualified name up there first, so for this one transaction every projection query and write (EF Core's and the
/// replay's own) lands in the copies while the stored tables stay as they are: nothing to clear, nothing to restore.
/// The replayed and stored tables are then compared in the database's own rows, as multisets: each row's columns are
/// hashed with a key drawn for this run, and the 128-bit sums of the hashes and the row counts must agree (a row that
/// differs changes its table's sum; without the key, no altered set of rows can be made to sum the same).
/// </summary>
internal sealed class ProjectionShadow : IAsyncDisposable
{
    private readonly ParleyDb _db;
    private readonly IDbContextTransaction _transaction;
    private readonly List<Table> _tables = [];
    private string _storedSchema = "main";

    private sealed record Table(string Name, IReadOnlyList<string> Columns);

    private ProjectionShadow(ParleyDb db, IDbContextTransaction transaction) => (_db, _transaction) = (db, transaction);

    private bool Sqlite => _db.Database.GetDbConnection() is SqliteConnection;

    private string ShadowSchema => Sqlite ? "temp" : "pg_temp";

    /// <summary>Opens a transaction in which every projection table is shadowed by an empty copy.</summary>
    public static async Task<ProjectionShadow> BeginAsync(ParleyDb db, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        // The copies carry no foreign keys on PostgreSQL (LIKE does not copy them) and must not check them on SQLite,
        // where their parents outside the projections have no copy; a pragma that only takes effect outside a transaction.
        if (db.Database.GetDbConnection() is SqliteConnection)
            await db.Database.ExecuteSqlRawAsync("PRAGMA foreign_keys = OFF", ct);
        var shadow = new ProjectionShadow(db, await db.Database.BeginTransactionAsync(ct));
        try
        {
            await shadow.CreateAsync(ct);
            return shadow;
        }
        catch
        {
            await shadow.DisposeAsync();
            throw;
        }
    }

    /// <summary>Whether the replayed tables hold exactly the stored rows (store-generated keys aside); the first that differs, or null.</summary>
    public async Task<string?> FirstDifferenceAsync(CancellationToken ct)
    {
        var key = RandomNumberGenerator.GetBytes(32);
        foreach (var table in _tables)
        {
            var stored = await DigestAsync(_storedSchema, table, key, ct);
            var replayed = await DigestAsync(ShadowSchema, table, key, ct);
            if (stored != replayed)
                return table.Name;
        }
        return null;
    }

    /// <summary>Drops the copies, so that the stored tables are seen again in this transaction (to name a difference).</summary>
    public async Task RemoveAsync(CancellationToken ct)
    {
        foreach (var table in _tables)
            await ExecuteAsync($"DROP TABLE {ShadowSchema}.\"{table.Name}\"", ct);
    }

    public async ValueTask DisposeAsync()
    {
        // Rolled back: the copies go with the transaction, and the stored tables were never written.
        await _transaction.RollbackAsync();
        await _transaction.DisposeAsync();
        if (Sqlite)
            await _db.Database.ExecuteSqlRawAsync("PRAGMA foreign_keys = ON");
        await _db.Database.CloseConnectionAsync();
    }

    /// <summary>Every projection table and the tables of the rows they own, each with its store-generated key columns.</summary>
    private static IEnumerable<(string Name, HashSet<string> Generated)> TablesOf(ParleyDb db)
    {
        var seen = new HashSet<string>();
        var pending = new Stack<IEntityType>(db.Modules.Tables.Select(t => db.Model.FindEntityType(t.Entity)
            ?? throw new InvalidOperationException($"{t.Entity.Name} is not mapped.")).Reverse());
        while (pending.TryPop(out var type))
        {
            foreach (var owned in OwnedRows.Of(type))
                pending.Push(owned.TargetEntityType);
            if (type.GetTableName() is not { } name || !seen.Add(name))
                continue;
            var store = StoreObjectIdentifier.Table(name, type.GetSchema());
            // The same rule as the replay's writes, which hand these keys out themselves.
            var generated = db.Model.GetEntityTypes().Where(t => t.GetTableName() == name)
                .Select(t => OwnedRows.GeneratedKey(t)?.GetColumnName(store)).OfType<string>().ToHashSet();
            yield return (name, generated);
        }
    }

    private async Task<List<string>> ColumnsAsync(string schema, string table, CancellationToken ct)
    {
        await using var command = Command(Sqlite
            ? "SELECT name FROM pragma_table_info(@table, @schema) ORDER BY cid"
            : "SELECT column_name FROM information_schema.columns WHERE table_schema = @schema AND table_name = @table ORDER BY ordinal_position");
        LedgerNodes.AddParameter(command, "@schema", schema);
        LedgerNodes.AddParameter(command, "@table", table);
        var columns = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            columns.Add(reader.GetString(0));
        return columns.Count > 0 ? columns : throw new InvalidOperationException($"The table {table} has no columns in {schema}.");
    }

    private async Task CreateAsync(CancellationToken ct)
    {
        if (!Sqlite)
        {
            await ExecuteAsync("LOCK TABLE events IN EXCLUSIVE MODE", ct);
            await using var schema = Command("SELECT current_schema()");
            _storedSchema = (string?)await schema.ExecuteScalarAsync(ct) ?? throw new InvalidOperationException("PostgreSQL names no current schema.");
        }
        foreach (var (name, generated) in TablesOf(_db))
            _tables.Add(new Table(name, (await ColumnsAsync(_storedSchema, name, ct)).Where(c => !generated.Contains(c)).ToList()));
        foreach (var table in _tables)
        {
            if (!Sqlite)
            {
                await ExecuteAsync($"CREATE TEMP TABLE \"{table.Name}\" (LIKE \"{_storedSchema}\".\"{table.Name}\" INCLUDING ALL)", ct);
                continue;
            }
            // SQLite has no LIKE: its own definitions, in the temporary schema (indexes included, so lookups stay indexed).
            foreach (var sql in await DefinitionsAsync(table.Name, ct))
                await ExecuteAsync(sql, ct);
        }
    }

    private async Task<List<string>> DefinitionsAsync(string table, CancellationToken ct)
    {
        // Triggers are left out: those on search_documents keep its full-text indexes, which the copy does not need.
        await using var command = Command("SELECT type, sql FROM main.sqlite_master WHERE tbl_name = @table AND sql IS NOT NULL AND type <> 'trigger' ORDER BY type = 'index'");
        LedgerNodes.AddParameter(command, "@table", table);
        var definitions = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var (type, sql) = (reader.GetString(0), reader.GetString(1));
            definitions.Add(type switch
            {
                "table" when sql.StartsWith("CREATE TABLE ", StringComparison.Ordinal) => "CREATE TEMP TABLE " + sql["CREATE TABLE ".Length..],
                "index" when sql.StartsWith("CREATE INDEX ", StringComparison.Ordinal) => "CREATE INDEX temp." + sql["CREATE INDEX ".Length..],
                "index" when sql.StartsWith("CREATE UNIQUE INDEX ", StringComparison.Ordinal) => "CREATE UNIQUE INDEX temp." + sql["CREATE UNIQUE INDEX ".Length..],
                _ => throw new InvalidOperationException($"The {type} of {table} has a definition the replay cannot copy: {sql}"),
            });
        }
        return definitions;
    }

    /// <summary>The row count and the sum of the rows' keyed hashes, over the table's compared columns.</summary>
    private async Task<(long Rows, UInt128 Sum)> DigestAsync(string schema, Table table, byte[] key, CancellationToken ct)
    {
        var columns = string.Join(", ", table.Columns.Select(c => $"\"{c}\""));
        var sql = Sqlite ? $"SELECT {columns} FROM {schema}.\"{table.Name}\"" : $"SELECT ROW({columns})::text FROM \"{schema}\".\"{table.Name}\"";
        var digest = new MultisetDigest(key);
        if (_db.Database.GetDbConnection() is SqliteConnection sqlite)
        {
            SqliteRows(sqlite, sql, table.Columns.Count, digest);
            return digest.Result;
        }
        await using var command = Command(sql);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var buffer = new byte[256];
        while (await reader.ReadAsync(ct))
        {
            var text = reader.GetString(0);
            if (Encoding.UTF8.GetMaxByteCount(text.Length) > buffer.Length)
                buffer = new byte[Encoding.UTF8.GetMaxByteCount(text.Length)];
            digest.Add(buffer.AsSpan(0, Encoding.UTF8.GetBytes(text, buffer)));
        }
        return digest.Result;
    }

    /// <summary>Each row as its columns' storage class and bytes, read from SQLite's page without a managed value.</summary>
    private static void SqliteRows(SqliteConnection connection, string sql, int columns, MultisetDigest digest)
    {
        using var statement = LedgerScan.Prepare(connection, sql);
        var row = new byte[256];
        int step;
        while ((step = raw.sqlite3_step(statement)) == raw.SQLITE_ROW)
        {
            var length = 0;
            for (var i = 0; i < columns; i++)
            {
                var type = raw.sqlite3_column_type(statement, i);
                var value = type is raw.SQLITE_TEXT or raw.SQLITE_BLOB ? raw.sqlite3_column_blob(statement, i) : default;
                if (length + 13 + value.Length > row.Length)
                    Array.Resize(ref row, Math.Max(2 * row.Length, length + 13 + value.Length));
                row[length++] = (byte)type;
                switch (type)
                {
                    case raw.SQLITE_INTEGER:
                        BinaryPrimitives.WriteInt64LittleEndian(row.AsSpan(length), raw.sqlite3_column_int64(statement, i));
                        length += 8;
                        break;
                    case raw.SQLITE_FLOAT:
                        BinaryPrimitives.WriteDoubleLittleEndian(row.AsSpan(length), raw.sqlite3_column_double(statement, i));
                        length += 8;
                        break;
                    case raw.SQLITE_TEXT or raw.SQLITE_BLOB:
                        BinaryPrimitives.WriteInt32LittleEndian(row.AsSpan(length), value.Length);
                        value.CopyTo(row.AsSpan(length + 4));
                        length += 4 + value.Length;
                        break;
                }
            }
            digest.Add(row.AsSpan(0, length));
        }
        if (step != raw.SQLITE_DONE)
            throw LedgerScan.Failure(connection, step);
    }

    private async Task ExecuteAsync(string sql, CancellationToken ct)
    {
        await using var command = Command(sql);
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>A command in this check's transaction.</summary>
    private DbCommand Command(string sql)
    {
        var command = _db.Database.GetDbConnection().CreateCommand();
        command.Transaction = _transaction.GetDbTransaction();
        command.CommandText = sql;
        return command;
    }

    /// <summary>Σ SHA-256(key ‖ row) mod 2^128 over a multiset of rows, and how many.</summary>
    private sealed class MultisetDigest(byte[] key)
    {
        private readonly byte[] _input = [.. key, .. new byte[256]];
        private readonly byte[] _hash = new byte[MerkleHash.Size];
        private long _rows;
        private UInt128 _sum;

        public (long Rows, UInt128 Sum) Result => (_rows, _sum);

        public void Add(ReadOnlySpan<byte> row)
        {
            var input = key.Length + row.Length <= _input.Length ? _input : [.. key, .. new byte[row.Length]];
            row.CopyTo(input.AsSpan(key.Length));
            MerkleHash.Digest(input.AsSpan(0, key.Length + row.Length), _hash);
            _sum += BinaryPrimitives.ReadUInt128LittleEndian(_hash);
            _rows++;
        }
    }
}
