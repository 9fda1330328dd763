using Microsoft.EntityFrameworkCore;
using Parley.Record;

namespace Parley.Engagements;

public sealed record PeriodInput(PeriodKind? Kind, string? Name, DateOnly? StartsOn, DateOnly? EndsOn);

/// <summary>Chambers' calendars: sessions, sitting days and recesses, added by hand or from an iCalendar file, and editable.</summary>
public static class ChamberCalendars
{
    public static async Task<Result<Guid>> AddAsync(WriteScope scope, Guid chamber, IReadOnlyList<PeriodInput> periods, string? source, CancellationToken ct)
    {
        if (!await scope.Db.Institutions.AnyAsync(i => i.Id == chamber, ct))
            return new DomainError("chamber", $"No institution {chamber} is in the directory.", ErrorKind.NotFound);
        if (periods.Count == 0)
            return new DomainError("periods", "Give at least one period.");
        var entries = new List<PeriodEntry>();
        foreach (var (p, n) in periods.Select((p, i) => (p, i + 1)))
        {
            var checkedPeriod = Check(p, periods.Count == 1 ? "" : $"Period {n}: ");
            if (!checkedPeriod.Succeeded)
                return checkedPeriod.Error!;
            entries.Add(checkedPeriod.Value! with { Id = Guid.CreateVersion7() });
        }
        await scope.RecordAsync(new CalendarPeriodsRecorded(chamber, entries, source), ct);
        return Result<Guid>.Ok(chamber);
    }

    public static async Task<Result<Guid>> ChangeAsync(WriteScope scope, Guid id, PeriodInput input, CancellationToken ct)
    {
        if (await scope.Db.CalendarPeriods.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct) is not { } period)
            return new DomainError("period", $"No calendar period {id}.", ErrorKind.NotFound);
        var checkedPeriod = Check(input, "");
        if (!checkedPeriod.Succeeded)
            return checkedPeriod.Error!;
        await scope.RecordAsync(new CalendarPeriodChanged(period.Chamber, checkedPeriod.Value! with { Id = id }), ct);
        return Result<Guid>.Ok(id);
    }

    public static async Task<Result<Guid>> RemoveAsync(WriteScope scope, Guid id, CancellationToken ct)
    {
        if (await scope.Db.CalendarPeriods.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct) is not { } period)
            return new DomainError("period", $"No calendar period {id}.", ErrorKind.NotFound);
        await scope.RecordAsync(new CalendarPeriodRemoved(period.Chamber, id), ct);
        return Result<Guid>.Ok(id);
    }

    private static Result<PeriodEntry> Check(PeriodInput p, string prefix)
    {
        if (p.Kind is not { } kind)
            return new DomainError("kind", $"{Say(prefix, "S")}ay whether the period is a session, a sitting day or a recess.");
        if (string.IsNullOrWhiteSpace(p.Name) || p.Name.Length > 200)
            return new DomainError("name", $"{Say(prefix, "G")}ive the period a name (for example “Autumn session 2018”), up to 200 characters.");
        if (p.StartsOn is not { } starts || p.EndsOn is not { } ends)
            return new DomainError(p.StartsOn is null ? "startsOn" : "endsOn", $"{Say(prefix, "G")}ive the first and last day.");
        if (ends < starts)
            return new DomainError("endsOn", $"{Say(prefix, "T")}he last day ({ends:yyyy-MM-dd}) is before the first ({starts:yyyy-MM-dd}).");
        return Result<PeriodEntry>.Ok(new PeriodEntry(Guid.Empty, kind, p.Name.Trim(), starts, ends));
    }

    // "Give the first day." alone, or "Period 3: give the first day." in a list.
    private static string Say(string prefix, string first) => prefix.Length == 0 ? first : prefix + first.ToLowerInvariant();
}

public static class CalendarQueries
{
    public static async Task<Dictionary<Guid, ChamberDays>> DaysAsync(ParleyDb db, IEnumerable<Guid> chambers, CancellationToken ct)
    {
        var ids = chambers.Distinct().ToList();
        var periods = await db.CalendarPeriods.AsNoTracking().Where(p => ids.Contains(p.Chamber)).OrderBy(p => p.StartsOn).ToListAsync(ct);
        return ids.ToDictionary(id => id, id => new ChamberDays(periods.Where(p => p.Chamber == id).ToList()));
    }
}
