using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Parley.Access;
using Parley.Engagements;
using Parley.Record;
using Parley.Web;

namespace Parley.Pages.TaskForces;

[Authorize(Policy = nameof(Permission.ReadEngagements))]
public sealed class TaskForceModel(ParleyDb db, Recorder recorder, TimeProvider clock) : PageModel
{
    public TaskForce Force { get; private set; } = null!;
    public TaskForcePicture Picture { get; private set; } = null!;
    public IReadOnlyList<Occurrence> Upcoming { get; private set; } = [];
    public IReadOnlyList<Meeting> Meetings { get; private set; } = [];
    public Dictionary<Guid, string> Names { get; private set; } = [];
    public bool MayDecide { get; private set; }
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, bool approve, string? reason, CancellationToken ct)
    {
        var result = await recorder.WriteAsync(Problems.Actor(User), (s, c) => Parley.Engagements.TaskForces.DecideCharterAsync(s, id, approve, reason, EngagementViews.ActorOf(User), c), ct);
        if (result.Succeeded)
            return Redirect($"/task-forces/{id}");
        Error = result.Error!.Message;
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (await db.TaskForces.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, ct) is not { } force)
            return false;
        Force = force;
        var now = clock.GetUtcNow().UtcDateTime;
        Picture = await TaskForcePicture.ForAsync(db, force, now, ct);
        // Before the series starts, show its first meetings; after, the next ones.
        Upcoming = Cadence.Between(force, now > force.FirstMeeting ? now : DateTime.MinValue, DateTime.MaxValue, 6);
        Meetings = await db.Meetings.AsNoTracking().Where(m => m.TaskForce == id).OrderBy(m => m.StartsAt).ToListAsync(ct);
        Names = await EngagementViews.NamesAsync(db, force.Members.Select(m => m.Person).Concat([force.SideA, force.SideB, force.Oversight]), ct);
        var actor = EngagementViews.ActorOf(User);
        MayDecide = force.CharterState == CharterState.AwaitingApproval && actor.Roles.Contains(Role.OversightOfficer) && actor.Institution == force.Oversight;
        return true;
    }
}
