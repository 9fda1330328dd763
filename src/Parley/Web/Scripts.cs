namespace Parley.Web;

/// <summary>
/// The few scripts pages use, served from the assembly (the CSP allows script from this site only, never inline),
/// so every install carries them without a wwwroot folder.
/// </summary>
public static class Scripts
{
    private static readonly Dictionary<string, byte[]> Files = new(StringComparer.Ordinal)
    {
        ["passkeys"] = Read("passkeys"),
        ["suggest"] = Read("suggest"),
    };

    public static void MapScripts(this IEndpointRouteBuilder app) =>
        app.MapGet("/js/{name}.js", (string name) =>
                Files.TryGetValue(name, out var body) ? Results.Bytes(body, "text/javascript; charset=utf-8") : Results.NotFound())
            .AllowAnonymous().ExcludeFromDescription();

    private static byte[] Read(string name)
    {
        using var stream = typeof(Scripts).Assembly.GetManifestResourceStream($"Parley.Web.Scripts.{name}.js")!;
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }
}
