using Parley.Record;

namespace Parley.Engagements;

/// <summary>A task force's roster rules: one side per person, the charter's seats, and balance once the charter is approved. Pure.</summary>
public static class Roster
{
    public static DomainError? Apply(TaskForce force, DateOnly on, IReadOnlyList<SeatChange> joins, IReadOnlyList<Guid> leaves, Func<Guid, string> name)
    {
        var current = force.Members.Where(m => m.Until is null).ToList();
        if (joins.GroupBy(j => j.Person).FirstOrDefault(g => g.Select(j => j.Side).Distinct().Count() > 1) is { } both)
            return new DomainError("joins", $"{name(both.Key)} cannot sit on both sides of the task force.");
        foreach (var j in joins)
        {
            if (current.FirstOrDefault(m => m.Person == j.Person && !leaves.Contains(m.Person)) is { } seated)
                return new DomainError("joins", seated.Side == j.Side
                    ? $"{name(j.Person)} is already a member of side {j.Side}."
                    : $"{name(j.Person)} already sits on side {seated.Side}; a member cannot sit on both sides.");
        }
        if (leaves.FirstOrDefault(l => current.All(m => m.Person != l)) is var stranger && stranger != Guid.Empty)
            return new DomainError("leaves", $"{name(stranger)} is not a current member.");
        if (current.Count > 0 && on < current.Max(m => m.Since))
            return new DomainError("on", $"The change is dated {on:yyyy-MM-dd}, before the roster's last change ({current.Max(m => m.Since):yyyy-MM-dd}).");
        var after = current.Where(m => !leaves.Contains(m.Person)).Select(m => m.Side).Concat(joins.Select(j => j.Side)).ToList();
        var (a, b) = (after.Count(s => s == Side.A), after.Count(s => s == Side.B));
        if (Math.Max(a, b) > force.SeatsPerSide)
            return new DomainError("joins", $"After this change a side would have {Math.Max(a, b)} members; the charter gives each side {force.SeatsPerSide} seats.");
        // Before approval the roster is a proposal and may be incomplete; once approved, every change keeps the balance.
        if (force.CharterState == CharterState.Approved && Math.Abs(a - b) > force.AllowedDifference)
            return new DomainError("joins", $"After this change side A would have {a} members and side B {b}; the charter allows a difference of {force.AllowedDifference}. "
                + "Add or remove members of both sides in one change.");
        return null;
    }

    public static (int A, int B) Counts(TaskForce force) =>
        (force.Members.Count(m => m.Until is null && m.Side == Side.A), force.Members.Count(m => m.Until is null && m.Side == Side.B));
}
