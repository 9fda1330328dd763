using System.Text.Json;
using Parley.Correspondence;
using Parley.Web;

namespace Parley.Tests.WebSlice;

/// <summary>
/// Instants in API bodies are UTC from the edge on: a hand-over posted without an offset is recorded at that
/// hour UTC whatever the server's zone (it used to move by the server's offset), one with an offset is converted.
/// </summary>
public sealed class UtcInstantTests
{
    private static readonly JsonSerializerOptions Api = new(JsonSerializerDefaults.Web) { Converters = { new UtcInstantConverter() } };

    [Theory]
    [InlineData("2018-08-04T10:00:00", "2018-08-04T10:00:00Z")]
    [InlineData("2018-08-04T10:00:00Z", "2018-08-04T10:00:00Z")]
    [InlineData("2018-08-04T13:00:00+03:00", "2018-08-04T10:00:00Z")]
    [InlineData("2018-08-04T06:00:00-04:00", "2018-08-04T10:00:00Z")]
    public void A_posted_instant_is_read_as_UTC(string posted, string recorded)
    {
        var input = JsonSerializer.Deserialize<HandoverInput>($$"""{"toInstitution":"{{Guid.Empty}}","at":"{{posted}}"}""", Api)!;
        Assert.Equal(DateTimeKind.Utc, input.At!.Value.Kind);
        Assert.Equal(recorded, input.At.Value.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void A_malformed_instant_is_still_a_JSON_error_naming_its_path()
    {
        var error = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<HandoverInput>("""{"at":"the fourth of August"}""", Api));
        Assert.Equal("$.at", error.Path);
    }
}
