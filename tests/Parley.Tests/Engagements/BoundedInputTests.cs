using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Parley.Access;
using Parley.Record;
using Parley.Tests.Infrastructure;

namespace Parley.Tests.EngagementsSlice;

/// <summary>Free text that used to reach the append-only ledger unbounded is refused past its limit, and every body has a size limit.</summary>
public sealed class BoundedInputTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Overlong_notes_and_sources_and_oversized_bodies_are_refused_and_record_nothing(string provider)
    {
        await using var server = await ParleyServer.StartAsync(provider);
        using var staff = await server.ClientAsync(Role.Staff);
        var created = await staff.PostAsJsonAsync("/api/people", new { names = new[] { new { value = "Busy Person", lang = "en" } } });
        var person = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var sender = await server.AddInstitutionAsync("Sending committee");
        long Events() => server.InScopeAsync(s => s.GetRequiredService<ParleyDb>().Events.LongCountAsync()).Result;
        var before = Events();

        static object Busy(string note) => new[] { new { startsAt = "2018-10-15T09:00:00Z", endsAt = "2018-10-15T10:00:00Z", note } };
        var longNote = await staff.PostAsJsonAsync($"/api/people/{person}/busy", Busy(new string('n', 501)));
        Assert.Equal(HttpStatusCode.BadRequest, longNote.StatusCode);
        Assert.Contains("500", (await longNote.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("times[1].note")[0].GetString());

        // The finding: a 10 MB note became a permanent ledger event. Now the body never reaches the use case.
        // Sent as a client that waits for "100 Continue" would: the server answers 413 before reading the 10 MB.
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/people/{person}/busy")
        {
            Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(Busy(new string('n', 10 * 1024 * 1024)))),
        };
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.ExpectContinue = true;
        var huge = await staff.SendAsync(request);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, huge.StatusCode);
        var tooLarge = await huge.Content.ReadAsStringAsync();
        Assert.True(tooLarge.Contains("larger than this address accepts: 4 MB in general", StringComparison.Ordinal) && tooLarge.Contains("\"field\":\"body\"", StringComparison.Ordinal), tooLarge);

        var visit = await staff.PostAsJsonAsync("/api/visits", new
        {
            title = "Delegation",
            purpose = "Talks",
            sentBy = sender,
            destination = "Moscow",
            destinationCountry = "XX",
            startsOn = "2018-08-04",
            endsOn = "2018-08-05",
            membersNote = "Not named in the source.",
            source = new string('s', 2001),
        });
        Assert.Equal(HttpStatusCode.BadRequest, visit.StatusCode);
        Assert.Equal(before, Events());

        Assert.Equal(HttpStatusCode.NoContent, (await staff.PostAsJsonAsync($"/api/people/{person}/busy", Busy(new string('n', 500)))).StatusCode);
        Assert.Equal(before + 1, Events());
    }
}
