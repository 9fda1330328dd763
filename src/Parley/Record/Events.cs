using System.Reflection;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;

namespace Parley.Record;

/// <summary>A state change. <see cref="Stream"/> names the record it belongs to, e.g. "person/…".</summary>
public interface IEvent
{
    string Stream { get; }
}

/// <summary>The stable name an event type is stored under; never rename one that has been recorded.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class EventTypeAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}

/// <summary>Maps stored type names to event classes and serializes payloads deterministically.</summary>
public static class EventCatalog
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        WriteIndented = false,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    private static readonly Dictionary<string, Type> ByName = typeof(EventCatalog).Assembly.GetTypes()
        .Where(t => !t.IsAbstract && typeof(IEvent).IsAssignableFrom(t))
        .ToDictionary(t => NameOf(t), t => t, StringComparer.Ordinal);

    private static readonly Dictionary<Type, string> ByType = ByName.ToDictionary(p => p.Value, p => p.Key);

    public static IReadOnlyCollection<string> Names => ByName.Keys;

    public static IReadOnlyCollection<Type> Types => ByType.Keys;

    public static string NameOf(IEvent e) => ByType[e.GetType()];

    public static string Serialize(IEvent e) => JsonSerializer.Serialize(e, e.GetType(), Json);

    public static IEvent Deserialize(string type, string payload)
    {
        if (!ByName.TryGetValue(type, out var clr))
            throw new InvalidOperationException($"Unknown event type '{type}'.");
        return (IEvent)(JsonSerializer.Deserialize(payload, clr, Json)
            ?? throw new InvalidOperationException($"Event payload of type '{type}' is empty."));
    }

    private static string NameOf(Type t) =>
        t.GetCustomAttribute<EventTypeAttribute>()?.Name
        ?? throw new InvalidOperationException($"{t.Name} lacks [EventType].");
}
