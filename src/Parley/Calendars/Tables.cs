using Microsoft.EntityFrameworkCore;
using Parley.Calendars;

namespace Parley.Record;

/// <summary>The calendars' tables (mapped by <see cref="CalendarsModule"/>).</summary>
public abstract partial class ParleyDb
{
    public DbSet<BusyTime> BusyTimes => Set<BusyTime>();
    public DbSet<CalendarPeriod> CalendarPeriods => Set<CalendarPeriod>();
    public DbSet<FeedToken> FeedTokens => Set<FeedToken>();
    public DbSet<FeedTokenSecret> FeedTokenSecrets => Set<FeedTokenSecret>();
}
