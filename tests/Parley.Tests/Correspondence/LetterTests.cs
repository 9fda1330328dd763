using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Parley.Access;
using Parley.Ledger;
using Parley.Record;
using Parley.Tests.Infrastructure;

namespace Parley.Tests.CorrespondenceSlice;

/// <summary>The Moscow letter's path through the API: register, route, seal, hand over, confirm, deliver, acknowledge.</summary>
public sealed class LetterTests
{
    private sealed class Story : IAsyncDisposable
    {
        public required ParleyServer Server { get; init; }
        public required Guid Sender { get; init; }
        public required Guid Senate { get; init; }
        public required Guid Receiver { get; init; }
        public required HttpClient Clerk { get; init; }
        public required HttpClient Courier { get; init; }
        public required HttpClient ReceivingClerk { get; init; }
        public Guid Letter { get; set; }

        public async ValueTask DisposeAsync()
        {
            Clerk.Dispose();
            Courier.Dispose();
            ReceivingClerk.Dispose();
            await Server.DisposeAsync();
        }

        public Task<int> EventsAsync() => Server.InScopeAsync(s => s.GetRequiredService<ParleyDb>().Events.CountAsync());
    }

    private static async Task<Story> StoryAsync(string provider)
    {
        var server = await ParleyServer.StartAsync(provider);
        var sender = await server.AddInstitutionAsync("Executive Office of the President", Parley.Directory.InstitutionKind.HeadOfStateOffice);
        var senate = await server.AddInstitutionAsync("United States Senate", Parley.Directory.InstitutionKind.Chamber);
        var receiver = await server.AddInstitutionAsync("Presidential Administration of Russia", Parley.Directory.InstitutionKind.HeadOfStateOffice);
        var story = new Story
        {
            Server = server,
            Sender = sender,
            Senate = senate,
            Receiver = receiver,
            Clerk = await server.ClientAsync(Role.RegistryClerk, sender),
            Courier = await server.ClientAsync(Role.Courier, senate),
            ReceivingClerk = await server.ClientAsync(Role.RegistryClerk, receiver),
        };
        var registered = await story.Clerk.PostAsJsonAsync("/api/letters", new
        {
            direction = "Outgoing",
            dated = "2018-08-01",
            senderInstitution = sender,
            addresseeInstitution = receiver,
            subject = "Letter from the President of the United States",
            topics = new[] { "countering terrorism", "legislative dialogue", "cultural exchanges" },
            language = "en",
        });
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        story.Letter = (await registered.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var route = await story.Clerk.PostAsJsonAsync($"/api/letters/{story.Letter}/route", new
        {
            legs = new object[] { new { toInstitution = senate, dueHours = 96 }, new { toInstitution = receiver, dueHours = 72 } },
        });
        Assert.Equal(HttpStatusCode.NoContent, route.StatusCode);
        return story;
    }

    private static async Task<Guid> HandOverAsync(HttpClient giver, Story s, Guid to, string? at = null)
    {
        var response = await giver.PostAsJsonAsync($"/api/letters/{s.Letter}/handovers", new { toInstitution = to, at, place = "Moscow", sealIntact = true });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static async Task<JsonElement> LetterAsync(HttpClient client, Story s) =>
        await client.GetFromJsonAsync<JsonElement>($"/api/letters/{s.Letter}");

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task The_letter_travels_with_two_sided_custody_and_a_sealed_copy_only_the_addressee_opens(string provider)
    {
        await using var s = await StoryAsync(provider);
        Assert.Equal("2018/1", (await LetterAsync(s.Clerk, s)).GetProperty("number").GetString());
        async Task<int> Count(string query) => (await s.Clerk.GetFromJsonAsync<JsonElement>("/api/letters?" + query)).GetProperty("items").GetArrayLength();
        Assert.Equal(1, await Count("topic=legislative%20dialogue"));
        Assert.Equal(0, await Count("topic=trade"));
        Assert.Equal(1, await Count("from=2018-08-01&to=2018-08-31"));
        Assert.Equal(0, await Count("from=2019-01-01"));
        Assert.Equal(1, await Count($"addressee={s.Receiver}&q=president"));
        Assert.Equal(0, await Count($"sender={s.Receiver}"));
        var scan = new ByteArrayContent("Dear Mr President, ..."u8.ToArray());
        scan.Headers.ContentType = new("text/plain");
        var attached = await s.Clerk.PostAsync($"/api/letters/{s.Letter}/attachments", new MultipartFormDataContent { { scan, "file", "letter.txt" } });
        Assert.Equal(HttpStatusCode.Created, attached.StatusCode);
        var attachment = (await attached.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var first = await HandOverAsync(s.Clerk, s, s.Senate);
        Assert.Equal("Dispatched", (await LetterAsync(s.Clerk, s)).GetProperty("status").GetString());
        Assert.Contains("UnconfirmedHandover", (await LetterAsync(s.Clerk, s)).GetProperty("exceptions").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(1, await Count("exceptions=true"));
        Assert.Equal(1, await Count("status=Dispatched&exceptions=true"));
        Assert.Equal(0, await Count("status=Registered"));
        Assert.Equal(HttpStatusCode.NoContent, (await s.Courier.PostAsJsonAsync($"/api/letters/{s.Letter}/handovers/{first}/confirm", new { sealIntact = true })).StatusCode);
        Assert.Equal("WithCourier", (await LetterAsync(s.Clerk, s)).GetProperty("status").GetString());

        var second = await HandOverAsync(s.Courier, s, s.Receiver);
        Assert.Equal(HttpStatusCode.NoContent, (await s.ReceivingClerk.PostAsJsonAsync($"/api/letters/{s.Letter}/handovers/{second}/confirm", new { sealIntact = true })).StatusCode);
        var delivered = await LetterAsync(s.Clerk, s);
        Assert.Equal("DeliveredToOffice", delivered.GetProperty("status").GetString());
        Assert.Empty(delivered.GetProperty("exceptions").EnumerateArray());
        Assert.Equal(0, await Count("exceptions=true"));
        Assert.Equal(1, await Count("status=DeliveredToOffice"));
        Assert.Equal(0, await Count("status=Dispatched"));

        var custody = await s.Clerk.GetFromJsonAsync<JsonElement>($"/api/letters/{s.Letter}/custody");
        var note = SignedNote.Parse(custody.GetProperty("checkpoint").GetString()!);
        var root = Checkpoint.Parse(note.Text);
        Assert.Equal(2, custody.GetProperty("chain").GetArrayLength());
        foreach (var link in custody.GetProperty("chain").EnumerateArray())
        {
            Assert.True(link.GetProperty("giverSignatureValid").GetBoolean());
            Assert.True(link.GetProperty("receiverSignatureValid").GetBoolean());
            Proofs.VerifyInclusion(link.GetProperty("ledgerIndex").GetInt64(), root.Size, Convert.FromBase64String(link.GetProperty("leafHash").GetString()!),
                link.GetProperty("inclusionProof").EnumerateArray().Select(p => Convert.FromBase64String(p.GetString()!)).ToList(), root.Root);
        }

        var opened = await s.ReceivingClerk.GetAsync($"/api/letters/{s.Letter}/attachments/{attachment}");
        Assert.Equal("Dear Mr President, ...", await opened.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NoContent, (await s.ReceivingClerk.PostAsync($"/api/letters/{s.Letter}/acknowledge", null)).StatusCode);
        Assert.Equal("Acknowledged", (await LetterAsync(s.Clerk, s)).GetProperty("status").GetString());
        var payloads = await s.Server.InScopeAsync(x => x.GetRequiredService<ParleyDb>().Events.Select(e => e.Payload).ToListAsync());
        Assert.DoesNotContain(payloads, p => p.Contains("Dear Mr President", StringComparison.Ordinal));

        var copy = await s.Clerk.PostAsJsonAsync("/api/letters", new
        {
            direction = "Outgoing",
            dated = "2018-08-02",
            senderInstitution = s.Sender,
            addresseeInstitution = s.Receiver,
            subject = "Copy for the file",
            copyOf = s.Letter,
            embargo = "2018-09-01",
        });
        var copyId = (await copy.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var registeredCopy = await s.Clerk.GetFromJsonAsync<JsonElement>($"/api/letters/{copyId}");
        Assert.Equal(s.Letter, registeredCopy.GetProperty("copyOf").GetGuid());
        Assert.Equal("2018-09-01", registeredCopy.GetProperty("embargo").GetString());
        var verified = await s.Server.InScopeAsync(x => LedgerVerification.RunAsync(x.GetRequiredService<ParleyDb>(),
            x.GetRequiredService<LogKey>().Signer.Verifier, null, default));
        Assert.Null(verified.Divergence); // every letter projection, the register index included, equals a replay
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_courier_another_institution_and_an_anonymous_caller_never_see_the_content(string provider)
    {
        await using var s = await StoryAsync(provider);
        var scan = new ByteArrayContent("secret text"u8.ToArray());
        var attached = await s.Clerk.PostAsync($"/api/letters/{s.Letter}/attachments", new MultipartFormDataContent { { scan, "file", "scan.pdf" } });
        var attachment = (await attached.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await HandOverAsync(s.Clerk, s, s.Senate);

        var envelope = await LetterAsync(s.Courier, s);
        Assert.Equal("Envelope", envelope.GetProperty("view").GetString());
        Assert.False(envelope.TryGetProperty("subject", out _));
        Assert.Equal(HttpStatusCode.Forbidden, (await s.Courier.GetAsync($"/api/letters/{s.Letter}/attachments/{attachment}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await s.Clerk.GetAsync($"/api/letters/{s.Letter}/attachments/{attachment}")).StatusCode);

        var page = await s.Courier.GetStringAsync($"/letters/{s.Letter}");
        Assert.Contains("Sealed envelope", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Letter from the President", page, StringComparison.Ordinal);
        Assert.DoesNotContain($"/api/letters/{s.Letter}/attachments/{attachment}", page, StringComparison.Ordinal);

        using var stranger = await s.Server.ClientAsync(Role.RegistryClerk);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/letters/{s.Letter}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/letters/{s.Letter}/certificate")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/letters/{s.Letter}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/letters/{s.Letter}/custody")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/letters/{s.Letter}/attachments/{attachment}")).StatusCode);
        Assert.Equal(0, (await stranger.GetFromJsonAsync<JsonElement>("/api/letters")).GetProperty("items").GetArrayLength());
        using var anonymous = await s.Server.ClientAsync(null);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/letters/{s.Letter}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/letters/{s.Letter}/attachments/{attachment}")).StatusCode);
        using var auditor = await s.Server.ClientAsync(Role.Auditor);
        Assert.Equal("Metadata", (await LetterAsync(auditor, s)).GetProperty("view").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await auditor.GetAsync($"/api/letters/{s.Letter}/attachments/{attachment}")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_stranger_writing_to_a_letter_meets_the_same_404_as_reading_it(string provider)
    {
        await using var s = await StoryAsync(provider);
        var real = await HandOverAsync(s.Clerk, s, s.Senate, "2018-08-03T10:00:00Z");
        using var stranger = await s.Server.ClientAsync(Role.RegistryClerk);
        var before = await s.EventsAsync();
        var writes = new (string What, Func<Task<HttpResponseMessage>> Act)[]
        {
            ("hand over", () => stranger.PostAsJsonAsync($"/api/letters/{s.Letter}/handovers", new { toInstitution = s.Sender })),
            ("confirm a real hand-over", () => stranger.PostAsJsonAsync($"/api/letters/{s.Letter}/handovers/{real}/confirm", new { })),
            ("confirm a guessed hand-over", () => stranger.PostAsJsonAsync($"/api/letters/{s.Letter}/handovers/{Guid.NewGuid()}/confirm", new { })),
            ("dispute", () => stranger.PostAsJsonAsync($"/api/letters/{s.Letter}/handovers/{real}/dispute", new { reason = "never saw it" })),
            ("acknowledge", () => stranger.PostAsync($"/api/letters/{s.Letter}/acknowledge", null)),
            ("plan the route", () => stranger.PostAsJsonAsync($"/api/letters/{s.Letter}/route", new { legs = new[] { new { toInstitution = s.Sender, dueHours = 5 } } })),
            ("attach", () => stranger.PostAsync($"/api/letters/{s.Letter}/attachments",
                new MultipartFormDataContent { { new ByteArrayContent("x"u8.ToArray()), "file", "x.pdf" } })),
        };
        var read = await (await stranger.GetAsync($"/api/letters/{s.Letter}")).Content.ReadFromJsonAsync<JsonElement>();
        foreach (var (what, act) in writes)
        {
            var response = await act();
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{what}: {(int)response.StatusCode}");
            // The same answer as the read: nothing tells a stranger the letter, or a hand-over of it, exists.
            Assert.Equal(read.GetProperty("detail").GetString(), (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        }
        Assert.Equal(before, await s.EventsAsync());
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_letter_dated_on_the_last_day_of_the_calendar_gets_its_number(string provider)
    {
        await using var s = await StoryAsync(provider);
        var response = await s.Clerk.PostAsJsonAsync("/api/letters", new
        {
            direction = "Outgoing",
            dated = "9999-12-31",
            senderInstitution = s.Sender,
            addresseeInstitution = s.Receiver,
            subject = "At the end of time",
        });
        // The yearly sequence used to look for the year 10000 and answer 500.
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        Assert.Equal("9999/1", (await s.Clerk.GetFromJsonAsync<JsonElement>($"/api/letters/{id}")).GetProperty("number").GetString());
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Enumerations_bind_by_name_only_and_an_integer_is_refused_naming_the_field(string provider)
    {
        await using var s = await StoryAsync(provider);
        var before = await s.EventsAsync();
        foreach (var direction in new object[] { 1, 123, -1 })
        {
            var response = await s.Clerk.PostAsJsonAsync("/api/letters", new
            {
                direction,
                dated = "2018-08-01",
                senderInstitution = s.Sender,
                addresseeInstitution = s.Receiver,
                subject = "Numbered direction",
            });
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains("direction", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        Assert.Equal(before, await s.EventsAsync());
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Bad_custody_steps_are_refused_with_a_reason_and_record_nothing(string provider)
    {
        await using var s = await StoryAsync(provider);
        var first = await HandOverAsync(s.Clerk, s, s.Senate, "2018-08-03T10:00:00Z");

        async Task Refused(Func<Task<HttpResponseMessage>> act, HttpStatusCode status, string field)
        {
            var before = await s.EventsAsync();
            var response = await act();
            Assert.Equal(status, response.StatusCode);
            Assert.Contains(field, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Equal(before, await s.EventsAsync());
        }

        await Refused(() => s.ReceivingClerk.PostAsJsonAsync($"/api/letters/{s.Letter}/handovers", new { toInstitution = s.Sender }), HttpStatusCode.Conflict, "holder");
        await Refused(() => s.ReceivingClerk.PostAsJsonAsync($"/api/letters/{s.Letter}/handovers/{first}/confirm", new { }), HttpStatusCode.Forbidden, "receiving institution");
        Assert.Equal(HttpStatusCode.NoContent, (await s.Courier.PostAsJsonAsync($"/api/letters/{s.Letter}/handovers/{first}/confirm", new { })).StatusCode);
        await Refused(() => s.Courier.PostAsJsonAsync($"/api/letters/{s.Letter}/handovers/{first}/confirm", new { }), HttpStatusCode.Conflict, "already confirmed");
        await Refused(() => s.Courier.PostAsJsonAsync($"/api/letters/{s.Letter}/handovers", new { toInstitution = s.Receiver, at = "2018-08-02T09:00:00Z" }), HttpStatusCode.BadRequest, "before the previous");
        await Refused(() => s.Clerk.PostAsync($"/api/letters/{s.Letter}/attachments",
            new MultipartFormDataContent { { new ByteArrayContent(new byte[11 * 1024 * 1024]), "file", "huge.pdf" } }), HttpStatusCode.BadRequest, "at most 10 MB");

        var scan = new ByteArrayContent("original text"u8.ToArray());
        var attached = await s.Clerk.PostAsync($"/api/letters/{s.Letter}/attachments", new MultipartFormDataContent { { scan, "file", "scan.txt" } });
        var attachment = (await attached.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await s.Server.InScopeAsync(async x =>
        {
            var db = x.GetRequiredService<ParleyDb>();
            var blob = await db.SealedBlobs.SingleAsync(b => b.AttachmentId == attachment);
            blob.Ciphertext[0] ^= 0x01;
            db.Entry(blob).Property(b => b.Ciphertext).IsModified = true;
            return await db.SaveChangesAsync();
        });
        var tampered = await s.ReceivingClerk.GetAsync($"/api/letters/{s.Letter}/attachments/{attachment}");
        Assert.Equal(HttpStatusCode.Conflict, tampered.StatusCode);
        Assert.Contains("altered", await tampered.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task The_register_pages_newest_first_and_says_when_there_is_more(string provider)
    {
        await using var s = await StoryAsync(provider);
        for (var i = 2; i <= 55; i++)
        {
            var response = await s.Clerk.PostAsJsonAsync("/api/letters", new
            {
                direction = "Outgoing",
                dated = "2018-09-01",
                senderInstitution = s.Sender,
                addresseeInstitution = s.Receiver,
                subject = $"Follow-up {i}",
            });
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        }
        var first = await s.Clerk.GetFromJsonAsync<JsonElement>("/api/letters?size=50");
        Assert.Equal(50, first.GetProperty("items").GetArrayLength());
        Assert.True(first.GetProperty("hasMore").GetBoolean());
        Assert.Equal("Follow-up 55", first.GetProperty("items")[0].GetProperty("subject").GetString());
        var second = await s.Clerk.GetFromJsonAsync<JsonElement>("/api/letters?size=50&page=2");
        Assert.Equal(5, second.GetProperty("items").GetArrayLength());
        Assert.False(second.GetProperty("hasMore").GetBoolean());
        Assert.Equal("2018/1", second.GetProperty("items")[4].GetProperty("number").GetString());
        var dispatched = await s.Clerk.GetFromJsonAsync<JsonElement>("/api/letters?status=Registered&size=10&page=6");
        Assert.Equal(5, dispatched.GetProperty("items").GetArrayLength());

        // A reply date passing is an exception by itself, with no event to announce it.
        var late = await s.Clerk.PostAsJsonAsync("/api/letters", new
        {
            direction = "Outgoing",
            dated = "2018-09-02",
            senderInstitution = s.Sender,
            addresseeInstitution = s.Receiver,
            subject = "Awaiting an answer",
            replyBy = "2018-10-01",
        });
        Assert.Equal(HttpStatusCode.Created, late.StatusCode);
        var overdue = await s.Clerk.GetFromJsonAsync<JsonElement>("/api/letters?exceptions=true");
        Assert.Equal(["Awaiting an answer"], overdue.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("subject").GetString()));
        Assert.Equal(["ReplyOverdue"], overdue.GetProperty("items")[0].GetProperty("exceptions").EnumerateArray().Select(e => e.GetString()));

        // Ordered by the letters' own dates, oldest first, and paged without overlap; the recorded order turned round.
        var byDate = new List<string>();
        for (var page = 1; page <= 2; page++)
        {
            var answer = await s.Clerk.GetFromJsonAsync<JsonElement>($"/api/letters?sort=DatedOldest&size=30&page={page}");
            byDate.AddRange(answer.GetProperty("items").EnumerateArray().Select(i => $"{i.GetProperty("dated").GetString()} {i.GetProperty("subject").GetString()}"));
        }
        Assert.Equal(56, byDate.Distinct().Count());
        Assert.Equal("2018-09-02 Awaiting an answer", byDate[^1]);
        Assert.Equal(byDate.OrderBy(d => d[..10], StringComparer.Ordinal).ToList(), byDate);
        var oldest = await s.Clerk.GetFromJsonAsync<JsonElement>("/api/letters?sort=RecordedOldest&size=1");
        Assert.Equal("2018/1", oldest.GetProperty("items")[0].GetProperty("number").GetString());
    }
}
