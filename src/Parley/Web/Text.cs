namespace Parley.Web;

/// <summary>Anchor for the UI strings; English text is the key, Text.ru.resx holds the Russian.</summary>
public sealed class Text;

/// <summary>
/// Says a sentence from its English template and arguments: in English for the API and errors (<see cref="Says.English"/>),
/// in the reader's language on pages (the localizer). Sentences built of sentences pass the same Say down.
/// </summary>
public delegate string Say(string template, params object[] args);

public static class Says
{
    public static Say English { get; } = (template, args) => string.Format(System.Globalization.CultureInfo.InvariantCulture, template, args);

    /// <summary>The page's localizer as a Say: the Russian template where Text.ru.resx has one, formatted in the page's culture.</summary>
    public static Say Localized(Microsoft.Extensions.Localization.IStringLocalizer text) => (template, args) => text[template, args].Value;
}
