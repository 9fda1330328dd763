using Parley.Record;

namespace Parley.Calendars;

/// <summary>Every way a calendar command is refused: the field it is about, what to fix, and its kind.</summary>
public static class CalendarErrors
{
    public static DomainError NoChamber(Guid id) => new("chamber", $"No institution {id} is in the directory.", ErrorKind.NotFound);

    public static readonly DomainError NoPeriods = new("periods", "Give at least one period.");

    public static DomainError NoPeriod(Guid id) => new("period", $"No calendar period {id}.", ErrorKind.NotFound);

    public static DomainError NoPerson(Guid id) => new("person", $"No person {id} is in the directory.", ErrorKind.NotFound);

    public static readonly DomainError BusyCount = new("times", "Give between 1 and 20,000 busy times.");

    public static DomainError BusySpan(int n) => new($"times[{n}]", $"Busy time {n} needs a start and an end after it (UTC).");

    public static DomainError BusyNote(int n) => new($"times[{n}].note", $"The note of busy time {n} is up to 500 characters.");

    public static DomainError NoAccount(Guid id) => new("account", $"No account {id}.", ErrorKind.NotFound);

    public static DomainError NoFeedLink(Guid id) => new("token", $"You have no feed link {id}.", ErrorKind.NotFound);

    public static readonly DomainError FeedLinkRevoked = new("token", "This feed link was already revoked.", ErrorKind.Conflict);
}
