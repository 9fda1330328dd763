using System.Text.Json;

namespace Parley.Ledger.Tests;

internal static class Vectors
{
    public static JsonElement Load(string file) => JsonDocument.Parse(File.ReadAllText(SharedFolder.Require("vectors/" + file))).RootElement;

    public static byte[] Hex(JsonElement e) => e.ValueKind == JsonValueKind.Null ? [] : Convert.FromHexString(e.GetString()!);

    public static List<byte[]> HexList(JsonElement e) =>
        e.ValueKind == JsonValueKind.Null ? [] : e.EnumerateArray().Select(Hex).ToList();
}
