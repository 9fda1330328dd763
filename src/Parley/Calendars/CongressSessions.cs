using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Parley.Directory;
using Parley.Record;
using YamlDotNet.RepresentationModel;

namespace Parley.Calendars;

/// <summary>What a congresses file gives: sessions to record, and sessions it lists without dates (reported, not guessed).</summary>
public sealed record CongressCalendar(IReadOnlyList<PeriodInput> Sessions, IReadOnlyList<string> Undated);

/// <summary>
/// Reads the list of US Congresses and their sessions (use-civic/congresses, JSON or YAML: a mapping of congresses, each with
/// sessions {name, date_start, date_end}) as sessions of a chamber's calendar. Faults name the file and line.
/// </summary>
public static partial class CongressSessions
{
    public static CongressCalendar Read(string path)
    {
        var file = YamlFile.Load(path);
        var sessions = new List<PeriodInput>();
        var undated = new List<string>();
        // The JSON form maps names to congresses; the YAML form lists them.
        var congresses = file.Root is YamlSequenceNode list0 ? list0.Children.Select(n => (Key: (string?)null, Node: n))
            : file.Mapping(file.Root).Children.Select(c => ((c.Key as YamlScalarNode)?.Value, c.Value));
        foreach (var (key, node) in congresses)
        {
            var congress = file.Mapping(node);
            var name = file.Text(congress, "name") ?? key ?? "Congress";
            if (YamlFile.Child(congress, "sessions") is not { } list)
                throw file.Fault(congress, $"{name} has no 'sessions' list.");
            foreach (var item in file.Sequence(list).Children)
            {
                var session = file.Mapping(item);
                var title = $"{name}, {file.Required(session, "name")}";
                var (start, end) = (Day(file, session, "date_start"), Day(file, session, "date_end"));
                if (start is null || end is null)
                {
                    undated.Add(title);
                    continue;
                }
                if (end < start)
                    throw file.Fault(session, $"{title} ends ({end:yyyy-MM-dd}) before it starts ({start:yyyy-MM-dd}).");
                sessions.Add(new PeriodInput(PeriodKind.Session, title, start, end));
            }
        }
        if (sessions.Count == 0)
            throw new ImportException(path, 1, "No dated session in the file.");
        return new CongressCalendar(sessions, undated);
    }

    /// <summary>Records the sessions a chamber does not have yet (same name and days), so a second import adds nothing.</summary>
    public static async Task<Result<int>> RecordAsync(WriteScope scope, Guid chamber, CongressCalendar calendar, string source, CancellationToken ct)
    {
        var known = (await scope.Db.CalendarPeriods.AsNoTracking().Where(p => p.Chamber == chamber).Select(p => new { p.Name, p.StartsOn, p.EndsOn }).ToListAsync(ct))
            .Select(p => (p.Name, p.StartsOn, p.EndsOn)).ToHashSet();
        var fresh = calendar.Sessions.Where(s => !known.Contains((s.Name!, s.StartsOn!.Value, s.EndsOn!.Value))).ToList();
        if (fresh.Count == 0)
            return Result<int>.Ok(0);
        var added = await AddCalendarPeriods.HandleAsync(scope, chamber, fresh, source, ct);
        return added.Succeeded ? Result<int>.Ok(fresh.Count) : added.Error!;
    }

    private static DateOnly? Day(YamlFile file, YamlMappingNode map, string key)
    {
        var text = file.Text(map, key);
        if (text is null or "null")
            return null;
        return DayPattern().IsMatch(text) && DateOnly.TryParseExact(text[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day
            : throw file.Fault(YamlFile.Child(map, key)!, $"'{key}' must be a date like 2018-01-03 (a time after it is ignored), not '{text}'.");
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}([T ].*)?$")]
    private static partial Regex DayPattern();
}
