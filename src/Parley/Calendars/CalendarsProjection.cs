using Parley.Record;

namespace Parley.Calendars;

public static class CalendarsProjection
{
    public static async ValueTask ApplyAsync(ParleyDb db, CalendarsEvent e, StoredEvent stored, CancellationToken ct)
    {
        switch (e)
        {
            case CalendarPeriodsRecorded r:
                db.CalendarPeriods.AddRange(r.Periods.Select(p => new CalendarPeriod
                {
                    Id = p.Id,
                    Chamber = r.Chamber,
                    Kind = p.Kind,
                    Name = p.Name,
                    StartsOn = p.StartsOn,
                    EndsOn = p.EndsOn,
                    Source = r.Source,
                    RevisedAt = stored.RecordedAt,
                }));
                break;
            case CalendarPeriodChanged c:
                var period = await db.FindRowAsync<CalendarPeriod>([c.Period.Id], ct) ?? throw Missing("calendar period", c.Period.Id);
                (period.Kind, period.Name, period.StartsOn, period.EndsOn) = (c.Period.Kind, c.Period.Name, c.Period.StartsOn, c.Period.EndsOn);
                (period.Revision, period.RevisedAt) = (period.Revision + 1, stored.RecordedAt);
                break;
            case CalendarPeriodRemoved r:
                db.CalendarPeriods.Remove(await db.FindRowAsync<CalendarPeriod>([r.Id], ct) ?? throw Missing("calendar period", r.Id));
                break;
            case BusyTimesRecorded b:
                db.BusyTimes.AddRange(b.Times.Select(t => new BusyTime { Id = t.Id, Person = b.Person, StartsAt = t.StartsAt, EndsAt = t.EndsAt, Note = t.Note }));
                break;
            case FeedTokenIssued f:
                db.FeedTokens.Add(new FeedToken { Id = f.Id, Account = f.Account, IssuedAt = stored.RecordedAt });
                break;
            case FeedTokenRevoked f:
                (await db.FindRowAsync<FeedToken>([f.Id], ct) ?? throw Missing("feed token", f.Id)).RevokedAt = stored.RecordedAt;
                break;
            default:
                throw new InvalidOperationException($"CalendarsProjection does not handle {e.GetType().Name}.");
        }
    }

    private static InvalidOperationException Missing(string what, Guid id) => new($"The {what} {id} is not in the projection.");
}
