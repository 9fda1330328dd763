using Parley.Record;

namespace Parley.Engagements;

/// <summary>The relationship picture of a task force: current members of both sides, who met whom, and who is overdue.</summary>
public sealed record TaskForcePicture(IReadOnlyList<TaskForceMember> SideA, IReadOnlyList<TaskForceMember> SideB, IReadOnlyList<Tie> Ties,
    IReadOnlyList<Guid> Overdue, IReadOnlyDictionary<Guid, string> Names)
{
    public static async Task<TaskForcePicture> ForAsync(ParleyDb db, TaskForce force, DateTime now, CancellationToken ct, string? lang = null)
    {
        var current = force.Members.Where(m => m.Until is null).ToList();
        var (a, b) = (current.Where(m => m.Side == Side.A).ToList(), current.Where(m => m.Side == Side.B).ToList());
        var ties = (await Relationships.TiesAsync(db, a.Select(m => m.Person).ToList(), ct))
            .Where(t => b.Any(m => m.Person == t.Counterpart)).ToList();
        // A member is overdue when no counterpart of the other side has met them within one cadence interval.
        var cutoff = now - Cadence.Interval(force);
        var overdue = current.Where(m => !ties.Any(t => (t.Person == m.Person || t.Counterpart == m.Person) && t.LastMet >= cutoff)).Select(m => m.Person).ToList();
        var ids = current.Select(m => m.Person).ToList();
        var names = await Directory.DirectoryNames.NamesAsync(db, ids, ct, lang);
        return new TaskForcePicture(a, b, ties, overdue, names);
    }
}
