using Parley.Access;
using Parley.Correspondence;
using Parley.Engagements;
using Parley.Record;
using Parley.Statements;
using Parley.Web;

namespace Parley.Pages;

/// <summary>Everything waiting for the signed-in user, from each feature that can have work for them, oldest due first.</summary>
public static class Work
{
    public static async Task<IReadOnlyList<WorkItem>> ForAsync(ParleyDb db, Actor actor, DateTime now, CancellationToken ct)
    {
        var items = new List<WorkItem>();
        items.AddRange(await LetterWork.ForAsync(db, actor, now, ct));
        items.AddRange(await EngagementWork.ForAsync(db, actor, ct));
        items.AddRange(await CommitmentWork.ForAsync(db, actor, DateOnly.FromDateTime(now), ct));
        return items.OrderByDescending(i => i.Overdue).ThenBy(i => i.Due ?? DateOnly.MaxValue).ToList();
    }
}
