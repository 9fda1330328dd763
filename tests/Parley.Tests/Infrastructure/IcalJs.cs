using System.Text.Json;

namespace Parley.Tests.Infrastructure;

/// <summary>
/// Mozilla's ical.js (the parser behind Thunderbird) reading a file Parley wrote, with only the file's own time zones
/// (tests/checkers/ical-instants.mjs).
/// </summary>
public static class IcalJs
{
    public sealed record Stamp(string Value, bool Utc);

    public sealed record Event(string Uid, int Sequence, string? Status, Stamp? Dtstamp, Stamp? LastModified, string? RecurrenceId, string[] Occurrences);

    public sealed record Duration(string Type, string Value);

    public sealed record Reading(Duration? RefreshInterval, string[] Zones, Event[] Events);

    public sealed record Attendee(string Address, string? Name, string? Role, string? Partstat);

    public sealed record InvitedEvent(string Uid, int Sequence, string? Status, string? Organizer, Attendee[] Attendees, string Start);

    /// <summary>An iTIP object as a receiving calendar client reads it (tests/checkers/ical-itip.mjs).</summary>
    public sealed record Invitation(string? Method, InvitedEvent[] Events);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static Task<Reading> ReadAsync(string ics) => RunAsync<Reading>("ical-instants.mjs", ics);

    public static Task<Invitation> ReadInvitationAsync(string ics) => RunAsync<Invitation>("ical-itip.mjs", ics);

    private static async Task<T> RunAsync<T>(string script, string ics)
    {
        var checkers = await Checkers.FolderAsync();
        var file = Path.Combine(Path.GetTempPath(), $"parley-{Guid.NewGuid():N}.ics");
        await File.WriteAllTextAsync(file, ics);
        try
        {
            var (code, output, error) = await Processes.RunAsync("node", checkers, script, file);
            Assert.True(code == 0, $"ical.js could not read the file: {error}\n{ics}");
            return JsonSerializer.Deserialize<T>(output, Json)!;
        }
        finally
        {
            File.Delete(file);
        }
    }
}
