using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Parley.Record;

/// <summary>
/// Writes the append-only rows (events and tree nodes) in bulk inside the write's transaction: binary COPY
/// on PostgreSQL, one prepared statement on SQLite. They are never updated, so the change tracker adds
/// nothing but cost; projections still go through EF Core.
/// </summary>
public static class LedgerRows
{
    public static async Task WriteAsync(ParleyDb db, IReadOnlyList<StoredEvent> events, IReadOnlyList<LedgerNode> nodes, CancellationToken ct)
    {
        if (events.Count == 0 && nodes.Count == 0)
            return;
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Ledger rows are written only inside a write transaction.");
        if (connection is NpgsqlConnection pg)
            await CopyAsync(pg, events, nodes, ct);
        else
            await InsertAsync((SqliteConnection)connection, (SqliteTransaction)transaction, events, nodes, ct);
    }

    private static async Task CopyAsync(NpgsqlConnection connection, IReadOnlyList<StoredEvent> events, IReadOnlyList<LedgerNode> nodes, CancellationToken ct)
    {
        await using (var copy = await connection.BeginBinaryImportAsync(
            "COPY events (\"Sequence\", \"Type\", \"RecordedAt\", \"Actor\", \"Stream\", \"Payload\", \"Salt\") FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var e in events)
            {
                await copy.StartRowAsync(ct);
                await copy.WriteAsync(e.Sequence, NpgsqlDbType.Bigint, ct);
                await copy.WriteAsync(e.Type, NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(e.RecordedAt, NpgsqlDbType.TimestampTz, ct);
                await copy.WriteAsync(e.Actor, NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(e.Stream, NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(e.Payload, NpgsqlDbType.Text, ct);
                await copy.WriteAsync(e.Salt, NpgsqlDbType.Bytea, ct);
            }
            await copy.CompleteAsync(ct);
        }
        await using (var copy = await connection.BeginBinaryImportAsync(
            "COPY ledger_nodes (\"Level\", \"Index\", \"Hash\") FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var n in nodes)
            {
                await copy.StartRowAsync(ct);
                await copy.WriteAsync(n.Level, NpgsqlDbType.Integer, ct);
                await copy.WriteAsync(n.Index, NpgsqlDbType.Bigint, ct);
                await copy.WriteAsync(n.Hash, NpgsqlDbType.Bytea, ct);
            }
            await copy.CompleteAsync(ct);
        }
    }

    private static async Task InsertAsync(SqliteConnection connection, SqliteTransaction transaction,
        IReadOnlyList<StoredEvent> events, IReadOnlyList<LedgerNode> nodes, CancellationToken ct)
    {
        await using (var insert = Command(connection, transaction,
            "INSERT INTO events (\"Sequence\", \"Type\", \"RecordedAt\", \"Actor\", \"Stream\", \"Payload\", \"Salt\") VALUES ($s, $t, $r, $a, $m, $p, $x)",
            "$s", "$t", "$r", "$a", "$m", "$p", "$x"))
        {
            foreach (var e in events)
                await Run(insert, ct, e.Sequence, e.Type, e.RecordedAt, e.Actor, e.Stream, e.Payload, e.Salt);
        }
        await using (var insert = Command(connection, transaction,
            "INSERT INTO ledger_nodes (\"Level\", \"Index\", \"Hash\") VALUES ($l, $i, $h)", "$l", "$i", "$h"))
        {
            foreach (var n in nodes)
                await Run(insert, ct, n.Level, n.Index, n.Hash);
        }
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction transaction, string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var name in parameters)
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        command.Prepare();
        return command;
    }

    private static async Task Run(DbCommand command, CancellationToken ct, params object[] values)
    {
        for (var i = 0; i < values.Length; i++)
            command.Parameters[i].Value = values[i] is DateTime d ? d.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", System.Globalization.CultureInfo.InvariantCulture) : values[i];
        await command.ExecuteNonQueryAsync(ct);
    }
}
