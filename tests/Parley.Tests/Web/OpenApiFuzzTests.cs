using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Parley.Record;
using Parley.Tests.Infrastructure;

namespace Parley.Tests.Web;

/// <summary>
/// A bounded fuzzer over the API's own OpenAPI document: every write operation gets malformed variants (no body,
/// truncated JSON, the wrong JSON kind, the wrong content type, and for each documented property a wrong type, a
/// null, a very long string, an impossible date, id or choice; and malformed path values). None may answer 5xx;
/// every 4xx is a ProblemDetails naming a field or the body; nothing reaches the record.
/// </summary>
public sealed class OpenApiFuzzTests(ITestOutputHelper output)
{
    private static readonly string Long = new('x', 100_000);

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Malformed_requests_to_every_write_get_a_problem_naming_the_field_and_write_nothing(string provider)
    {
        await using var server = await ParleyServer.StartAsync(provider);
        // Every role, so no write is refused for permission before its body is read.
        using var client = await server.EverythingClientAsync();
        var document = JsonNode.Parse(await client.GetStringAsync("/openapi/v1.json"))!;
        var schemas = document["components"]?["schemas"]?.AsObject();
        var events = await server.InScopeAsync(s => s.GetRequiredService<ParleyDb>().Events.CountAsync());

        var (sent, operations) = (0, 0);
        var faults = new List<string>();
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                if (method is not ("post" or "put" or "patch" or "delete"))
                    continue;
                operations++;
                foreach (var request in Variants(path, method, operation!, schemas))
                {
                    sent++;
                    using var response = await client.SendAsync(request.Build());
                    var fault = await FaultAsync(response, request);
                    // A long text is not malformed where the API takes documents (an article to import, up to 64 MB):
                    // a success is a fault only if it wrote.
                    if (fault is null && response.IsSuccessStatusCode
                        && await server.InScopeAsync(s => s.GetRequiredService<ParleyDb>().Events.CountAsync()) != events)
                        fault = $"{(int)response.StatusCode}: accepted and recorded";
                    if (fault is not null)
                        faults.Add($"{method.ToUpperInvariant()} {request.Path} [{request.What}]: {fault}");
                }
            }
        }

        output.WriteLine($"OpenAPI fuzzer ({provider}): {operations} write operations, {sent} malformed requests, {faults.Count} faults.");
        Assert.True(operations > 30, $"only {operations} write operations: the document lost some?");
        Assert.True(faults.Count == 0, string.Join("\n", faults.Take(40)));
        Assert.Equal(events, await server.InScopeAsync(s => s.GetRequiredService<ParleyDb>().Events.CountAsync()));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Every_text_a_write_takes_has_a_documented_maximum_that_the_API_enforces_naming_the_field(string provider)
    {
        await using var server = await ParleyServer.StartAsync(provider);
        // Every role, so no write is refused for permission before its body is read.
        using var client = await server.EverythingClientAsync();
        var document = JsonNode.Parse(await client.GetStringAsync("/openapi/v1.json"))!;
        var schemas = document["components"]?["schemas"]?.AsObject();
        var events = await server.InScopeAsync(s => s.GetRequiredService<ParleyDb>().Events.CountAsync());
        var (checkedFields, faults) = (0, new List<string>());
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                if (Resolve(operation?["requestBody"]?["content"]?["application/json"]?["schema"], schemas) is not { } schema)
                    continue;
                foreach (var (field, max, body) in Texts(schema, schemas, "", 0))
                {
                    var where = $"{method.ToUpperInvariant()} {path} {field}";
                    if (max is null)
                    {
                        faults.Add($"{where}: no documented maximum");
                        continue;
                    }
                    checkedFields++;
                    using var request = new HttpRequestMessage(new HttpMethod(method.ToUpperInvariant()), FillPath(path, Guid.NewGuid().ToString()))
                    {
                        Content = Json(body(JsonValue.Create(new string('x', max.Value + 1))).ToJsonString()),
                    };
                    using var response = await client.SendAsync(request);
                    var text = await response.Content.ReadAsStringAsync();
                    if (response.StatusCode != HttpStatusCode.BadRequest || !(JsonNode.Parse(text)?["errors"]?.AsObject().ContainsKey(field) ?? false))
                        faults.Add($"{where}: {max + 1} characters answered {(int)response.StatusCode} {text[..Math.Min(text.Length, 200)]}");
                }
            }
        }
        output.WriteLine($"Documented maxima ({provider}): {checkedFields} texts over their maximum refused, {faults.Count} faults.");
        Assert.True(checkedFields > 60, $"only {checkedFields} bounded texts found: the document lost some?");
        Assert.True(faults.Count == 0, string.Join("\n", faults.Take(40)));
        Assert.Equal(events, await server.InScopeAsync(s => s.GetRequiredService<ParleyDb>().Events.CountAsync()));
    }

    /// <summary>Every free text in a request schema (nested objects and lists of them included): its JSON path, its maxLength, and a body that puts a value there.</summary>
    private static IEnumerable<(string Field, int? Max, Func<JsonNode, JsonObject> Body)> Texts(JsonNode schema, JsonObject? schemas, string prefix, int depth)
    {
        if (depth > 3)
            yield break;
        foreach (var (name, property) in schema["properties"]?.AsObject() ?? [])
        {
            var resolved = Resolve(property, schemas);
            var types = Types(resolved);
            var key = name;
            if (types.Contains("string") && resolved?["format"] is null && resolved?["enum"] is null && !IsEnumRef(property, schemas))
                yield return (prefix + name, resolved?["maxLength"]?.GetValue<int>(), value => new JsonObject { [key] = value });
            else if (types.Contains("array") && Resolve(resolved?["items"], schemas) is { } items)
            {
                var itemTypes = Types(items);
                if (itemTypes.Contains("string") && items["format"] is null && items["enum"] is null && !IsEnumRef(resolved?["items"], schemas))
                    yield return ($"{prefix}{name}[0]", items["maxLength"]?.GetValue<int>(), value => new JsonObject { [key] = new JsonArray(value) });
                else if (itemTypes.Contains("object") || items["properties"] is not null)
                    foreach (var (field, max, inner) in Texts(items, schemas, $"{prefix}{name}[0].", depth + 1))
                        yield return (field, max, value => new JsonObject { [key] = new JsonArray(inner(value)) });
            }
            else if (resolved?["properties"] is not null)
                foreach (var (field, max, inner) in Texts(resolved, schemas, $"{prefix}{name}.", depth + 1))
                    yield return (field, max, value => new JsonObject { [key] = inner(value) });
        }
    }

    private sealed record Variant(string Path, HttpMethod Method, string What, HttpContent? Content)
    {
        public HttpRequestMessage Build() => new(Method, Path) { Content = Content };
    }

    private static IEnumerable<Variant> Variants(string template, string method, JsonNode operation, JsonObject? schemas)
    {
        var verb = new HttpMethod(method.ToUpperInvariant());
        var path = FillPath(template, Guid.NewGuid().ToString());
        // Malformed path values: not an id, a NUL, a path separator.
        if (template.Contains('{', StringComparison.Ordinal))
            foreach (var bad in new[] { "not-an-id", "%00", "%2F..%2F", "9999999999999999999999" })
                yield return new Variant(FillPath(template, bad), verb, "path " + bad, Json("{}"));
        var content = operation["requestBody"]?["content"]?.AsObject();
        if (content is null)
            yield break;
        if (content.ContainsKey("multipart/form-data"))
        {
            yield return new Variant(path, verb, "no file", new MultipartFormDataContent { { new StringContent("x"), "other", "other" } });
            yield return new Variant(path, verb, "not multipart", Json("{}"));
            yield return new Variant(path, verb, "broken multipart", new StringContent("--b\r\nno headers", Encoding.UTF8, "multipart/form-data"));
            var boundaryless = new ByteArrayContent("garbage"u8.ToArray());
            boundaryless.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data");
            yield return new Variant(path, verb, "multipart without boundary", boundaryless);
            yield break;
        }
        yield return new Variant(path, verb, "no body", null);
        yield return new Variant(path, verb, "empty body", Json(""));
        yield return new Variant(path, verb, "truncated JSON", Json("{\"a\": [1, 2"));
        yield return new Variant(path, verb, "JSON null", Json("null"));
        yield return new Variant(path, verb, "JSON array", Json("[]"));
        yield return new Variant(path, verb, "JSON string", Json("\"text\""));
        yield return new Variant(path, verb, "text/plain", new StringContent("{}", Encoding.UTF8, "text/plain"));
        var schema = Resolve(content["application/json"]?["schema"], schemas);
        foreach (var (name, property) in schema?["properties"]?.AsObject() ?? [])
        {
            var resolved = Resolve(property, schemas);
            var types = Types(resolved);
            var format = resolved?["format"]?.GetValue<string>();
            if (types.Contains("string") && format is null && resolved?["enum"] is null)
                yield return Property(path, verb, name, "a 100,000-character string", JsonValue.Create(Long));
            if (format is "date" or "date-time")
            {
                yield return Property(path, verb, name, "an impossible date", JsonValue.Create("2026-02-30"));
                yield return Property(path, verb, name, "year 10000", JsonValue.Create("10000-01-01"));
            }
            yield return Property(path, verb, name, "null", null);
            if (name.Contains("zone", StringComparison.OrdinalIgnoreCase))
                yield return Property(path, verb, name, "an unknown time zone", JsonValue.Create("Mars/Olympus_Mons"));
            if (format is "uuid")
                yield return Property(path, verb, name, "not a uuid", JsonValue.Create("0000-not-a-guid"));
            if (resolved?["enum"] is not null || IsEnumRef(property, schemas))
            {
                yield return Property(path, verb, name, "an unknown choice", JsonValue.Create("NotAChoice"));
                yield return Property(path, verb, name, "a choice as an integer", JsonValue.Create(1));
            }
            if (types.Contains("string") || types.Contains("integer") || types.Contains("number"))
                yield return Property(path, verb, name, "an object", new JsonObject { ["x"] = 1 });
            if (types.Contains("array"))
                yield return Property(path, verb, name, "a number for a list", JsonValue.Create(5));
            if (types.Contains("object"))
                yield return Property(path, verb, name, "a list for an object", new JsonArray(1, 2));
        }
    }

    /// <summary>A body with only <paramref name="name"/>, malformed: the other required fields are missing too, so nothing may be written.</summary>
    private static Variant Property(string path, HttpMethod verb, string name, string what, JsonNode? value) =>
        new(path, verb, $"{name}: {what}", Json(new JsonObject { [name] = value }.ToJsonString()));

    private static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");

    private static string FillPath(string template, string value) =>
        System.Text.RegularExpressions.Regex.Replace(template, @"\{[^}]+\}", value);

    private static JsonNode? Resolve(JsonNode? schema, JsonObject? schemas)
    {
        for (var depth = 0; depth < 5 && schema is not null; depth++)
        {
            if (schema["$ref"]?.GetValue<string>() is { } reference)
                schema = schemas?[reference.Split('/')[^1]];
            else if ((schema["oneOf"] ?? schema["anyOf"] ?? schema["allOf"]) is JsonArray alternatives)
                schema = alternatives.FirstOrDefault(a => a?["type"]?.ToString() != "null") ?? alternatives.FirstOrDefault();
            else
                return schema;
        }
        return schema;
    }

    private static bool IsEnumRef(JsonNode? property, JsonObject? schemas) => Resolve(property, schemas)?["enum"] is not null;

    private static HashSet<string> Types(JsonNode? schema) => schema?["type"] switch
    {
        JsonArray many => many.Select(t => t!.GetValue<string>()).ToHashSet(),
        JsonValue one => [one.GetValue<string>()],
        _ => [],
    };

    /// <summary>What is wrong with the answer to a malformed request, or null when it is a proper refusal.</summary>
    private static async Task<string?> FaultAsync(HttpResponseMessage response, Variant request)
    {
        var status = (int)response.StatusCode;
        var body = await response.Content.ReadAsStringAsync();
        if (status >= 500)
            return $"{status} {body[..Math.Min(body.Length, 300)]}";
        if (status < 400)
            return request.What.Contains("100,000-character", StringComparison.Ordinal) ? null : $"{status}: a malformed request was accepted";
        // Kestrel refuses a NUL in the path while parsing the request line, before any application code runs (no hook
        // can give that answer a body); what matters here is that it is a refusal and not a failure.
        if (request.What == "path %00")
            return status == 400 ? null : $"{status} for a NUL in the path";
        if (response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed)
            return null; // an id that is not one names no resource; the path is the field
        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
            return $"{status} with {response.Content.Headers.ContentType?.MediaType ?? "no body"}: {body[..Math.Min(body.Length, 200)]}";
        using var problem = JsonDocument.Parse(body);
        var root = problem.RootElement;
        var named = (root.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Object && errors.EnumerateObject().Any())
            || (root.TryGetProperty("field", out var field) && field.GetString() is { Length: > 0 });
        return named ? null : $"{status} problem names no field: {body[..Math.Min(body.Length, 200)]}";
    }
}
