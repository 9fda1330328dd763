using Microsoft.EntityFrameworkCore;
using Parley.Record;

namespace Parley.Demo;

/// <summary>The demo's one event, which marks a store as holding the story; it projects nothing.</summary>
public sealed class DemoModule : IRecordModule
{
    public string Name => "demo";
    public IReadOnlyList<Type> Events { get; } = [typeof(DemoLoaded)];
    public IReadOnlyList<ProjectionTable> Tables { get; } = [];

    public void Map(ModelBuilder model)
    {
    }

    public ValueTask ApplyAsync(ParleyDb db, IEvent e, StoredEvent stored, CancellationToken ct) => ValueTask.CompletedTask;
}
