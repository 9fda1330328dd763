using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.Playwright;
using Parley.Record;
using Parley.Tests.Infrastructure;
using Parley.Tests.WebSlice;

namespace Parley.Tests.FederationSlice;

/// <summary>
/// Three real `parley` processes, each its own node with its own store and only its own keys: the Executive Office of
/// the President (SQLite), the US Senate (SQLite) and the Presidential Administration of Russia (PostgreSQL). Each hosts
/// its institution; they become peers with the log keys they exchanged; a letter registered at the Executive Office to
/// the Presidential Administration is sealed to the key the Russian node published, and its envelope crosses when it is
/// dispatched — while the Russian node is down, so it is delivered when it returns, once.
/// </summary>
public sealed class FederationTests
{
    private const string Password = "federation-test-password-2026";

    [Fact]
    public async Task A_letter_crosses_to_the_addressees_node_sealed_to_the_key_that_node_published()
    {
        await using var three = await ThreeNodes.CreateAsync("fed");
        var (eop, senate, ru) = (three.Eop, three.Senate, three.Ru);
        var quick = new Dictionary<string, string>
        {
            ["PARLEY_FEDERATION_INTERVAL_MS"] = "200",
            ["PARLEY_FEDERATION_BACKOFF_MAX_MS"] = "1000",
            ["PARLEY_PEER_SYNC_MS"] = "500",
        };
        foreach (var node in new[] { eop, senate, ru })
            await node.StartAsync(quick);
        try
        {
            await StoryAsync(eop, senate, ru, quick);
        }
        catch (Exception e)
        {
            // What the nodes said is the first thing to read when the story breaks.
            throw new InvalidOperationException($"{e.Message}\n--- eop ---\n{eop.Output}\n--- senate ---\n{senate.Output}\n--- ru ---\n{ru.Output}", e);
        }
    }

