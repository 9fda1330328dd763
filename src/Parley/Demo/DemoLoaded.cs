using Parley.Record;

namespace Parley.Demo;

/// <summary>Marks a store as holding the demo story, so `serve --demo` can tell it from real data.</summary>
[EventType("demo.loaded")]
public sealed record DemoLoaded(string Story) : IEvent
{
    public string Stream => "demo";
}
