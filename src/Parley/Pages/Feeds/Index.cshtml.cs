using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Parley.Access;
using Parley.Calendars;
using Parley.Engagements;
using Parley.Record;
using Parley.Web;

namespace Parley.Pages.Feeds;

/// <summary>The user's secret calendar links: issue one (its secret is shown once), see when each was issued, revoke.</summary>
[Authorize(Policy = nameof(Permission.ReadEngagements))]
public sealed class FeedsModel(ParleyDb db) : ParleyPage
{
    public IReadOnlyList<FeedToken> Tokens { get; private set; } = [];
    public string? Secret { get; private set; }
    public IReadOnlyList<TaskForce> TaskForces { get; private set; } = [];
    public IReadOnlyList<(Guid Id, string Name)> Chambers { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public Task<IActionResult> OnPostIssueAsync(CancellationToken ct) =>
        WriteAsync(FeedLinks.Needs, (s, c) => FeedLinks.IssueAsync(s, Actor.Account ?? Guid.Empty, c), issued =>
        {
            Secret = issued.Secret;
            return AgainAsync(ct);
        }, () => AgainAsync(ct), ct);

    public Task<IActionResult> OnPostRevokeAsync(Guid token, CancellationToken ct) =>
        WriteAsync(FeedLinks.Needs, (s, c) => FeedLinks.RevokeAsync(s, Actor.Account ?? Guid.Empty, token, c), async _ => Done(await AgainAsync(ct), "Feed link revoked; calendars that used it stop updating."), () => AgainAsync(ct), ct);

    private async Task<IActionResult> AgainAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Page();
    }

    public string FeedUrl(string path) => $"{Request.Scheme}://{Request.Host}/feeds/{Secret}/{path}";

    private async Task LoadAsync(CancellationToken ct)
    {
        var account = Actor.Account;
        Tokens = await db.FeedTokens.AsNoTracking().Where(t => t.Account == account).OrderByDescending(t => t.IssuedAt).ToListAsync(ct);
        TaskForces = await db.TaskForces.AsNoTracking().OrderBy(t => t.Name).ToListAsync(ct);
        var chambers = await db.CalendarPeriods.AsNoTracking().Select(p => p.Chamber).Distinct().ToListAsync(ct);
        Chambers = (await db.Institutions.AsNoTracking().Where(i => chambers.Contains(i.Id)).Select(i => new { i.Id, i.Name }).ToListAsync(ct))
            .Select(i => (i.Id, i.Name)).OrderBy(i => i.Name, StringComparer.Ordinal).ToList();
    }
}
