using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Parley.Tests.Infrastructure;

namespace Parley.Tests.FederationSlice;

/// <summary>
/// `parley demo federation` as the README runs it: one command starts three nodes on this machine with the story split
/// across them, prints their addresses and users, and stops them together on Ctrl+C; run again, it serves the same nodes.
/// </summary>
public sealed partial class FederationDemoTests
{
    [Fact]
    public async Task One_command_runs_the_letter_across_three_nodes_and_Ctrl_C_stops_them_all()
    {
        var install = ParleyProcess.Install("fdemo");
        var data = Path.Combine(Path.GetTempPath(), $"parley-fdemo-{Guid.NewGuid():N}");
        var port = ParleyProcess.FreePorts(3);
        var urls = Enumerable.Range(port, 3).Select(p => new Uri($"http://127.0.0.1:{p}")).ToArray();

        await using var demo = ParleyProcess.Launch(install, "demo", "federation", "--data", data, "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await ReadyAsync(demo);
        var output = demo.Output;
        foreach (var node in new[] { "eop", "senate", "ru" })
            Assert.Contains($"Set up the {node} node", output);
        Assert.Contains("Password for every user: moscow-letter-2018", output);
        foreach (var url in urls)
            Assert.Contains(url.ToString(), output);
        var letter = Guid.Parse(LetterLink().Match(output).Groups[1].Value);

        // The Russian clerk finds the courier's hand-over awaiting its receipt, after the first leg the Senate confirmed.
        var ru = await ClientAsync(install, urls[2], Path.Combine(data, "ru"), "ru", "clerk-ru");
        List<JsonElement> chain = [];
        await UntilAsync(async () => (chain = (await ru.GetFromJsonAsync<JsonElement>($"/api/letters/{letter}/custody")).GetProperty("chain").EnumerateArray().ToList()).Count == 2,
            "the first leg to be relayed to the Russian node", demo);
        Assert.Equal(["Confirmed", "Recorded"], chain.Select(l => l.GetProperty("state").GetString()));
        var confirmed = await ru.PostAsJsonAsync($"/api/letters/{letter}/handovers/{chain[1].GetProperty("handover").GetGuid()}/confirm", new { sealIntact = true });
        Assert.True(confirmed.IsSuccessStatusCode, await confirmed.Content.ReadAsStringAsync());
        // The Executive Office's node shows it delivered.
        var eop = await ClientAsync(install, urls[0], Path.Combine(data, "eop"), "eop", "clerk");
        await UntilAsync(async () => (await eop.GetFromJsonAsync<JsonElement>($"/api/letters/{letter}")).GetProperty("status").GetString() == "DeliveredToOffice",
            "the Executive Office to see the letter delivered", demo);

        // Ctrl+C stops all three.
        Assert.Equal(0, await demo.InterruptAsync());
        Assert.Contains("Stopped the three nodes.", demo.Output);
        using var probe = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        foreach (var url in urls)
            await Assert.ThrowsAsync<HttpRequestException>(() => probe.GetAsync(new Uri(url, "/health")));

        // Run again: the same nodes, set up and peered already, with the letter delivered.
        await using var again = ParleyProcess.Launch(install, "demo", "federation", "--data", data, "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await ReadyAsync(again);
        Assert.DoesNotContain("Set up the", again.Output);
        Assert.Equal("DeliveredToOffice", (await eop.GetFromJsonAsync<JsonElement>($"/api/letters/{letter}")).GetProperty("status").GetString());
        Assert.Equal(0, await again.InterruptAsync());
    }

    [GeneratedRegex(@"clerk-ru at http://127\.0\.0\.1:\d+/letters/([0-9a-f-]{36})")]
    private static partial Regex LetterLink();

    private static async Task ReadyAsync(ParleyProcess demo) =>
        await UntilAsync(() => Task.FromResult(demo.Output.Contains("The three nodes are ready.", StringComparison.Ordinal)), "the demo's three nodes to be ready", demo, minutes: 4);

    /// <summary>A client of one node with a token its operator made for a demo user (the verb runs beside the running node).</summary>
    private static async Task<HttpClient> ClientAsync(string install, Uri url, string store, string node, string user)
    {
        var secret = Path.Combine(install, "home", ".config", "parley", "demo-federation", node + "-secret");
        var (code, output) = await ParleyProcess.RunAsync(install, ["token", "create", user, "--data", store, "--secret-file", secret]);
        Assert.True(code == 0, output);
        var client = new HttpClient { BaseAddress = url };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", output.Trim().Split('\n')[^1]);
        return client;
    }

    private static async Task UntilAsync(Func<Task<bool>> done, string what, ParleyProcess demo, int minutes = 1)
    {
        var deadline = DateTime.UtcNow.AddMinutes(minutes);
        while (!await done())
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Waited {minutes} minute(s) for {what}:\n{demo.Output}");
            await Task.Delay(250);
        }
    }
}
