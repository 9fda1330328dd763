using Microsoft.EntityFrameworkCore;
using Parley.Record;

namespace Parley.Calendars;

public static class CalendarQueries
{
    /// <summary>Each chamber's periods, in order, as day-level facts.</summary>
    public static async Task<Dictionary<Guid, ChamberDays>> DaysAsync(ParleyDb db, IEnumerable<Guid> chambers, CancellationToken ct)
    {
        var ids = chambers.Distinct().ToList();
        var periods = await db.CalendarPeriods.AsNoTracking().Where(p => ids.Contains(p.Chamber)).OrderBy(p => p.StartsOn).ToListAsync(ct);
        return ids.ToDictionary(id => id, id => new ChamberDays(periods.Where(p => p.Chamber == id).ToList()));
    }
}
