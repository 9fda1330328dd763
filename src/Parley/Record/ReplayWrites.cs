using System.Collections;
using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Npgsql;

namespace Parley.Record;

/// <summary>
/// The replay's writes. A replay adds nearly every row it makes, and EF Core writes each added row as a command of its
/// own (on SQLite parsed, planned and answered one by one; on PostgreSQL batched, but still planned row by row) after
/// running change detection over everything tracked: most of a replay's time. A batch's new aggregates are therefore
/// written by the replay itself from the same model EF Core maps, on SQLite with one prepared INSERT per table and on
/// PostgreSQL by binary COPY; changes to rows an earlier batch wrote go through SaveChanges. Either way the batch is
/// then no longer tracked.
/// </summary>
internal sealed class ReplayWrites(ParleyDb db)
{
    // Keys the database would generate (the owned rows' ids), handed out here: the next free one per table.
    private readonly Dictionary<string, long> _nextKey = [];
    private readonly Dictionary<IEntityType, InsertPlan> _plans = [];
    private readonly List<Type> _parentsFirst = db.Modules.Tables.Reverse().Select(t => t.Entity).ToList();
    private bool _deferred;

    /// <summary>One row to insert: its object, and for an owned row its owner (whose key is the row's owner column).</summary>
    private readonly record struct Row(object Entity, object? Owner);

