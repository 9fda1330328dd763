namespace Parley.Directory;

/// <summary>An import stopped at a fault; it names the file and line so the user can fix the source.</summary>
public sealed class ImportException(string file, long line, string message)
    : Exception($"{Path.GetFileName(file)}:{line}: {message}")
{
    public string File { get; } = file;
    public long Line { get; } = line;
    public string Reason { get; } = message;
}
