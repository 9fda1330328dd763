using Parley.Access;
using Parley.Correspondence;
using Parley.Engagements;
using Parley.Record;
using Parley.Statements;
using Parley.Web;

namespace Parley.Notifications;

/// <summary>Everything waiting for the signed-in user, from each feature that can have work for them, oldest due first.</summary>
public static class Work
{
    public static Task<IReadOnlyList<WorkItem>> ForAsync(ParleyDb db, Actor actor, DateTime now, CancellationToken ct) => ItemsAsync(db, actor, now, describe: true, ct);

    /// <summary>How many things wait, as the navigation shows on every page: the same items, without reading each letter to name its exception.</summary>
    public static async Task<int> CountAsync(ParleyDb db, Actor actor, DateTime now, CancellationToken ct) =>
        (await ItemsAsync(db, actor, now, describe: false, ct)).Count;

    private static async Task<IReadOnlyList<WorkItem>> ItemsAsync(ParleyDb db, Actor actor, DateTime now, bool describe, CancellationToken ct)
    {
        var items = new List<WorkItem>();
        items.AddRange(await LetterWork.ForAsync(db, actor, now, describe, ct));
        items.AddRange(await EngagementWork.ForAsync(db, actor, ct));
        items.AddRange(await CommitmentWork.ForAsync(db, actor, DateOnly.FromDateTime(now), ct));
        return items.OrderByDescending(i => i.Overdue).ThenBy(i => i.Due ?? DateOnly.MaxValue).ToList();
    }
}
