namespace Parley.Web;

/// <summary>Anchor for the UI strings; English text is the key, Text.ru.resx holds the Russian.</summary>
public sealed class Text;
