namespace Parley.Ledger.Tests;

public sealed class CanonicalEventTests
{
    private static CanonicalEvent Sample(string payload = "{\"name\":\"Косачёв\"}") =>
        new(42, 1_533_686_400_000_000, "directory.person-recorded", "user:clerk", "person/1", payload, Enumerable.Range(0, 32).Select(i => (byte)i).ToArray());

    [Fact]
    public void Encoding_round_trips_and_is_deterministic()
    {
        var bytes = Sample().Encode();
        Assert.Equal(bytes, Sample().Encode());
        var decoded = CanonicalEvent.Decode(bytes);
        Assert.Equal(Sample() with { Salt = decoded.Salt }, decoded);
        Assert.Equal(Sample().Salt, decoded.Salt);
    }

    [Fact]
    public void Any_change_to_a_field_changes_the_bytes()
    {
        var original = Sample().Encode();
        Assert.NotEqual(original, Sample("{\"name\":\"Kosachev\"}").Encode());
        Assert.NotEqual(original, (Sample() with { Sequence = 43 }).Encode());
        Assert.NotEqual(original, (Sample() with { Salt = new byte[32] }).Encode());
    }

    [Fact]
    public void Truncated_bytes_are_rejected()
    {
        var bytes = Sample().Encode();
        Assert.Throws<FormatException>(() => CanonicalEvent.Decode(bytes.AsSpan(0, bytes.Length - 40)));
    }
}
