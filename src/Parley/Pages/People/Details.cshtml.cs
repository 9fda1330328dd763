using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Parley.Access;
using Parley.Directory;
using Parley.Record;

namespace Parley.Pages.People;

[Authorize(Policy = nameof(Permission.ReadDirectory))]
public sealed class PersonModel(ParleyDb db, Recorder recorder, TimeProvider clock, IAuthorizationService authorization) : PageModel
{
    public PersonDetails Details { get; private set; } = null!;

    public History History { get; private set; } = null!;

    public IReadOnlyList<Parley.Statements.StatementView> Statements { get; private set; } = [];

    /// <summary>Whom the person has met across the sides (from attendance at held meetings), and their meetings.</summary>
    public IReadOnlyList<Parley.Engagements.Tie> Ties { get; private set; } = [];
    public IReadOnlyList<Parley.Engagements.Meeting> Meetings { get; private set; } = [];
    public Dictionary<Guid, string> Names { get; private set; } = [];
    public int BusyTimes { get; private set; }
    public bool CanRecord { get; private set; }
    public string? Error { get; private set; }
    public string? Done { get; private set; }

    /// <summary>Busy times from the person's own calendar export, for the scheduling assistant.</summary>
    public async Task<IActionResult> OnPostBusyAsync(Guid id, IFormFile? file, CancellationToken ct)
    {
        if (!(await authorization.AuthorizeAsync(User, nameof(Permission.RecordEngagements))).Succeeded)
            return Forbid();
        if (file is null || file.Length is 0 or > 2 * 1024 * 1024)
            Error = "Choose an iCalendar (.ics) file of up to 2 MB.";
        else
        {
            using var reader = new StreamReader(file.OpenReadStream());
            var body = new Parley.Engagements.CalendarFile(file.FileName, await reader.ReadToEndAsync(ct));
            var result = await recorder.WriteAsync(Parley.Web.Problems.Actor(User),
                (s, c) => Parley.Engagements.Visits.ImportBusyAsync(s, id, body, clock.GetUtcNow().UtcDateTime.AddYears(2), c), ct);
            (Error, Done) = result.Succeeded ? ((string?)null, $"Imported busy times from {file.FileName}.") : (result.Error!.Message, (string?)null);
        }
        return await OnGetAsync(id, ct);
    }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await DirectoryQueries.PersonAsync(db, id, ct) is not { } details)
            return NotFound();
        Details = details;
        History = await RecordHistory.ForAsync(db, $"person/{id}", ct);
        var (said, _) = await Parley.Statements.StatementRegister.PageAsync(db, new(Speaker: id), 1, 20, ct);
        Statements = await Parley.Statements.StatementViews.ForAsync(db, said, ct);
        Ties = await Parley.Engagements.Relationships.TiesAsync(db, [id], ct);
        Meetings = await db.Meetings.AsNoTracking().Where(m => m.Participants.Any(p => p.Person == id)).OrderByDescending(m => m.StartsAt).Take(50).ToListAsync(ct);
        Names = await Parley.Directory.DirectoryNames.NamesAsync(db, Ties.Select(t => t.Counterpart), ct);
        BusyTimes = await db.BusyTimes.CountAsync(b => b.Person == id, ct);
        CanRecord = (await authorization.AuthorizeAsync(User, nameof(Permission.RecordEngagements))).Succeeded;
        return Page();
    }
}
