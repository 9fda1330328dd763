using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Parley.Access;
using Parley.Calendars;
using Parley.Directory;
using Parley.Engagements;
using Parley.Record;
using Parley.Statements;
using Parley.Web;

namespace Parley.Pages.People;

[Authorize(Policy = nameof(Permission.ReadDirectory))]
public sealed class PersonModel(ParleyDb db, TimeProvider clock) : ParleyPage
{
    public PersonDetails Details { get; private set; } = null!;

    public History History { get; private set; } = null!;

    public IReadOnlyList<StatementView> Statements { get; private set; } = [];

    /// <summary>Whom the person has met across the sides (from attendance at held meetings), and their meetings.</summary>
    public IReadOnlyList<Tie> Ties { get; private set; } = [];
    public IReadOnlyList<Meeting> Meetings { get; private set; } = [];

    /// <summary>The person's latest visits, as traveller or as host met, and how many there are in all.</summary>
    public IReadOnlyList<VisitRow> Visits { get; private set; } = [];
    public int VisitCount { get; private set; }
    public Dictionary<Guid, string> Names { get; private set; } = [];
    public int BusyTimes { get; private set; }
    public bool CanRecord { get; private set; }

    /// <summary>Busy times from the person's own calendar export, for the scheduling assistant.</summary>
    public async Task<IActionResult> OnPostBusyAsync(Guid id, IFormFile? file, CancellationToken ct)
    {
        if (!Actor.May(ImportBusyTimes.Needs))
            return Forbid();
        if (file is null || file.Length is 0 or > 2 * 1024 * 1024)
        {
            Show(new DomainError("file", "Choose an iCalendar (.ics) file of up to 2 MB."));
            return await OnGetAsync(id, ct);
        }
        using var reader = new StreamReader(file.OpenReadStream());
        var body = new CalendarFile(file.FileName, await reader.ReadToEndAsync(ct));
        return await WriteAsync(ImportBusyTimes.Needs, (s, c) => ImportBusyTimes.HandleAsync(s, id, body, ImportBusyTimes.HorizonFrom(clock.GetUtcNow().UtcDateTime), c),
            async _ => Done(await OnGetAsync(id, ct), "Imported busy times from {0}.", file.FileName), () => OnGetAsync(id, ct), ct);
    }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await DirectoryQueries.PersonAsync(db, id, ct) is not { } details)
            return NotFound();
        Details = details;
        History = await RecordHistory.ForAsync(db, $"person/{id}", ct);
        var (said, _) = await StatementRegister.PageAsync(db, new(Speaker: id), 1, 20, ct);
        Statements = await StatementViews.ForAsync(db, said, ct);
        Ties = await Relationships.TiesAsync(db, [id], ct);
        Meetings = await db.Meetings.AsNoTracking().Where(m => m.Participants.Any(p => p.Person == id)).OrderByDescending(m => m.StartsAt).Take(50).ToListAsync(ct);
        (Visits, _, VisitCount) = await VisitRegister.PageAsync(db, new VisitRegister.Filter(Person: id), 1, 10, ct, Languages.Current);
        Names = await DirectoryNames.NamesAsync(db, Ties.Select(t => t.Counterpart), ct, Languages.Current);
        BusyTimes = await db.BusyTimes.CountAsync(b => b.Person == id, ct);
        CanRecord = Actor.May(RecordBusyTimes.Needs);
        return Page();
    }
}
