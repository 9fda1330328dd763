using Microsoft.EntityFrameworkCore;
using Parley.Access;
using Parley.Record;
using Parley.Web;

namespace Parley.Statements;

/// <summary>Commitments falling due within a week, or overdue, for those who record statements and confirm promises kept.</summary>
public static class CommitmentWork
{
    public const int HorizonDays = 7;

    public static async Task<IReadOnlyList<WorkItem>> ForAsync(ParleyDb db, Actor actor, DateOnly today, CancellationToken ct)
    {
        if (!actor.May(ConfirmCommitment.Needs))
            return [];
        var horizon = today.AddDays(HorizonDays);
        var due = await db.Commitments.AsNoTracking().Where(c => c.FulfilledAt == null && c.DueBy <= horizon)
            .OrderBy(c => c.DueBy).Take(100).Select(c => new { c.Id, c.What, c.DueBy }).ToListAsync(ct);
        return due.Select(c => c.DueBy < today
            ? new WorkItem(WorkKind.Commitments, "“{0}” was due by {1}: confirm it kept, or see what it waits on", [c.What, c.DueBy.ToString("yyyy-MM-dd")], $"/commitments#c-{c.Id}", c.DueBy, Overdue: true)
            : new WorkItem(WorkKind.Commitments, "“{0}” falls due by {1}", [c.What, c.DueBy.ToString("yyyy-MM-dd")], $"/commitments#c-{c.Id}", c.DueBy)).ToList();
    }
}
