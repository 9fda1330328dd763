using System.Text.Json;
using System.Text.Json.Nodes;
using Parley.Record;

namespace Parley.Directory;

/// <summary>A record's Popolo details as the directory keeps them (<see cref="DetailsRecorded"/>, <see cref="RecordDetails"/>).</summary>
public sealed record Details(IReadOnlyList<ContactDetail> ContactDetails, IReadOnlyList<WebLink> Links, IReadOnlyList<WebLink> Sources, JsonObject Fields)
{
    public static Details None => new([], [], [], new JsonObject());

    public bool IsEmpty => ContactDetails.Count == 0 && Links.Count == 0 && Sources.Count == 0 && Fields.Count == 0;

    /// <summary>The e-mail addresses among the contact details (an invitation's recipients).</summary>
    public IEnumerable<string> Emails => ContactDetails.Where(c => string.Equals(c.Type, "email", StringComparison.OrdinalIgnoreCase)).Select(c => c.Value)
        .Concat(Fields["email"] is JsonValue email && email.TryGetValue<string>(out var address) ? [address] : [])
        .Distinct(StringComparer.OrdinalIgnoreCase);

    /// <summary>A field as text: a string as it is, anything else as its JSON.</summary>
    public string? Text(string field) => Fields[field] switch
    {
        null => null,
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        var other => other.ToJsonString(),
    };

    public static Details Of(DetailsRecorded e) => new(e.ContactDetails, e.Links, e.Sources, e.Fields);

    public DetailsRecorded Recorded(DetailsOf of, Guid id, Guid? person) =>
        new(of, id, person, ContactDetails, Links, Sources, (JsonObject)Fields.DeepClone());

    public static string Serialize(Details details) => JsonSerializer.Serialize(details, EventCatalog.Json);

    public static Details Parse(string? json) =>
        string.IsNullOrEmpty(json) ? None : JsonSerializer.Deserialize<Details>(json, EventCatalog.Json) ?? None;

    /// <summary>
    /// What a record holds after an import brings <paramref name="incoming"/>: lists united (incoming first, nothing
    /// stored dropped), fields the import names taking its values, fields it does not name kept.
    /// </summary>
    public static Details Merge(Details incoming, Details stored)
    {
        var fields = (JsonObject)stored.Fields.DeepClone();
        foreach (var (name, value) in incoming.Fields)
            fields[name] = value?.DeepClone();
        return new(Union(incoming.ContactDetails, stored.ContactDetails), Union(incoming.Links, stored.Links), Union(incoming.Sources, stored.Sources),
            Sorted(fields));
    }

    /// <summary>Fields in name order, so the same details always serialize (and compare) the same.</summary>
    public static JsonObject Sorted(JsonObject fields) =>
        new(fields.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => KeyValuePair.Create(f.Key, f.Value?.DeepClone())));

    private static List<T> Union<T>(IReadOnlyList<T> incoming, IReadOnlyList<T> stored) => incoming.Concat(stored).Distinct().ToList();
}
