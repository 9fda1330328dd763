using Parley.Calendars;

namespace Parley.Engagements;

/// <summary>Whether a day meets a target window's conditions, and if not, which condition rules it out.</summary>
public static class Window
{
    public static string? Violation(IEnumerable<WindowConstraint> window, DateOnly day, IReadOnlyDictionary<Guid, ChamberDays> calendars, IReadOnlyDictionary<Guid, string> names)
    {
        foreach (var w in window)
        {
            var chamber = w.Chamber is { } c ? calendars.GetValueOrDefault(c) ?? new ChamberDays([]) : null;
            var name = w.Chamber is { } n ? names.GetValueOrDefault(n, "the chamber") : "";
            var why = w.Kind switch
            {
                WindowKind.Before when day >= w.Date => $"it must be before {w.Date:d MMM yyyy}",
                WindowKind.NotBefore when day < w.Date => $"it must be on or after {w.Date:d MMM yyyy}",
                WindowKind.DuringSession when !chamber!.InSession(day) => $"{name} must be in session, and on that day it is {chamber.Describe(day)}",
                WindowKind.WhileInRecess when chamber!.InSession(day) => $"{name} must be in recess, and on that day it is {chamber.Describe(day)}",
                _ => null,
            };
            if (why is not null)
                return why;
        }
        return null;
    }

    public static string Describe(WindowConstraint w, IReadOnlyDictionary<Guid, string> names) => w.Kind switch
    {
        WindowKind.DuringSession => $"while {names.GetValueOrDefault(w.Chamber ?? Guid.Empty, "the chamber")} is in session",
        WindowKind.WhileInRecess => $"while {names.GetValueOrDefault(w.Chamber ?? Guid.Empty, "the chamber")} is in recess",
        WindowKind.NotBefore => $"not before {w.Date:d MMM yyyy}",
        WindowKind.Before => $"before {w.Date:d MMM yyyy}",
    };
}
