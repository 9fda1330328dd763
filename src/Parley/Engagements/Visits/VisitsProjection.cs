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
                break;
            default:
                return false;
        }
        return true;
    }
}
