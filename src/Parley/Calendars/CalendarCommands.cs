using System.CommandLine;
using Parley.Directory;
using Parley.Record;

namespace Parley.Calendars;

/// <summary>`parley calendar import FILE.ics --chamber ID` and `parley calendar congress FILE` (the list of US Congresses and their sessions).</summary>
public static class CalendarCommands
{
    public static Command Create()
    {
        var ics = new Argument<string>("FILE") { Description = "An iCalendar file: each VEVENT a session, sitting day or recess" };
        var chamber = new Option<Guid>("--chamber") { Description = "The chamber's institution id", Required = true };
        var import = new Command("import", "Import a chamber's calendar from an iCalendar file (all or nothing)") { ics, chamber };
        import.SetAction((result, ct) => CommandLine.WithStoreAsync(result, async (services, token) =>
        {
            var path = result.GetValue(ics)!;
            if (!File.Exists(path))
                return CommandLine.Fail(new DomainError("FILE", $"{path} does not exist."));
            var body = new CalendarFile(path, await File.ReadAllTextAsync(path, token));
            var written = await services.GetRequiredService<Recorder>().WriteAsync("import:calendar", (s, c) => ImportChamberCalendar.HandleAsync(s, result.GetValue(chamber), body, c), token);
            if (!written.Succeeded)
                return CommandLine.Fail(written.Error!);
            Console.WriteLine($"Imported {Path.GetFileName(path)}.");
            return 0;
        }, ct));

        var json = new Argument<string>("FILE") { Description = "congresses.json or congresses.yaml (use-civic/congresses)" };
        var congress = new Command("congress", "Import the sessions of the US Congresses into the Senate's and the House's calendars (idempotent)") { json };
        congress.SetAction((result, ct) => CommandLine.WithStoreAsync(result, async (services, token) =>
        {
            CongressCalendar calendar;
            try
            {
                calendar = CongressSessions.Read(result.GetValue(json)!);
            }
            catch (ImportException e)
            {
                Console.Error.WriteLine($"error: {e.Message}\nNothing was imported.");
                return 1;
            }
            var source = $"imported from {Path.GetFileName(result.GetValue(json))}";
            var written = await services.GetRequiredService<Recorder>().WriteAsync("import:congress-sessions", async (s, c) =>
            {
                var total = 0;
                foreach (var house in new[] { KnownInstitutions.UsSenate, KnownInstitutions.UsHouse })
                {
                    var added = await CongressSessions.RecordAsync(s, house, calendar, source, c);
                    if (!added.Succeeded)
                        return Result<int>.Fail(added.Error! with { Message = added.Error.Message + " Import the directory (parley import congress) first." });
                    total += added.Value;
                }
                return Result<int>.Ok(total);
            }, token);
            if (!written.Succeeded)
                return CommandLine.Fail(written.Error!);
            Console.WriteLine($"Recorded {written.Value} sessions ({calendar.Sessions.Count} per chamber in the file).");
            foreach (var name in calendar.Undated)
                Console.WriteLine($"Not recorded, no dates in the file: {name}");
            return 0;
        }, ct));
        return new Command("calendar", "Chamber calendars") { import, congress };
    }
}