    private static async Task StoryAsync(Node eop, Node senate, Node ru, Dictionary<string, string> quick)
    {

        var wrong = await eop.RunAsync("peer", "add", ru.Address.ToString(), "--key", senate.LogKey);
        Assert.Equal(1, wrong.Code);
        Assert.Contains("not the key given", wrong.Output);
        await PeerAllAsync(eop, senate, ru);
        // Adding a peer again changes nothing.
        Assert.Contains("(0 changes recorded)", (await eop.RunAsync("peer", "add", ru.Address.ToString(), "--key", ru.LogKey)).Output);

        var status = await eop.StatusAsync();
        var ruPeer = status.GetProperty("peers").EnumerateArray().Single(p => p.GetProperty("origin").GetString() == ru.Origin);
        var pa = ruPeer.GetProperty("institutions").EnumerateArray().Single();
        Assert.Equal("Presidential Administration of Russia", pa.GetProperty("name").GetString());
        var paId = pa.GetProperty("id").GetGuid();
        var ruHosted = (await ru.StatusAsync()).GetProperty("hosted").EnumerateArray().Single();
        Assert.Equal(paId, ruHosted.GetProperty("id").GetGuid());
        Assert.Equal(ruHosted.GetProperty("index").GetInt64(), pa.GetProperty("index").GetInt64());

        // The letter is registered and its copy sealed at the Executive Office; the office cannot open what it sealed.
        var clerk = eop.Client("clerk");
        var letterId = await RegisterAsync(clerk, eop.InstitutionId, paId, "Invitation to consultations");
        var text = "Dear colleagues, we invite you to consultations in Washington."u8.ToArray();
        var attachmentId = await AttachAsync(clerk, letterId, text);
        Assert.NotEqual(HttpStatusCode.OK, (await clerk.GetAsync($"/api/letters/{letterId}/attachments/{attachmentId}")).StatusCode);

        // The Russian node is down when the letter is dispatched: the envelope waits in the outbox, retried.
        await ru.StopAsync();
        var dispatched = await clerk.PostAsJsonAsync($"/api/letters/{letterId}/handovers", new { toInstitution = paId, place = "Washington" });
        Assert.True(dispatched.IsSuccessStatusCode, await dispatched.Content.ReadAsStringAsync());
        await Until(async () => Outbox(await eop.StatusAsync(), ru.Origin).GetProperty("lastError").GetString() is { Length: > 0 }, "the outbox to note the failed delivery", eop);
        // Two wait, in order: the envelope, then the hand-over signed by the Executive Office.
        Assert.Equal(2, Outbox(await eop.StatusAsync(), ru.Origin).GetProperty("waiting").GetInt32());

        // The Executive Office's node is killed (-9) with both in its outbox, and restarted: nothing was lost.
        await eop.KillAsync();
        await eop.StartAsync(quick);
        Assert.Equal(2, Outbox(await eop.StatusAsync(), ru.Origin).GetProperty("waiting").GetInt32());

        // The Russian node comes back and receives the envelope: its clerk sees the letter as expected and opens the copy sealed to its key.
        await ru.StartAsync(quick);
        await Until(async () => Outbox(await eop.StatusAsync(), ru.Origin).GetProperty("delivered").GetInt32() == 2, "the envelope and the hand-over to be delivered", eop);
        // Received once each, in the order sent (the inbox takes only the next of a peer's sequence).
        Assert.Equal(2, (await ru.StatusAsync()).GetProperty("peers").EnumerateArray().Single(p => p.GetProperty("origin").GetString() == eop.Origin).GetProperty("received").GetInt32());
        var ruClerk = ru.Client("clerk");
        var seen = await ruClerk.GetFromJsonAsync<JsonElement>($"/api/letters/{letterId}");
        Assert.Equal("Invitation to consultations", seen.GetProperty("subject").GetString());
        Assert.Equal((await clerk.GetFromJsonAsync<JsonElement>($"/api/letters/{letterId}")).GetProperty("number").GetString(), seen.GetProperty("number").GetString());
        var opened = await ruClerk.GetAsync($"/api/letters/{letterId}/attachments/{attachmentId}");
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        Assert.Equal(text, await opened.Content.ReadAsByteArrayAsync());
        // The hand-over came with the envelope: on the Russian node it awaits its receiver, signed by the giver over the Executive
        // Office's own bytes. The Russian clerk confirms it there, with the Presidential Administration's key, which never left that node.
        var ruCustody = await ruClerk.GetFromJsonAsync<JsonElement>($"/api/letters/{letterId}/custody");
        var link = ruCustody.GetProperty("chain").EnumerateArray().Single();
        Assert.Equal("Recorded", link.GetProperty("state").GetString());
        Assert.True(link.GetProperty("giverSignatureValid").GetBoolean());
        var handoverId = link.GetProperty("handover").GetGuid();
        var confirmed = await ruClerk.PostAsJsonAsync($"/api/letters/{letterId}/handovers/{handoverId}/confirm", new { sealIntact = true });
        Assert.True(confirmed.IsSuccessStatusCode, await confirmed.Content.ReadAsStringAsync());
        var ruLink = (await ruClerk.GetFromJsonAsync<JsonElement>($"/api/letters/{letterId}/custody")).GetProperty("chain")[0];
        Assert.True(ruLink.GetProperty("receiverSignatureValid").GetBoolean() && ruLink.GetProperty("giverSignatureValid").GetBoolean(), ruLink.ToString());

        // The signed confirmation returns: the Executive Office sees it on its own node, both signatures valid over its own entry.
        await Until(async () => (await clerk.GetFromJsonAsync<JsonElement>($"/api/letters/{letterId}/custody")).GetProperty("chain")[0].GetProperty("state").GetString() == "Confirmed",
            "the confirmation to reach the Executive Office", eop);
        var eopCustody = await clerk.GetFromJsonAsync<JsonElement>($"/api/letters/{letterId}/custody");
        var eopLink = eopCustody.GetProperty("chain")[0];
        Assert.True(eopLink.GetProperty("giverSignatureValid").GetBoolean() && eopLink.GetProperty("receiverSignatureValid").GetBoolean(), eopLink.ToString());
        Assert.Equal(ruLink.GetProperty("receiverSignature").GetString(), eopLink.GetProperty("receiverSignature").GetString());
        Assert.Equal("DeliveredToOffice", (await clerk.GetFromJsonAsync<JsonElement>($"/api/letters/{letterId}")).GetProperty("status").GetString());
        // Each half is provable against the log of the node that recorded it: the Executive Office holds the proof, from the
        // Russian node's log, of the confirmation recorded there, and the Russian node the proof, from the Executive Office's, of the step.
        var answered = await ProvedElsewhereAsync(clerk, letterId, 0, "Answered", eop);
        Assert.Equal(ru.Origin, answered.GetProperty("log").GetString());
        Assert.True(TlogProofSpec.Holds(answered.GetProperty("proof").GetString()!, ru.LogKey), answered.ToString());
        var given = await ProvedElsewhereAsync(ruClerk, letterId, 0, "Given", ru);
        Assert.Equal(eop.Origin, given.GetProperty("log").GetString());
        Assert.Equal(eopLink.GetProperty("ledgerIndex").GetInt64(), given.GetProperty("index").GetInt64());
        Assert.True(TlogProofSpec.Holds(given.GetProperty("proof").GetString()!, eop.LogKey), given.ToString());
        // Each side's record proves itself offline, both halves.
        var verified = await eop.RunAsync("verify-letter", letterId.ToString());
        Assert.True(verified.Code == 0, verified.Output);
        Assert.Contains($"answered on {ru.Origin}: entry #{answered.GetProperty("index").GetInt64()} of its log, proved under its checkpoint", verified.Output);

        // The Senate, through which nothing was sent, has no trace of it.
        Assert.Equal(HttpStatusCode.NotFound, (await senate.Client("clerk").GetAsync($"/api/letters/{letterId}")).StatusCode);

        // The delivered message sent again (a replay) is not applied twice; altered, or signed by another key, it is refused and kept.
        var note = eop.OutboxNotes()[0];
        using var raw = new HttpClient { BaseAddress = ru.Address };
        var events = await ru.SizeAsync();
        var replayed = await raw.PostAsync("/federation/inbox", new StringContent(note, Encoding.UTF8, "text/plain"));
        Assert.Equal(HttpStatusCode.OK, replayed.StatusCode);
        Assert.Equal("already applied", (await replayed.Content.ReadAsStringAsync()).Trim());
        var altered = note.Replace("Invitation to consultations", "Invitation to capitulation", StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await raw.PostAsync("/federation/inbox", new StringContent(altered, Encoding.UTF8, "text/plain"))).StatusCode);
        var garbage = await raw.PostAsync("/federation/inbox", new StringContent("hello", Encoding.UTF8, "text/plain"));
        Assert.Equal(HttpStatusCode.BadRequest, garbage.StatusCode);
        Assert.Equal(events, await ru.SizeAsync());
        var refused = (await ru.StatusAsync()).GetProperty("refused").EnumerateArray().Select(r => r.GetProperty("reason").GetString()).ToList();
        Assert.Contains(refused, r => r!.Contains("valid signature", StringComparison.Ordinal));
        Assert.Contains(refused, r => r!.Contains("does not read", StringComparison.Ordinal));

        // A node that serves the Russian node's description with another key for its institution is caught by the proof: at once
        // when it is added, and later when a peer that served honestly begins to substitute (a fault the page shows).
        var forgery = new Forgery(await raw.GetStringAsync("/federation/node"));
        await using var forger = await forgery.StartAsync();
        var forged = await senate.RunAsync("peer", "add", forger.Urls.First(), "--key", ru.LogKey);
        Assert.Equal(1, forged.Code);
        Assert.Contains("does not hold", forged.Output);
        forgery.Honest = true;
        var moved = await senate.RunAsync("peer", "add", forger.Urls.First(), "--key", ru.LogKey);
        Assert.True(moved.Code == 0 && moved.Output.Contains("(1 change recorded)", StringComparison.Ordinal), moved.Output);
        forgery.Honest = false;
        await Until(async () => (await senate.StatusAsync()).GetProperty("faults").EnumerateArray().Any(f => f.GetProperty("what").GetString()!.Contains("does not hold", StringComparison.Ordinal)),
            "the Senate node to see the substituted key", senate, async () => (await senate.StatusAsync()).ToString());

