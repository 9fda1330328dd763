using System.Collections;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Parley.Record;

/// <summary>
/// The rows a replay has made so far, by projection table. A replay starts from empty projection tables, so a row it
/// has not made is neither tracked nor stored, and a projection looking it up ("is this institution new?") needs no
/// query: EF Core's Find builds, compiles and runs one each time it misses the tracker, which was most of replaying a
/// directory's worth of new rows.
/// </summary>
internal sealed class ReplayedRows : IDisposable
{
    private readonly ChangeTracker _tracker;
    private readonly Dictionary<Type, (IReadOnlyList<IProperty> Key, HashSet<object?[]> Made)> _tables = [];

    public ReplayedRows(ParleyDb db)
    {
        foreach (var table in db.Modules.Tables)
        {
            if (db.Model.FindEntityType(table.Entity)?.FindPrimaryKey() is { } key)
                _tables[table.Entity] = (key.Properties, new HashSet<object?[]>(KeyComparer.Instance));
        }
        _tracker = db.ChangeTracker;
        _tracker.Tracked += OnTracked;
    }

    /// <summary>Whether a row of <paramref name="entity"/> with this key may exist: false only where the replay knows it does not.</summary>
    public bool MayExist(Type entity, object?[] key) => !_tables.TryGetValue(entity, out var table) || table.Made.Contains(key);

    public void Dispose() => _tracker.Tracked -= OnTracked;

    private void OnTracked(object? sender, EntityTrackedEventArgs e)
    {
        if (e.FromQuery || !_tables.TryGetValue(e.Entry.Metadata.ClrType, out var table))
            return;
        var key = new object?[table.Key.Count];
        for (var i = 0; i < key.Length; i++)
            key[i] = table.Key[i].GetGetter().GetClrValueUsingContainingEntity(e.Entry.Entity);
        table.Made.Add(key);
    }

    /// <summary>Keys compared part by part (a Guid, or a letter and an institution).</summary>
    private sealed class KeyComparer : IEqualityComparer<object?[]>
    {
        public static readonly KeyComparer Instance = new();

        public bool Equals(object?[]? x, object?[]? y) => StructuralComparisons.StructuralEqualityComparer.Equals(x, y);

        public int GetHashCode(object?[] key) => StructuralComparisons.StructuralEqualityComparer.GetHashCode(key);
    }
}

public static class ProjectionFind
{
    /// <summary>
    /// Find, for projections: the tracked or stored row with this key, or null. During a replay a row the replay has not
    /// made is known to be absent without asking the database (<see cref="ReplayedRows"/>).
    /// </summary>
    public static ValueTask<T?> FindRowAsync<T>(this ParleyDb db, object?[] key, CancellationToken ct)
        where T : class =>
        db.Replayed is { } replayed && !replayed.MayExist(typeof(T), key) ? ValueTask.FromResult<T?>(null) : db.Set<T>().FindAsync(key, ct);
}