    public async Task SaveAsync(CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is not { } transaction)
        {
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            return;
        }
        var (rows, inserted, others) = Split();
        if (rows.Count > 0)
        {
            if (!_deferred && db.Database.GetDbConnection() is SqliteConnection)
            {
                // Foreign keys are checked when the transaction ends (PostgreSQL's cannot be deferred: the rows go in
                // parents first, below, which satisfies both).
                await db.Database.ExecuteSqlRawAsync("PRAGMA defer_foreign_keys = ON", ct);
                _deferred = true;
            }
            foreach (var (type, group) in rows.OrderBy(r => Rank(r.Key)))
            {
                await (db.Database.GetDbConnection() switch
                {
                    SqliteConnection sqlite => InsertAsync(sqlite, (SqliteTransaction)transaction.GetDbTransaction(), type, group, ct),
                    NpgsqlConnection pg => CopyAsync(pg, type, group, ct),
                    var other => throw new NotSupportedException($"No replay writes for {other.GetType().Name}."),
                });
            }
        }
        if (others)
        {
            // What is written is no longer tracked, so SaveChanges writes only the updates and deletions.
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            foreach (var entry in db.ChangeTracker.Entries().Where(e => inserted.Contains(e.Entity)).ToList())
                entry.State = EntityState.Detached;
            db.ChangeTracker.AutoDetectChangesEnabled = true;
            await db.SaveChangesAsync(ct);
            // The database may have generated keys of its own: the next free ones are read again.
            _nextKey.Clear();
        }
        // Written: nothing is left to track, and the next batch starts from a clean tracker.
        db.ChangeTracker.Clear();
    }

    /// <summary>Parents before the rows that refer to them: the modules' tables in dependency order, owned rows after their owner.</summary>
    private (int Table, int Depth) Rank(IEntityType type)
    {
        var depth = 0;
        for (; type.FindOwnership() is { } ownership; depth++)
            type = ownership.PrincipalEntityType;
        return (_parentsFirst.IndexOf(type.ClrType), depth);
    }

    /// <summary>
    /// The batch's new aggregates (an added entity and the rows it owns), by entity type, and whether anything else changed.
    /// The projections' only navigations are owned collections, so an aggregate's rows are its entity and what its owned
    /// collections hold now, read from the objects. A batch that has only added rows (nothing was read back from the
    /// tables) is not even run through change detection, most of its cost.
    /// </summary>
    private (Dictionary<IEntityType, List<Row>> Rows, HashSet<object> Inserted, bool Others) Split()
    {
        var tracker = db.ChangeTracker;
        tracker.AutoDetectChangesEnabled = false;
        try
        {
            var entries = tracker.Entries().ToList();
            var onlyAdded = entries.TrueForAll(e => e.State == EntityState.Added);
            if (!onlyAdded)
            {
                tracker.DetectChanges();
                entries = tracker.Entries().Where(e => e.State != EntityState.Unchanged).ToList();
            }
            var (rows, inserted) = (new Dictionary<IEntityType, List<Row>>(), new HashSet<object>(ReferenceEqualityComparer.Instance));
            foreach (var entry in entries.Where(e => e.State == EntityState.Added && !e.Metadata.IsOwned()))
                Walk(entry.Metadata, new Row(entry.Entity, null), rows, inserted);
            if (rows.Keys.Any(t => !Plan(t).FromObjects))
                return ([], [], true);
            return (rows, inserted, !onlyAdded && entries.Exists(e => !inserted.Contains(e.Entity)));
        }
        finally
        {
            tracker.AutoDetectChangesEnabled = true;
        }
    }

    /// <summary>A row and, through its owned collections, the rows it owns.</summary>
    private static void Walk(IEntityType type, Row row, Dictionary<IEntityType, List<Row>> rows, HashSet<object> inserted)
    {
        if (!rows.TryGetValue(type, out var list))
            rows[type] = list = [];
        list.Add(row);
        inserted.Add(row.Entity);
        foreach (var owned in OwnedRows.Of(type))
        {
            switch (owned.GetGetter().GetClrValueUsingContainingEntity(row.Entity))
            {
                case IEnumerable items when owned.IsCollection:
                    foreach (var item in items)
                        Walk(owned.TargetEntityType, new Row(item, row.Entity), rows, inserted);
                    break;
                case { } item:
                    Walk(owned.TargetEntityType, new Row(item, row.Entity), rows, inserted);
                    break;
            }
        }
    }

    private InsertPlan Plan(IEntityType type) => _plans.TryGetValue(type, out var known) ? known : _plans[type] = InsertPlan.Of(type);

    private async Task InsertAsync(SqliteConnection connection, SqliteTransaction transaction, IEntityType type, List<Row> rows, CancellationToken ct)
    {
        var plan = Plan(type);
        var next = plan.Generated is { } generated ? await NextKeyAsync(connection, plan.Table, generated, ct) : 0;
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = plan.Sql;
        // Each column's own mapping makes its parameter and converts its values (enums as text, …), as SaveChanges would.
        var parameters = plan.Columns.Select((c, i) => c.Mapping.CreateParameter(insert, $"$p{i}", null, c.Property.IsNullable)).ToArray();
        insert.Parameters.AddRange(parameters);
        foreach (var row in rows)
        {
            for (var i = 0; i < parameters.Length; i++)
                parameters[i].Value = plan.Columns[i].ProviderValue(row, next) ?? DBNull.Value;
            next++;
            // Synchronous: SQLite does the work on this thread either way, and the awaits were a tenth of the time.
            insert.ExecuteNonQuery();
        }
        if (plan.Generated is not null)
            _nextKey[plan.Table] = next;
    }

    /// <summary>
    /// PostgreSQL: the rows by binary COPY, each value as its column's store type. Keys handed out here are explicit values
    /// for an identity column, so its sequence is moved past them for the keys SaveChanges will let the database make.
    /// </summary>
    private async Task CopyAsync(NpgsqlConnection connection, IEntityType type, List<Row> rows, CancellationToken ct)
    {
        var plan = Plan(type);
        var next = plan.Generated is { } generated ? await NextKeyAsync(connection, plan.Table, generated, ct) : 0;
        await using (var writer = await connection.BeginBinaryImportAsync(plan.Copy, ct))
        {
            foreach (var row in rows)
            {
                await writer.StartRowAsync(ct);
                foreach (var column in plan.Columns)
                {
                    if (column.ProviderValue(row, next) is { } value)
                        await writer.WriteAsync(value, column.Mapping.StoreTypeNameBase, ct);
                    else
                        await writer.WriteNullAsync(ct);
                }
                next++;
            }
            await writer.CompleteAsync(ct);
        }
        if (plan.Generated is { } key)
        {
            _nextKey[plan.Table] = next;
            await using var advance = connection.CreateCommand();
            advance.CommandText = $"SELECT setval(pg_get_serial_sequence('\"{plan.Table}\"', '{key}'), {next - 1})";
            await advance.ExecuteNonQueryAsync(ct);
        }
    }

    /// <summary>The table's next free store-generated key.</summary>
    private async Task<long> NextKeyAsync(DbConnection connection, string table, string column, CancellationToken ct)
    {
        if (_nextKey.TryGetValue(table, out var next))
            return next;
        await using var max = connection.CreateCommand();
        max.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        max.CommandText = $"SELECT COALESCE(MAX(\"{column}\"), 0) + 1 FROM \"{table}\"";
        return Convert.ToInt64(await max.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
    }

    /// <summary>How rows of one entity type are inserted: the statement, and per column how its value is read and converted.</summary>
    private sealed record InsertPlan(string Table, string Sql, string Copy, IReadOnlyList<InsertColumn> Columns, string? Generated)
    {
        /// <summary>Whether every value comes from the row's object, its owner or the key handed out (what is written needs no tracker).</summary>
        public bool FromObjects => Columns.All(c => c.FromObjects);

        public static InsertPlan Of(IEntityType type)
        {
            var table = type.GetTableName() ?? throw new InvalidOperationException($"{type.DisplayName()} maps to no table.");
            var store = StoreObjectIdentifier.Table(table, type.GetSchema());
            var columns = type.GetProperties().Select(p => (Property: p, Column: p.GetColumnName(store))).Where(c => c.Column is not null).ToList();
            var generated = OwnedRows.GeneratedKey(type);
            var ownership = type.FindOwnership();
            var names = string.Join(", ", columns.Select(c => $"\"{c.Column}\""));
            var sql = $"INSERT INTO \"{table}\" ({names}) VALUES ({string.Join(", ", columns.Select((_, i) => $"$p{i}"))})";
            var copy = $"COPY \"{table}\" ({names}) FROM STDIN (FORMAT BINARY)";
            return new(table, sql, copy, columns.Select(c => new InsertColumn(c.Property, c.Property == generated, ownership)).ToList(), generated?.GetColumnName(store));
        }
    }

    private sealed class InsertColumn
    {
        private readonly IProperty _property;
        private readonly bool _generated;
        private readonly IClrPropertyGetter? _getter;
        private readonly IClrPropertyGetter? _ownerKey;
        private readonly ValueConverter? _converter;

        public InsertColumn(IProperty property, bool generated, IForeignKey? ownership)
        {
            (_property, _generated) = (property, generated);
            _getter = property.IsShadowProperty() ? null : property.GetGetter();
            // An owned row's owner column is its owner's key.
            if (ownership is not null && ownership.Properties.ToList().IndexOf(property) is var at and >= 0
                && ownership.PrincipalKey.Properties[at] is { } principal && !principal.IsShadowProperty())
                _ownerKey = principal.GetGetter();
            Mapping = property.GetRelationalTypeMapping();
            _converter = Mapping.Converter;
        }

        public IProperty Property => _property;

        public RelationalTypeMapping Mapping { get; }

        public bool FromObjects => _generated || _getter is not null || _ownerKey is not null;

        public object? ProviderValue(Row row, long nextKey)
        {
            var value = _generated ? (_property.ClrType == typeof(int) ? checked((int)nextKey) : nextKey)
                : _getter is not null ? _getter.GetClrValueUsingContainingEntity(row.Entity)
                : _ownerKey is not null && row.Owner is { } owner ? _ownerKey.GetClrValueUsingContainingEntity(owner)
                : throw new InvalidOperationException($"{_property.DeclaringType.DisplayName()}.{_property.Name} is held only by the tracker.");
            return value is null ? null : _converter?.ConvertToProvider(value) ?? value;
        }
    }
}
