using Parley.Record;

namespace Parley.Engagements;

/// <summary>Projects visits.</summary>
public static class VisitsProjection
{
    /// <summary>Projects one of its events; false for any other.</summary>
    public static bool Apply(ParleyDb db, EngagementEvent e)
    {
        switch (e)
        {
            case VisitRecorded v:
                db.Visits.Add(new Visit
                {
                    Id = v.Id,
                    Title = v.Title,
                    Purpose = v.Purpose,
                    Leader = v.Leader,
                    SentBy = v.SentBy,
                    Destination = v.Destination,
                    DestinationCountry = v.DestinationCountry,
                    StartsOn = v.StartsOn,
                    EndsOn = v.EndsOn,
                    MembersNote = v.MembersNote,
                    Source = v.Source,
                    Travellers = v.Travellers.Select(p => new Traveller { Person = p }).ToList(),
                });
                // Travellers met their hosts during the visit: who met whom, beside attendance at held meetings.
                var met = new HashSet<(Guid, Guid)>();
                foreach (var traveller in v.Travellers)
                {
                    foreach (var host in v.Met ?? [])
                    {
                        var pair = traveller.CompareTo(host) < 0 ? (traveller, host) : (host, traveller);
                        if (traveller != host && met.Add(pair))
                            db.Encounters.Add(new Encounter { Meeting = v.Id, PersonA = pair.Item1, PersonB = pair.Item2, MetAt = v.StartsOn.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) });
                    }
                }
                break;
            default:
                return false;
        }
        return true;
    }
}