        // An institution the Russian node begins to host is learned by its peers from its log, without anyone adding it.
        await ru.HostAsync("ru-mfa", "Ministry of Foreign Affairs of Russia", "ministry");
        await Until(async () => (await eop.StatusAsync()).GetProperty("peers").EnumerateArray()
            .Single(p => p.GetProperty("origin").GetString() == ru.Origin).GetProperty("institutions").GetArrayLength() == 2, "the Executive Office to learn the ministry", eop);

        await ProposalAcrossAsync(eop, senate, ru, paId);
    }

    /// <summary>
    /// A meeting proposal of the Executive Office to the Presidential Administration crosses to the invited party's node;
    /// its clerk returns it there with reasons, the Executive Office resubmits it, and the Russian clerk accepts it: each
    /// answer seen on both. (The Senate's node was pointed at the forging node above, so it is the oversight here.)
    /// </summary>
    private static async Task ProposalAcrossAsync(Node eop, Node senate, Node ru, Guid paId)
    {
        var (proposer, invited) = (eop.Client("clerk"), ru.Client("clerk"));
        var made = await proposer.PostAsJsonAsync("/api/proposals", new
        {
            title = "Consultations between the Executive Office and the Presidential Administration",
            purpose = "Agree an agenda for consultations.",
            partyA = eop.InstitutionId,
            partyB = paId,
            oversight = senate.InstitutionId,
            window = new[] { new { kind = "NotBefore", date = "2027-01-15" } },
        });
        Assert.True(made.StatusCode == HttpStatusCode.Created, await made.Content.ReadAsStringAsync());
        var id = (await made.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        async Task<JsonElement?> ProposalAsync(HttpClient client) =>
            await client.GetAsync($"/api/proposals/{id}") is { IsSuccessStatusCode: true } found ? (await found.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("proposal") : null;
        await Until(async () => await ProposalAsync(invited) is { } p && p.GetProperty("title").GetString()!.StartsWith("Consultations", StringComparison.Ordinal),
            "the proposal to reach the invited party's node", ru, async () => $"{await eop.StatusAsync()}");
        // Only the invited party answers.
        Assert.Equal(HttpStatusCode.Forbidden, (await proposer.PostAsJsonAsync($"/api/proposals/{id}/answer", new { accept = true })).StatusCode);
        var noReason = await invited.PostAsJsonAsync($"/api/proposals/{id}/answer", new { accept = false });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Contains("\"field\":\"reason\"", await noReason.Content.ReadAsStringAsync());
        const string why = "Propose dates after the spring session opens.";
        Assert.Equal(HttpStatusCode.NoContent, (await invited.PostAsJsonAsync($"/api/proposals/{id}/answer", new { accept = false, reason = why })).StatusCode);
        await Until(async () => await ProposalAsync(proposer) is { } p && p.GetProperty("state").GetString() == "Returned" && p.GetProperty("partnerReason").GetString() == why,
            "the Executive Office to see the proposal returned with the reasons", eop);
        Assert.Equal(HttpStatusCode.NoContent, (await proposer.PostAsJsonAsync($"/api/proposals/{id}/steps", new { step = "Resubmit" })).StatusCode);
        await Until(async () => await ProposalAsync(invited) is { } p && p.GetProperty("state").GetString() == "Proposed" && p.GetProperty("partnerAccepted").ValueKind == JsonValueKind.Null,
            "the invited party's node to see it resubmitted", ru);
        Assert.Equal(HttpStatusCode.NoContent, (await invited.PostAsJsonAsync($"/api/proposals/{id}/answer", new { accept = true })).StatusCode);
        await Until(async () => await ProposalAsync(proposer) is { } p && p.GetProperty("partnerAccepted").ValueKind == JsonValueKind.True,
            "the Executive Office to see the proposal accepted", eop);
        Assert.Equal("Proposed", (await ProposalAsync(proposer))!.Value.GetProperty("state").GetString());
    }

    [Fact]
    public async Task A_senate_courier_carries_the_letter_and_the_receiving_clerk_confirms_on_the_Russian_node_and_the_sending_clerk_sees_it_on_the_US_node()
    {
        await using var three = await ThreeNodes.CreateAsync("fedweb");
        var (eop, senate, ru) = (three.Eop, three.Senate, three.Ru);
        var quick = new Dictionary<string, string> { ["PARLEY_FEDERATION_INTERVAL_MS"] = "200", ["PARLEY_FEDERATION_BACKOFF_MAX_MS"] = "1000" };
        foreach (var node in new[] { eop, senate, ru })
            await node.StartAsync(quick);
        await PeerAllAsync(eop, senate, ru);
        var paId = (await ru.StatusAsync()).GetProperty("hosted")[0].GetProperty("id").GetGuid();
        var clerk = eop.Client("clerk");
        var letterId = await RegisterAsync(clerk, eop.InstitutionId, paId, "Letter from the President");
        var text = "The President's letter, for the Presidential Administration only."u8.ToArray();
        var attachmentId = await AttachAsync(clerk, letterId, text);
        // Through diplomatic channels: the Senate, where the courier works, carries it to the addressee.
        var route = await clerk.PostAsJsonAsync($"/api/letters/{letterId}/route", new
        {
            legs = new[] { new { toInstitution = senate.InstitutionId, dueHours = 24 }, new { toInstitution = paId, dueHours = 72 } },
        });
        Assert.True(route.IsSuccessStatusCode, await route.Content.ReadAsStringAsync());
        Assert.True((await clerk.PostAsJsonAsync($"/api/letters/{letterId}/handovers", new { toInstitution = senate.InstitutionId, place = "Washington" })).IsSuccessStatusCode);

        // The courier's node receives the envelope without the copy, confirms the first leg there, and hands the letter on.
        var courier = senate.Client("clerk");
        await Until(async () => (await ChainAsync(courier, letterId)).Count == 1, "the letter and its hand-over to reach the Senate's node", senate);
        Assert.NotEqual(HttpStatusCode.OK, (await courier.GetAsync($"/api/letters/{letterId}/attachments/{attachmentId}")).StatusCode);
        var first = (await courier.GetFromJsonAsync<JsonElement>($"/api/letters/{letterId}/custody")).GetProperty("chain")[0].GetProperty("handover").GetGuid();
        var carried = await courier.PostAsJsonAsync($"/api/letters/{letterId}/handovers/{first}/confirm", new { sealIntact = true });
        Assert.True(carried.IsSuccessStatusCode, await carried.Content.ReadAsStringAsync());
        await Until(async () => (await clerk.GetFromJsonAsync<JsonElement>($"/api/letters/{letterId}/custody")).GetProperty("chain")[0].GetProperty("state").GetString() == "Confirmed",
            "the Executive Office to see the Senate's confirmation", eop);
        var onward = await courier.PostAsJsonAsync($"/api/letters/{letterId}/handovers", new { toInstitution = paId, place = "Moscow" });
        Assert.True(onward.IsSuccessStatusCode, await onward.Content.ReadAsStringAsync());
        var onwardId = (await onward.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await Until(async () => (await ChainAsync(ru.Client("clerk"), letterId)).Any(l => l.GetProperty("handover").GetGuid() == onwardId), "the courier's hand-over to reach the Russian node", ru);
        // Only the addressee's node opens the copy.
        var opened = await ru.Client("clerk").GetAsync($"/api/letters/{letterId}/attachments/{attachmentId}");
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        Assert.Equal(text, await opened.Content.ReadAsByteArrayAsync());

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BrowserTests.LaunchAsync(playwright);
        var receiving = await BrowserTests.SignInAsync(browser, ru.Address, "clerk", Password);
        await receiving.GotoAsync(new Uri(ru.Address, $"/letters/{letterId}").ToString());
        await Assertions.Expect(receiving.GetByRole(AriaRole.Heading, new() { Level = 1 }))
            .ToContainTextAsync("awaiting its confirmation");
        await Assertions.Expect(receiving.GetByTestId("arrived")).ToContainTextAsync($"Its registry keeps the record on the node {eop.Origin}");
        if (Environment.GetEnvironmentVariable("PARLEY_TEST_SHOTS") is { Length: > 0 } arrivedShots)
            await receiving.ScreenshotAsync(new() { Path = Path.Combine(arrivedShots, "federation-arrived.png"), FullPage = true });
        await receiving.GetByRole(AriaRole.Button, new() { Name = "Confirm receipt" }).ClickAsync();
        await Assertions.Expect(receiving.GetByTestId("done")).ToHaveTextAsync("Receipt confirmed and signed.");

        var sending = await BrowserTests.SignInAsync(browser, eop.Address, "clerk", Password);
        var letterPage = new Uri(eop.Address, $"/letters/{letterId}").ToString();
        await Until(async () =>
        {
            await sending.GotoAsync(letterPage);
            return (await sending.GetByRole(AriaRole.Heading, new() { Level = 1 }).InnerTextAsync()).Contains("delivered to the office", StringComparison.Ordinal);
        }, "the US node's letter page to show the Russian confirmation", eop);
        await sending.GetByRole(AriaRole.Link, new() { Name = "Custody certificate" }).ClickAsync();
        // Complete once this node holds the proofs, from the other nodes' logs, of the halves recorded there.
        await Until(async () =>
        {
            await sending.ReloadAsync();
            return (await sending.Locator("#verdict").InnerTextAsync()).Contains("The chain of custody verifies and is complete.", StringComparison.Ordinal);
        }, "the certificate to prove every half in the log of the node that recorded it", eop);
        if (Environment.GetEnvironmentVariable("PARLEY_TEST_SHOTS") is { Length: > 0 } shots)
            await sending.ScreenshotAsync(new() { Path = Path.Combine(shots, "federation-certificate.png"), FullPage = true });
        // Two hand-overs, each valid three times — the giver's signature and the receiver's, each made on its own node, and the
        // step in this node's signed tree — and each half recorded on another node valid in that node's log: the Senate's
        // confirmation of the first; the second, recorded between two other nodes, given on the Senate's and answered on the Russian.
        var rows = sending.GetByRole(AriaRole.Row).Filter(new() { HasText = "✓ valid" });
        Assert.Equal(2, await rows.CountAsync());
        Assert.Equal(4, System.Text.RegularExpressions.Regex.Count(await rows.Nth(0).InnerTextAsync(), "✓ valid"));
        Assert.Equal(5, System.Text.RegularExpressions.Regex.Count(await rows.Nth(1).InnerTextAsync(), "✓ valid"));
        await Assertions.Expect(rows.Nth(0).GetByTestId("elsewhere")).ToContainTextAsync($"Answered on the node {senate.Origin}");
        await Assertions.Expect(rows.Nth(1).GetByTestId("elsewhere").First).ToContainTextAsync($"Given on the node {senate.Origin}");
        await Assertions.Expect(rows.Nth(1).GetByTestId("elsewhere").Last).ToContainTextAsync($"Answered on the node {ru.Origin}");
        // The registry's node relays every leg to each node holding the letter: each shows the same whole chain, on route.
        foreach (var node in new[] { senate, ru })
        {
            var client = node.Client("clerk");
            await Until(async () => (await client.GetFromJsonAsync<JsonElement>($"/api/letters/{letterId}/custody")).GetProperty("chain").EnumerateArray()
                .Count(l => l.GetProperty("state").GetString() == "Confirmed") == 2, $"{node.Origin} to hold both legs, confirmed", node);
            var letter = await client.GetFromJsonAsync<JsonElement>($"/api/letters/{letterId}");
            Assert.Equal("DeliveredToOffice", letter.GetProperty("status").GetString());
            var exceptions = letter.GetProperty("exceptions").EnumerateArray().Select(x => x.GetString()).ToList();
            Assert.DoesNotContain("OffRouteHolder", exceptions);
            Assert.DoesNotContain("UnconfirmedHandover", exceptions);
        }
        // And offline, on each node: the registry's record of the whole chain, the courier's and the receiver's.
        foreach (var node in new[] { eop, senate, ru })
        {
            var verified = await node.RunAsync("verify-letter", letterId.ToString());
            Assert.True(verified.Code == 0, verified.Output);
        }
    }

    [Fact]
    public async Task Peers_witness_each_other_and_a_node_that_rewrites_its_history_is_shown_as_such_on_its_peers()
    {
        await using var three = await ThreeNodes.CreateAsync("fedwit");
        var (eop, senate, ru) = (three.Eop, three.Senate, three.Ru);
        var quick = new Dictionary<string, string>
        {
            ["PARLEY_PEER_SYNC_MS"] = "300",
            ["PARLEY_WITNESS_INTERVAL_MS"] = "200",
            ["PARLEY_WITNESS_BACKOFF_MAX_MS"] = "1000",
        };
        var nodes = new[] { eop, senate, ru };
        foreach (var node in nodes)
            await node.StartAsync(quick);
        await PeerAllAsync(nodes);

        // Each node's checkpoint comes to carry both peers' cosignatures, checked here under the keys the witnesses serve
        // themselves, and only then do its proofs say "witnessed".
        foreach (var node in nodes)
        {
            var witnesses = new List<string>();
            foreach (var peer in nodes.Where(n => n != node))
            {
                using var anonymous = new HttpClient { BaseAddress = peer.Address };
                witnesses.Add((await anonymous.GetStringAsync("/ledger/witness-key")).Trim());
            }
            using var client = new HttpClient { BaseAddress = node.Address };
            var note = "";
            await Until(async () =>
            {
                note = await client.GetStringAsync("/ledger/checkpoint");
                return witnesses.All(w => Cosignature.Holds(note, w));
            }, $"both peers to cosign {node.Origin}'s checkpoint", node, () => Task.FromResult(note));
            var size = long.Parse(note.Split('\n')[1], System.Globalization.CultureInfo.InvariantCulture);
            var proof = await client.GetFromJsonAsync<JsonElement>($"/ledger/proof/inclusion?index=0&size={size}");
            Assert.True(proof.GetProperty("witnessed").GetBoolean(), proof.ToString());
        }
        var seen = Peer(await eop.StatusAsync(), senate.Origin).GetProperty("witnessing");
        Assert.True(seen.GetProperty("witness").GetBoolean());
        Assert.True(seen.GetProperty("cosignedHere").GetInt64() > 0, seen.ToString());
        Assert.Equal(JsonValueKind.Null, seen.GetProperty("rewritten").ValueKind);

        // The Senate's store is backed up; its log then grows, and both peers cosign it at its new size.
        await senate.StopAsync();
        senate.Backup();
        await senate.StartAsync(quick);
        var before = await senate.SizeAsync();
        for (var i = 0; i < 3; i++)
            await senate.RecordOneAsync($"Committee recorded after the backup {i}");
        var cosignedSize = await senate.SizeAsync();
        foreach (var peer in new[] { eop, ru })
        {
            await Until(async () => Peer(await peer.StatusAsync(), senate.Origin).GetProperty("witnessing").GetProperty("cosignedThere").GetInt64() == cosignedSize,
                $"{peer.Origin} to cosign the Senate's log at {cosignedSize}", peer);
        }

        // The backup is restored: entries the Senate published, and its peers cosigned, are gone. Both peers see it.
        await senate.StopAsync();
        senate.Restore();
        await senate.StartAsync(quick);
        Assert.Equal(before, await senate.SizeAsync());
        foreach (var peer in new[] { eop, ru })
            await Until(async () => Rewritten(await peer.StatusAsync(), senate.Origin) == "RolledBack", $"{peer.Origin} to see the Senate rolled back", peer);

        // It records other entries up to the size its peers cosigned: another root for the same size, a split view. Calling
        // its witnesses on the way, it learns from them that it lost entries.
        await senate.RecordOneAsync("Committee recorded after the restore");
        await Until(() => Task.FromResult(senate.Output.Contains("this store lost entries it had published", StringComparison.Ordinal)),
            "the Senate to learn from its witnesses that it lost entries", senate);
        for (var i = 1; i < cosignedSize - before; i++)
            await senate.RecordOneAsync($"Committee recorded after the restore {i}");
        Assert.Equal(cosignedSize, await senate.SizeAsync());
        await Until(async () => Rewritten(await eop.StatusAsync(), senate.Origin) == "SplitView", "the Executive Office to see the split view", eop);
        // One more: a larger log that does not extend the checkpoint they cosigned, a fork.
        await senate.RecordOneAsync("Committee recorded past the cosigned size");
        foreach (var peer in new[] { eop, ru })
            await Until(async () => Rewritten(await peer.StatusAsync(), senate.Origin) == "Fork", $"{peer.Origin} to see the fork", peer);

        // Each fault keeps both checkpoints, each signed by the Senate's log key: evidence anyone can check.
        var faults = (await eop.StatusAsync()).GetProperty("faults").EnumerateArray().Where(f => f.GetProperty("peer").GetString() == senate.Origin).ToList();
        Assert.Equal(new[] { "Fork", "RolledBack", "SplitView" }, faults.Select(f => f.GetProperty("kind").GetString()!).Distinct().Order());
        foreach (var fault in faults)
        {
            var evidence = fault.GetProperty("evidence").GetString()!;
            var notes = evidence.Split(["cosigned by this node:\n", $"served by {senate.Origin}:\n", $"submitted by {senate.Origin}:\n"], StringSplitOptions.RemoveEmptyEntries)
                .Select(n => n.TrimEnd('\n') + "\n").ToList();
            Assert.Equal(2, notes.Count);
            Assert.All(notes, n => Assert.True(Ed25519Note.Holds(n, senate.LogKey), n));
            Assert.NotEqual(notes[0], notes[1]);
        }
        // Nothing more is learned from it, and its peers' pages say what happened.
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BrowserTests.LaunchAsync(playwright);
        var admin = await BrowserTests.SignInAsync(browser, eop.Address, "admin", Password);
        await admin.GotoAsync(new Uri(eop.Address, "/federation").ToString());
        var card = admin.GetByRole(AriaRole.Article, new() { Name = senate.Origin, Exact = true });
        await Assertions.Expect(card.GetByTestId("history")).ToContainTextAsync("Its history was rewritten (fork).");
        await Assertions.Expect(admin.GetByRole(AriaRole.Article, new() { Name = ru.Origin, Exact = true }).GetByTestId("history")).ToContainTextAsync("Its history holds");
        if (Environment.GetEnvironmentVariable("PARLEY_TEST_SHOTS") is { Length: > 0 } shots)
            await admin.ScreenshotAsync(new() { Path = Path.Combine(shots, "federation-rewritten.png"), FullPage = true });
        // The honest peers still witness each other.
        Assert.Null(Rewritten(await ru.StatusAsync(), eop.Origin));
    }

    private static JsonElement Peer(JsonElement status, string origin) =>
        status.GetProperty("peers").EnumerateArray().Single(p => p.GetProperty("origin").GetString() == origin);

    private static string? Rewritten(JsonElement status, string origin) => Peer(status, origin).GetProperty("witnessing").GetProperty("rewritten").GetString();

    /// <summary>The half of the letter's <paramref name="link"/>-th hand-over another node recorded, once this node holds its proof, valid.</summary>
    private static async Task<JsonElement> ProvedElsewhereAsync(HttpClient clerk, Guid letterId, int link, string half, Node node)
    {
        JsonElement found = default;
        await Until(async () =>
        {
            var chain = await ChainAsync(clerk, letterId);
            var proved = chain.Count > link ? chain[link].GetProperty("elsewhere").EnumerateArray().Where(e => e.GetProperty("half").GetString() == half).ToList() : [];
            if (proved is not [{ } one] || one.GetProperty("valid").ValueKind != JsonValueKind.True)
                return false;
            found = one;
            return true;
        }, $"{node.Origin} to prove the {half} half of hand-over {link} in the other node's log", node);
        return found;
    }

    /// <summary>
    /// A C2SP tlog-proof check written here from the specs' text: the checkpoint (origin, size, base64 root) signed by the log
    /// key, and RFC 9162 §2.1.3.2's inclusion check of the leaf SHA-256(0x00 ‖ SHA-256(entry)) — the entry from the extra line.
    /// </summary>
    private static class TlogProofSpec
    {
        public static bool Holds(string proof, string logKey)
        {
            var lines = proof.Split('\n');
            Assert.Equal("c2sp.org/tlog-proof@v1", lines[0]);
            Assert.StartsWith("extra ", lines[1]);
            var entry = Convert.FromBase64String(lines[1][6..]);
            var index = long.Parse(lines[2][6..], System.Globalization.CultureInfo.InvariantCulture);
            var end = Array.IndexOf(lines, "", 3);
            var path = lines[3..end].Select(Convert.FromBase64String).ToList();
            var note = string.Join('\n', lines[(end + 1)..]);
            var body = note.Split('\n');
            Assert.Equal(logKey.Split('+')[0], body[0]);
            var size = long.Parse(body[1], System.Globalization.CultureInfo.InvariantCulture);
            var root = Convert.FromBase64String(body[2]);
            if (!Ed25519Note.Holds(note, logKey) || index >= size)
                return false;
            var r = System.Security.Cryptography.SHA256.HashData([0x00, .. System.Security.Cryptography.SHA256.HashData(entry)]);
            var (fn, sn) = (index, size - 1);
            foreach (var p in path)
            {
                if (sn == 0)
                    return false;
                if ((fn & 1) == 1 || fn == sn)
                {
                    r = System.Security.Cryptography.SHA256.HashData([0x01, .. p, .. r]);
                    while ((fn & 1) == 0 && fn != 0)
                        (fn, sn) = (fn >> 1, sn >> 1);
                }
                else
                {
                    r = System.Security.Cryptography.SHA256.HashData([0x01, .. r, .. p]);
                }
                (fn, sn) = (fn >> 1, sn >> 1);
            }
            return sn == 0 && r.AsSpan().SequenceEqual(root);
        }
    }

    /// <summary>A C2SP signed-note check written here from the spec's text: an Ed25519 line (type 0x01) of the given key over the note's text.</summary>
    private static class Ed25519Note
    {
        public static bool Holds(string note, string verifierKey) => Cosignature.Lines(note, verifierKey, 0x01).Any(l => l.Signature.Length == 68
            && NSec.Cryptography.SignatureAlgorithm.Ed25519.Verify(l.Key, Encoding.UTF8.GetBytes(l.Text), l.Signature.AsSpan(4)));
    }

    /// <summary>A C2SP tlog-cosignature check written here from the spec's text: key id, timestamp and Ed25519 over "cosignature/v1\ntime T\n" and the checkpoint.</summary>
    private static class Cosignature
    {
        public static bool Holds(string note, string verifierKey) => Lines(note, verifierKey, 0x04).Any(l => l.Signature.Length == 76
            && NSec.Cryptography.SignatureAlgorithm.Ed25519.Verify(l.Key,
                Encoding.UTF8.GetBytes($"cosignature/v1\ntime {System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(l.Signature.AsSpan(4, 8))}\n{l.Text}"), l.Signature.AsSpan(12)));

        /// <summary>The note's text, and each signature line of the key's name whose key id matches, with the public key.</summary>
        public static IEnumerable<(string Text, NSec.Cryptography.PublicKey Key, byte[] Signature)> Lines(string note, string verifierKey, byte type)
        {
            var parts = verifierKey.Split('+', 3);
            var (name, id, raw) = (parts[0], Convert.FromHexString(parts[1]), Convert.FromBase64String(parts[2]));
            Assert.Equal(type, raw[0]);
            var key = NSec.Cryptography.PublicKey.Import(NSec.Cryptography.SignatureAlgorithm.Ed25519, raw[1..], NSec.Cryptography.KeyBlobFormat.RawPublicKey);
            var split = note.IndexOf("\n\n", StringComparison.Ordinal);
            var text = note[..(split + 1)];
            foreach (var line in note[(split + 2)..].Split('\n').Where(l => l.StartsWith($"— {name} ", StringComparison.Ordinal)))
            {
                var signature = Convert.FromBase64String(line[(name.Length + 3)..]);
                if (signature.AsSpan(0, 4).SequenceEqual(id))
                    yield return (text, key, signature);
            }
        }
    }

    /// <summary>Registers a letter at the clerk's office (its registry) and returns its id.</summary>
    private static async Task<Guid> RegisterAsync(HttpClient clerk, Guid sender, Guid addressee, string subject)
    {
        var registered = await clerk.PostAsJsonAsync("/api/letters", new
        {
            direction = "outgoing",
            dated = "2026-11-30",
            senderInstitution = sender,
            addresseeInstitution = addressee,
            subject,
            topics = new[] { "consultations" },
            language = "en",
        });
        Assert.True(registered.StatusCode == HttpStatusCode.Created, await registered.Content.ReadAsStringAsync());
        return (await registered.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    /// <summary>The letter's chain of custody as this node's clerk sees it; empty while the letter is not there.</summary>
    private static async Task<List<JsonElement>> ChainAsync(HttpClient clerk, Guid letterId) =>
        await clerk.GetAsync($"/api/letters/{letterId}/custody") is { IsSuccessStatusCode: true } custody
            ? [.. (await custody.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("chain").EnumerateArray()]
            : [];

    /// <summary>Attaches a copy as the registry's clerk does; it is sealed to the addressee's published key. Returns its id.</summary>
    private static async Task<Guid> AttachAsync(HttpClient clerk, Guid letterId, byte[] text)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(text);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        form.Add(file, "file", "letter.txt");
        var attached = await clerk.PostAsync($"/api/letters/{letterId}/attachments", form);
        Assert.True(attached.StatusCode == HttpStatusCode.Created, await attached.Content.ReadAsStringAsync());
        return (await attached.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    /// <summary>Each node adds each other with the log key it was given (as operators exchange them out of band).</summary>
    private static async Task PeerAllAsync(params Node[] nodes)
    {
        foreach (var a in nodes)
        {
            foreach (var b in nodes.Where(n => n != a))
            {
                var added = await a.RunAsync("peer", "add", b.Address.ToString(), "--key", b.LogKey);
                Assert.True(added.Code == 0, added.Output);
                Assert.Contains("1 institution hosted there, each proved in its log", added.Output);
            }
        }
    }

    private static JsonElement Outbox(JsonElement status, string peer) =>
        status.GetProperty("peers").EnumerateArray().Single(p => p.GetProperty("origin").GetString() == peer).GetProperty("outbox");

    /// <summary>
    /// A node that serves the Russian node's description — honestly, or with its first institution's sealing key replaced in
    /// the entry (the same length, so it still decodes) while the proof stays as the log made it.
    /// </summary>
    private sealed class Forgery(string description)
    {
        public bool Honest { get; set; }

        public async Task<WebApplication> StartAsync()
        {
            var forged = Forge(description);
            var app = WebApplication.CreateSlimBuilder();
            app.WebHost.UseUrls($"http://127.0.0.1:{ParleyProcess.FreePort()}");
            var web = app.Build();
            web.MapGet("/federation/node", () => Results.Text(Honest ? description : forged, "application/json"));
            await web.StartAsync();
            return web;
        }

        private static string Forge(string description)
        {
            var json = JsonNode.Parse(description)!;
            var lines = json["institutions"]![0]!.GetValue<string>().Split('\n');
            var entry = Convert.FromBase64String(lines[1]["extra ".Length..]);
            var marker = "\"sealingKey\":\""u8.ToArray();
            var at = entry.AsSpan().IndexOf(marker) + marker.Length;
            // The key as the payload writes it (its '+' may be escaped): overwritten with as many letters.
            var length = entry.AsSpan(at).IndexOf((byte)'"');
            Assert.True(length >= 44, "the entry holds the sealing key");
            entry.AsSpan(at, length).Fill((byte)'Q');
            lines[1] = "extra " + Convert.ToBase64String(entry);
            json["institutions"]![0] = string.Join('\n', lines);
            return json.ToJsonString();
        }
    }

    private static async Task Until(Func<Task<bool>> condition, string what, Node node, Func<Task<string>>? state = null)
    {
        for (var i = 0; i < 240; i++)
        {
            if (await condition())
                return;
            await Task.Delay(250);
        }
        throw new TimeoutException($"Waited a minute for {what}:\n{(state is null ? "" : await state())}\n{node.Output}");
    }

    /// <summary>
    /// The story's three nodes, each created as its operator would: the Executive Office and the Senate on SQLite, the
    /// Presidential Administration on PostgreSQL. Stopped together.
    /// </summary>
    private sealed class ThreeNodes(Node eop, Node senate, Node ru) : IAsyncDisposable
    {
        public Node Eop => eop;
        public Node Senate => senate;
        public Node Ru => ru;

        public static async Task<ThreeNodes> CreateAsync(string name)
        {
            var install = ParleyProcess.Install(name);
            return new ThreeNodes(
                await Node.CreateAsync(install, "sqlite", "eop", "Executive Office of the President", "head_of_state_office"),
                await Node.CreateAsync(install, "sqlite", "senate", "United States Senate", "chamber"),
                await Node.CreateAsync(install, "postgres", "pa", "Presidential Administration of Russia", "head_of_state_office"));
        }

        public async ValueTask DisposeAsync()
        {
            foreach (var node in new[] { eop, senate, ru })
                await node.DisposeAsync();
        }
    }

    /// <summary>One node: its store and secret, its institution imported from Popolo and hosted, a clerk and an administrator.</summary>
    private sealed class Node : IAsyncDisposable
    {
        private readonly string _install;
        private readonly string[] _store;
        private readonly Dictionary<string, string> _tokens = [];
        private readonly StoreSettings _settings;
        private ParleyProcess? _process;
        private int? _port;

        private Node(string install, StoreSettings settings, string secret)
        {
            (_install, _settings) = (install, settings);
            _store = ["--data", settings.DataDirectory, "--secret-file", secret, .. settings.IsPostgres ? new[] { "--database", settings.PostgresConnection! } : []];
        }

        public Uri Address => _process!.Address;
        public string Output => _process?.Output ?? "";
        public string LogKey { get; private set; } = "";
        public string Origin => LogKey.Split('+')[0];
        public Guid InstitutionId { get; private set; }

        public static async Task<Node> CreateAsync(string install, string provider, string id, string name, string classification)
        {
            var node = new Node(install, await ParleyServer.NewStoreAsync(provider), ParleyServer.SecretFile());
            System.IO.Directory.CreateDirectory(node._settings.DataDirectory);
            await node.HostAsync(id, name, classification);
            await node.MustAsync(Password, "user", "add", "clerk", "--institution", name, "--role", "registry-clerk");
            await node.MustAsync(Password, "user", "add", "admin", "--institution", name, "--role", "administrator");
            foreach (var user in new[] { "clerk", "admin" })
                node._tokens[user] = (await node.MustAsync(null, "token", "create", user)).Trim().Split('\n')[^1];
            return node;
        }

        /// <summary>Imports an institution as an operator would (a Popolo file) and hosts it on this node.</summary>
        public async Task HostAsync(string id, string name, string classification)
        {
            var popolo = Path.Combine(Path.GetTempPath(), $"parley-{id}-{Guid.NewGuid():N}.json");
            await File.WriteAllTextAsync(popolo, JsonSerializer.Serialize(new { organizations = new[] { new { id, name, classification } } }));
            await MustAsync(null, "import", "popolo", popolo, "--scheme", "test");
            Assert.Contains("its keys are published at entry", await MustAsync(null, "node", "host", name));
        }

        public async Task StartAsync(IReadOnlyDictionary<string, string> environment)
        {
            _process = await ParleyProcess.ServeAsync(_install, environment, _port, _store);
            _port = _process.Address.Port;
            using var client = new HttpClient { BaseAddress = _process.Address };
            LogKey = (await client.GetStringAsync("/ledger/key")).Trim();
            var status = await StatusAsync();
            InstitutionId = status.GetProperty("hosted")[0].GetProperty("id").GetGuid();
        }

        public async Task StopAsync()
        {
            await _process!.DisposeAsync();
        }

        public Task KillAsync() => _process!.KillAsync();

        private string BackupPath => _settings.DataDirectory + ".backup";

        /// <summary>Copies the stopped node's SQLite store aside, as an operator's backup would.</summary>
        public void Backup()
        {
            System.IO.Directory.CreateDirectory(BackupPath);
            foreach (var file in System.IO.Directory.GetFiles(_settings.DataDirectory, "parley.db*"))
                File.Copy(file, Path.Combine(BackupPath, Path.GetFileName(file)), overwrite: true);
        }

        /// <summary>Puts the backup back over the stopped node's store: what it recorded since is gone.</summary>
        public void Restore()
        {
            foreach (var file in System.IO.Directory.GetFiles(_settings.DataDirectory, "parley.db*"))
                File.Delete(file);
            foreach (var file in System.IO.Directory.GetFiles(BackupPath))
                File.Copy(file, Path.Combine(_settings.DataDirectory, Path.GetFileName(file)));
        }

        /// <summary>Records exactly one event (a committee in the directory), through the API.</summary>
        public async Task RecordOneAsync(string name)
        {
            var before = await SizeAsync();
            var response = await Client("admin").PostAsJsonAsync("/api/institutions", new { kind = "Committee", names = new[] { new { value = name, lang = "en" } } });
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
            Assert.Equal(before + 1, await SizeAsync());
        }

        public HttpClient Client(string user)
        {
            var client = new HttpClient { BaseAddress = _process!.Address };
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _tokens[user]);
            return client;
        }

        public async Task<JsonElement> StatusAsync() => await Client("admin").GetFromJsonAsync<JsonElement>("/api/federation");

        public async Task<long> SizeAsync()
        {
            using var client = new HttpClient { BaseAddress = _process!.Address };
            return long.Parse((await client.GetStringAsync("/ledger/checkpoint")).Split('\n')[1], System.Globalization.CultureInfo.InvariantCulture);
        }

        /// <summary>The signed notes in this node's outbox, read from its SQLite file as an operator inspecting it would.</summary>
        public IReadOnlyList<string> OutboxNotes()
        {
            using var connection = new SqliteConnection($"Data Source={_settings.SqlitePath};Mode=ReadOnly;Pooling=False");
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT \"Note\" FROM federation_outbox ORDER BY \"Seq\"";
            using var reader = command.ExecuteReader();
            var notes = new List<string>();
            while (reader.Read())
                notes.Add(reader.GetString(0));
            return notes;
        }

        public Task<(int Code, string Output)> RunAsync(params string[] args) => ParleyProcess.RunAsync(_install, [.. args, .. _store]);

        private async Task<string> MustAsync(string? input, params string[] args)
        {
            var (code, output) = await ParleyProcess.RunAsync(_install, input, [.. args, .. _store]);
            Assert.True(code == 0, $"parley {string.Join(' ', args)}: {output}");
            return output;
        }

        public async ValueTask DisposeAsync()
        {
            if (_process is not null)
                await _process.DisposeAsync();
        }
    }
}
