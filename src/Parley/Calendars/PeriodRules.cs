using System.ComponentModel.DataAnnotations;
using Parley.Record;

namespace Parley.Calendars;

public sealed record PeriodInput([property: Required] PeriodKind? Kind, [property: Required, MaxLength(200)] string? Name, [property: Required] DateOnly? StartsOn, [property: Required] DateOnly? EndsOn);

/// <summary>What makes a calendar period: a kind, a name and days in order. Pure; shared by adding and changing periods.</summary>
public static class PeriodRules
{
    /// <summary>The period as recorded (with <paramref name="id"/>), or what is wrong with it; <paramref name="prefix"/> names it in a list ("Period 3: ").</summary>
    public static Result<PeriodEntry> Check(PeriodInput p, Guid id, string prefix = "")
    {
        if (p.Kind is not { } kind)
            return new DomainError("kind", $"{Say(prefix, "S")}ay whether the period is a session, a sitting day or a recess.");
        if (string.IsNullOrWhiteSpace(p.Name) || p.Name.Length > 200)
            return new DomainError("name", $"{Say(prefix, "G")}ive the period a name (for example “Autumn session 2018”), up to 200 characters.");
        if (p.StartsOn is not { } starts || p.EndsOn is not { } ends)
            return new DomainError(p.StartsOn is null ? "startsOn" : "endsOn", $"{Say(prefix, "G")}ive the first and last day.");
        if (ends < starts)
            return new DomainError("endsOn", $"{Say(prefix, "T")}he last day ({ends:yyyy-MM-dd}) is before the first ({starts:yyyy-MM-dd}).");
        return new PeriodEntry(id, kind, p.Name.Trim(), starts, ends);
    }

    // "Give the first day." alone, or "Period 3: give the first day." in a list.
    private static string Say(string prefix, string first) => prefix.Length == 0 ? first : prefix + first.ToLowerInvariant();
}
