using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Parley.Record;

/// <summary>
/// The replay's writes. A replay adds nearly every row it makes, and EF Core's SQLite provider sends each added row as a
/// command of its own (parsed, planned and answered one by one): most of a replay's time. On SQLite a batch whose changes
/// are all additions is therefore written with one prepared INSERT per table, from the same model EF Core maps; any
/// batch that updates or deletes, and every batch on PostgreSQL, goes through SaveChanges as before. Either way the batch
/// is then no longer tracked.
/// </summary>
internal sealed class ReplayWrites(ParleyDb db)
{
    // Keys the database would generate (the owned rows' ids), handed out here: the next free one per table.
    private readonly Dictionary<string, long> _nextKey = [];
    private bool _deferred;

    public async Task SaveAsync(CancellationToken ct)
    {
        if (db.Database.GetDbConnection() is not SqliteConnection connection || db.Database.CurrentTransaction is not { } transaction)
        {
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            return;
        }
        db.ChangeTracker.DetectChanges();
        var changed = db.ChangeTracker.Entries().Where(e => e.State != EntityState.Unchanged).ToList();
        if (changed.Count == 0)
            return;
        if (changed.Any(e => e.State != EntityState.Added))
        {
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            return;
        }
        if (!_deferred)
        {
            // Rows go in table by table, not in dependency order: foreign keys are checked when the transaction ends.
            await db.Database.ExecuteSqlRawAsync("PRAGMA defer_foreign_keys = ON", ct);
            _deferred = true;
        }
        foreach (var group in changed.GroupBy(e => e.Metadata))
            await InsertAsync(connection, (SqliteTransaction)transaction.GetDbTransaction(), group.Key, group.ToList(), ct);
        // Written: nothing is left to track, and the next batch starts from a clean tracker.
        db.ChangeTracker.Clear();
    }

    private async Task InsertAsync(SqliteConnection connection, SqliteTransaction transaction, IEntityType type, List<EntityEntry> rows, CancellationToken ct)
    {
        var table = type.GetTableName() ?? throw new InvalidOperationException($"{type.DisplayName()} maps to no table.");
        var store = StoreObjectIdentifier.Table(table, type.GetSchema());
        var columns = type.GetProperties().Select(p => (Property: p, Column: p.GetColumnName(store))).Where(c => c.Column is not null).ToList();
        await AssignKeysAsync(connection, transaction, table, type, rows, ct);
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c.Column}\""))}) VALUES ({string.Join(", ", columns.Select((_, i) => $"$p{i}"))})";
        // Each column's own mapping makes its parameter and converts its values (enums as text, …), as SaveChanges would.
        var mappings = columns.Select(c => c.Property.GetRelationalTypeMapping()).ToList();
        var parameters = columns.Select((c, i) => mappings[i].CreateParameter(insert, $"$p{i}", null, c.Property.IsNullable)).ToList();
        insert.Parameters.AddRange(parameters.ToArray());
        foreach (var row in rows)
        {
            for (var i = 0; i < columns.Count; i++)
            {
                var value = row.Property(columns[i].Property).CurrentValue;
                parameters[i].Value = (value is null ? null : mappings[i].Converter?.ConvertToProvider(value) ?? value) ?? DBNull.Value;
            }
            await insert.ExecuteNonQueryAsync(ct);
        }
    }

    /// <summary>Gives each row's store-generated key (still a temporary value) the table's next free value.</summary>
    private async Task AssignKeysAsync(SqliteConnection connection, SqliteTransaction transaction, string table, IEntityType type, List<EntityEntry> rows, CancellationToken ct)
    {
        if (type.FindPrimaryKey()?.Properties is not [{ ValueGenerated: ValueGenerated.OnAdd } generated] || (generated.ClrType != typeof(long) && generated.ClrType != typeof(int)))
            return;
        if (!_nextKey.TryGetValue(table, out var next))
        {
            await using var max = connection.CreateCommand();
            max.Transaction = transaction;
            max.CommandText = $"SELECT COALESCE(MAX(\"{generated.GetColumnName()}\"), 0) + 1 FROM \"{table}\"";
            next = (long)(await max.ExecuteScalarAsync(ct))!;
        }
        foreach (var row in rows)
        {
            var value = row.Property(generated);
            if (!value.IsTemporary)
                continue;
            value.CurrentValue = generated.ClrType == typeof(long) ? next : (object)checked((int)next);
            value.IsTemporary = false;
            next++;
        }
        _nextKey[table] = next;
    }
}
