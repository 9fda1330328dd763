using Parley.Calendars;

namespace Parley.Engagements;

/// <summary>Whether a day meets a target window's conditions, and if not, which condition rules it out.</summary>
public static class Window
{
    public static string? Violation(IEnumerable<WindowConstraint> window, DateOnly day, IReadOnlyDictionary<Guid, ChamberDays> calendars, IReadOnlyDictionary<Guid, string> names,
        Web.Say? say = null)
    {
        say ??= Web.Says.English;
        foreach (var w in window)
        {
            var chamber = w.Chamber is { } c ? calendars.GetValueOrDefault(c) ?? new ChamberDays([]) : null;
            var name = w.Chamber is { } n ? names.GetValueOrDefault(n) ?? say("the chamber") : "";
            var why = w.Kind switch
            {
                WindowKind.Before when day >= w.Date => say("it must be before {0:d MMM yyyy}", w.Date!),
                WindowKind.NotBefore when day < w.Date => say("it must be on or after {0:d MMM yyyy}", w.Date!),
                WindowKind.DuringSession when !chamber!.InSession(day) => say("{0} must be in session, and on that day it is {1}", name, chamber.Describe(day, say)),
                WindowKind.WhileInRecess when chamber!.InSession(day) => say("{0} must be in recess, and on that day it is {1}", name, chamber.Describe(day, say)),
                _ => null,
            };
            if (why is not null)
                return why;
        }
        return null;
    }

    public static string Describe(WindowConstraint w, IReadOnlyDictionary<Guid, string> names, Web.Say? say = null)
    {
        say ??= Web.Says.English;
        var chamber = names.GetValueOrDefault(w.Chamber ?? Guid.Empty) ?? say("the chamber");
        return w.Kind switch
        {
            WindowKind.DuringSession => say("while {0} is in session", chamber),
            WindowKind.WhileInRecess => say("while {0} is in recess", chamber),
            WindowKind.NotBefore => say("not before {0:d MMM yyyy}", w.Date!),
            WindowKind.Before => say("before {0:d MMM yyyy}", w.Date!),
        };
    }
}
