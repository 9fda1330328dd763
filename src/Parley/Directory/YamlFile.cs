using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Parley.Directory;

/// <summary>A YAML document read with line numbers kept, so every fault can name its line.</summary>
public sealed class YamlFile(string path, YamlNode root)
{
    public string Path { get; } = path;
    public YamlNode Root { get; } = root;

    public static YamlFile Load(string path)
    {
        try
        {
            using var reader = new StreamReader(path);
            var stream = new YamlStream();
            stream.Load(reader);
            if (stream.Documents.Count == 0)
                throw new ImportException(path, 1, "The file is empty.");
            return new YamlFile(path, stream.Documents[0].RootNode);
        }
        catch (YamlException e)
        {
            throw new ImportException(path, e.Start.Line, $"Not valid YAML: {e.InnerException?.Message ?? e.Message}");
        }
    }

    public ImportException Fault(YamlNode node, string message) => new(Path, node.Start.Line, message);

    public YamlSequenceNode Sequence(YamlNode node) =>
        node as YamlSequenceNode ?? throw Fault(node, "Expected a list here.");

    public YamlMappingNode Mapping(YamlNode node) =>
        node as YamlMappingNode ?? throw Fault(node, "Expected a mapping (key: value) here.");

    public static YamlNode? Child(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    public string? Text(YamlMappingNode map, string key) => Child(map, key) switch
    {
        null => null,
        YamlScalarNode scalar => string.IsNullOrWhiteSpace(scalar.Value) || scalar.Value == "~" ? null : scalar.Value.Trim(),
        var other => throw Fault(other, $"'{key}' must be a single value."),
    };

    public string Required(YamlMappingNode map, string key) =>
        Text(map, key) ?? throw Fault(map, $"'{key}' is missing.");

    public DateOnly? Date(YamlMappingNode map, string key)
    {
        var text = Text(map, key);
        if (text is null)
            return null;
        return DateOnly.TryParseExact(text, "yyyy-MM-dd", out var date)
            ? date
            : throw Fault(Child(map, key)!, $"'{key}' must be a date like 2018-08-08, not '{text}'.");
    }
}
