using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Parley.Demo;
using Parley.Record;
using Parley.Tests.Infrastructure;

namespace Parley.Tests.Web;

/// <summary>
/// The OpenAPI document as a client generator meets it, read by implementations Parley did not write: Redocly's linter
/// (its recommended rules), APIDevTools' swagger-parser, and Ajv checking every GET's real answer on the demo's record
/// against the schema the document declares for it.
/// </summary>
public sealed class OpenApiDocumentTests(ITestOutputHelper output)
{
    [Fact]
    public async Task The_document_is_public_and_Redocly_and_swagger_parser_find_no_error_in_it()
    {
        await using var server = await ParleyServer.StartAsync("sqlite");
        using var anonymous = new HttpClient { BaseAddress = server.Address };
        using var answer = await anonymous.GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        var text = await answer.Content.ReadAsStringAsync();
        var file = await WriteAsync(text);

        var checkers = await Checkers.FolderAsync();
        var (_, lint, lintErrors) = await Processes.RunAsync("node", checkers, "node_modules/@redocly/cli/bin/cli.js", "lint", file, "--format=json");
        var report = JsonNode.Parse(lint) ?? throw new InvalidOperationException($"Redocly printed no report: {lintErrors}");
        var problems = report["problems"]!.AsArray().Select(p => $"{p!["severity"]} {p["ruleId"]}: {p["message"]} at {p["location"]?[0]?["pointer"]}").ToList();
        output.WriteLine($"Redocly lint: {report["totals"]!["errors"]} errors, {report["totals"]!["warnings"]} warnings");
        foreach (var problem in problems)
            output.WriteLine("  " + problem);
        Assert.True(report["totals"]!["errors"]!.GetValue<int>() == 0, string.Join("\n", problems.Where(p => p.StartsWith("error", StringComparison.Ordinal))));

        var check = await CheckAsync(checkers, file, null);
        Assert.True(check.Valid, check.Error);

        // What a generator needs of every operation: an id, the sign-in it takes, and its answers, errors included.
        var document = JsonNode.Parse(text)!;
        Assert.Equal(["bearer", "cookie"], document["components"]!["securitySchemes"]!.AsObject().Select(s => s.Key).Order());
        var operations = document["paths"]!.AsObject().SelectMany(p => p.Value!.AsObject().Select(o => (Path: p.Key, Method: o.Key, Operation: o.Value!))).ToList();
        Assert.True(operations.Count > 90, $"only {operations.Count} operations");
        Assert.Equal(operations.Count, operations.Select(o => o.Operation["operationId"]!.GetValue<string>()).Distinct().Count());
        foreach (var (path, method, operation) in operations)
        {
            Assert.True(operation["security"] is JsonArray, $"{method} {path} declares no security");
            var responses = operation["responses"]!.AsObject();
            Assert.Contains(responses, r => r.Key.StartsWith('2'));
            // An operation behind a sign-in answers 401 with a ProblemDetails, as declared.
            if (operation["security"]!.AsArray().Count > 0)
                Assert.NotNull(responses["401"]?["content"]?["application/problem+json"]);
        }
        // Real answers are the statuses declared: a registration is a 201 with the new id, a hand-over's answer a 204.
        Assert.NotNull(document["paths"]!["/api/letters"]!["post"]!["responses"]!["201"]!["content"]!["application/json"]);
        Assert.NotNull(document["paths"]!["/api/letters/{id}/handovers/{handoverId}/confirm"]!["post"]!["responses"]!["204"]);
        Assert.NotNull(document["paths"]!["/ledger/cosignature"]!["post"]!["requestBody"]!["content"]!["text/plain"]);
        Assert.Empty(document["paths"]!["/ledger/checkpoint"]!["get"]!["security"]!.AsArray());
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Every_GET_answers_what_the_document_declares_for_it(string provider)
    {
        await using var server = await ParleyServer.StartAsync(provider);
        Assert.True((await server.InScopeAsync(s => DemoStory.LoadAsync(s, default))).Succeeded);
        using var client = await server.EverythingClientAsync();
        var text = await client.GetStringAsync("/openapi/v1.json");
        var document = JsonNode.Parse(text)!;
        var size = await server.InScopeAsync(s => LedgerNodes.SizeAsync(s.GetRequiredService<ParleyDb>(), default));
        var chamber = await server.InScopeAsync(s => s.GetRequiredService<ParleyDb>().CalendarPeriods.Select(p => p.Chamber).FirstAsync());

        // The first record of each collection, as the API lists it to this caller.
        async Task<string> FirstAsync(string list, Func<JsonNode, string?>? pick = null)
        {
            var node = JsonNode.Parse(await client.GetStringAsync(list))!;
            var items = node is JsonArray array ? array : node["items"]!.AsArray();
            return items.Select(i => (pick ?? (i => i!["id"]!.GetValue<string>()))(i!)).FirstOrDefault(v => v is not null)
                ?? throw new InvalidOperationException($"GET {list} lists nothing to take an id from: {node.ToJsonString()[..Math.Min(300, node.ToJsonString().Length)]}");
        }

        var person = await FirstAsync("/api/people?q=Kosachev");
        // The demo keeps no source texts; one statement recorded with its source gives the sources route a record.
        using (var recorded = await client.PostAsync("/api/statements", new StringContent(new JsonObject
        {
            ["speaker"] = person,
            ["medium"] = "Interview",
            ["saidOn"] = "2018-08-06",
            ["text"] = "We are ready to talk.",
            ["sourceText"] = "Konstantin Kosachev said: \"We are ready to talk.\"",
        }.ToJsonString(), System.Text.Encoding.UTF8, "application/json")))
            Assert.Equal(HttpStatusCode.Created, recorded.StatusCode);
        var values = new Dictionary<string, string>
        {
            ["/api/people/{id}"] = person,
            ["/api/people/{id}/relationships"] = person,
            ["/api/institutions/{id}"] = await FirstAsync("/api/institutions?q=Federation"),
            ["/api/letters/{id}"] = await FirstAsync("/api/letters"),
            ["/api/letters/{id}/custody"] = await FirstAsync("/api/letters"),
            ["/api/statements/{id}"] = await FirstAsync("/api/statements"),
            ["/api/statements/sources/{sha}"] = await FirstAsync("/api/statements", s => s["source"]?["sha256"]?.GetValue<string>()),
            ["/api/visits/{id}"] = await FirstAsync("/api/visits"),
            ["/api/meetings/{id}"] = await FirstAsync("/api/meetings"),
            ["/api/proposals/{id}"] = await FirstAsync("/api/proposals"),
            ["/api/task-forces/{id}"] = await FirstAsync("/api/task-forces"),
            ["/api/calendars/{chamber}"] = chamber.ToString(),
        };
        var queries = new Dictionary<string, string>
        {
            ["/api/visits/timeline"] = "?country=US&with=RU",
            ["/ledger/proof/inclusion"] = $"?index=0&size={size}",
            ["/ledger/proof/consistency"] = $"?from=1&to={size}",
            ["/ledger/leaf-hashes"] = $"?start=0&end={Math.Min(size, 20)}",
            ["/ledger/entries"] = $"?start=0&end={Math.Min(size, 20)}",
        };

        var answers = new JsonArray();
        var unfilled = new List<string>();
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            if (item!["get"]?["responses"]?["200"]?["content"]?["application/json"] is null)
                continue;
            var url = path;
            if (path.Contains('{', StringComparison.Ordinal))
            {
                if (!values.TryGetValue(path, out var value))
                {
                    unfilled.Add(path);
                    continue;
                }
                url = System.Text.RegularExpressions.Regex.Replace(path, @"\{[^}]+\}", value);
            }
            url += queries.GetValueOrDefault(path, "");
            using var response = await client.GetAsync(url);
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url}: {(int)response.StatusCode} {body[..Math.Min(body.Length, 300)]}");
            answers.Add(new JsonObject { ["method"] = "get", ["path"] = path, ["status"] = 200, ["body"] = JsonNode.Parse(body) });
        }
        // Errors are answers too: a letter that is not there, and a malformed query value.
        foreach (var (path, url, status) in new[]
        {
            ("/api/letters/{id}", $"/api/letters/{Guid.NewGuid()}", 404),
            ("/api/meetings", "/api/meetings?from=yesterday", 400),
            ("/ledger/proof/inclusion", $"/ledger/proof/inclusion?index=0&size={size + 5}", 400),
        })
        {
            using var response = await client.GetAsync(url);
            Assert.Equal(status, (int)response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            answers.Add(new JsonObject { ["method"] = "get", ["path"] = path, ["status"] = status, ["body"] = JsonNode.Parse(await response.Content.ReadAsStringAsync()) });
        }

        Assert.Empty(unfilled);
        var check = await CheckAsync(await Checkers.FolderAsync(), await WriteAsync(text), answers.ToJsonString());
        output.WriteLine($"Ajv ({provider}): {check.Checked} real answers checked against their declared schemas, {check.Failures.Length} differ.");
        Assert.True(check.Failures.Length == 0, string.Join("\n", check.Failures.Select(f => $"{f.Method.ToUpperInvariant()} {f.Path} {f.Status}: {string.Join("; ", f.Errors)}")));
        Assert.True(check.Checked >= 30, $"only {check.Checked} answers checked");
    }

    private sealed record Failure(string Method, string Path, int Status, string[] Errors);

    private sealed record Check(bool Valid, string? Error, int Checked, Failure[] Failures);

    private static async Task<Check> CheckAsync(string checkers, string document, string? answers)
    {
        string[] args = ["openapi-check.mjs", document];
        if (answers is not null)
            args = [.. args, await WriteAsync(answers)];
        var (code, printed, error) = await Processes.RunAsync("node", checkers, args);
        Assert.True(code == 0, $"openapi-check.mjs failed: {error}");
        return JsonSerializer.Deserialize<Check>(printed, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
    }

    private static async Task<string> WriteAsync(string text)
    {
        var file = Path.Combine(Path.GetTempPath(), $"parley-openapi-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, text);
        return file;
    }
}
