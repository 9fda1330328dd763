using Parley.Record;

namespace Parley.Engagements;

/// <summary>Projects task forces, their charters and rosters.</summary>
public static class TaskForcesProjection
{
    /// <summary>Projects one of its events; false for any other.</summary>
    public static async ValueTask<bool> ApplyAsync(ParleyDb db, EngagementEvent e, StoredEvent stored, CancellationToken ct)
    {
        switch (e)
        {
            case TaskForceChartered t:
                db.TaskForces.Add(new TaskForce
                {
                    Id = t.Id,
                    Name = t.Name,
                    Purpose = t.Purpose,
                    SideA = t.SideA,
                    SideB = t.SideB,
                    Oversight = t.Oversight,
                    Charter = t.Charter,
                    CharterState = CharterState.AwaitingApproval,
                    SeatsPerSide = t.SeatsPerSide,
                    AllowedDifference = t.AllowedDifference,
                    Cadence = t.Cadence,
                    FirstDay = DateOnly.FromDateTime(t.FirstMeeting),
                    FirstTime = TimeOnly.FromDateTime(t.FirstMeeting),
                    Zone = t.Zone,
                    DurationMinutes = t.DurationMinutes,
                    AlternateHosts = t.AlternateHosts,
                    StandingAgenda = t.StandingAgenda,
                    Source = t.Source,
                });
                break;
            case CharterDecided c:
                var chartered = await TaskForceAsync(db, c.TaskForce, ct);
                (chartered.CharterState, chartered.CharterReason) = (c.Approved ? CharterState.Approved : CharterState.Returned, c.Reason);
                break;
            case MembershipChanged m:
                var force = await TaskForceAsync(db, m.TaskForce, ct);
                foreach (var seat in force.Members.Where(x => x.Until is null && m.Leaves.Contains(x.Person)))
                    seat.Until = m.On;
                force.Members.AddRange(m.Joins.Select(j => new TaskForceMember { Person = j.Person, Side = j.Side, Role = j.Role, Since = m.On }));
                break;
            default:
                return false;
        }
        return true;
    }

    private static async Task<TaskForce> TaskForceAsync(ParleyDb db, Guid id, CancellationToken ct) =>
        await db.FindRowAsync<TaskForce>([id], ct) ?? throw Missing("task force", id);

    private static InvalidOperationException Missing(string what, Guid id) => new($"The {what} {id} is not in the projection.");
}
