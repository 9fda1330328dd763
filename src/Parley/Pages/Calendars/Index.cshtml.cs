using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Parley.Access;
using Parley.Calendars;
using Parley.Directory;
using Parley.Record;
using Parley.Web;

namespace Parley.Pages.Calendars;

/// <summary>Chambers' calendars: the periods, an iCalendar import (all or nothing, faults by line), and edits.</summary>
[Authorize(Policy = nameof(Permission.ReadEngagements))]
public sealed class CalendarsModel(ParleyDb db) : ParleyPage
{
    public const long MaxFile = 2 * 1024 * 1024;

    [BindProperty(SupportsGet = true)] public Guid? Chamber { get; set; }

    public List<Institution> Chambers { get; private set; } = [];
    public IReadOnlyList<CalendarPeriod> Periods { get; private set; } = [];
    public bool CanEdit { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostImportAsync(IFormFile? file, CancellationToken ct)
    {
        if (file is null || file.Length == 0)
            return await FailAsync("Choose an iCalendar (.ics) file to import.", ct);
        if (file.Length > MaxFile)
            return await FailAsync($"{file.FileName} is {file.Length / 1024.0 / 1024.0:0.0} MB; a calendar file may be up to 2 MB.", ct);
        using var reader = new StreamReader(file.OpenReadStream());
        var body = new CalendarFile(file.FileName, await reader.ReadToEndAsync(ct));
        return await WriteAsync((s, c) => ImportChamberCalendar.HandleAsync(s, Chamber ?? Guid.Empty, body, c), ct, "Imported {0}.", file.FileName);
    }

    public Task<IActionResult> OnPostAddAsync(PeriodKind? kind, string? name, DateOnly? startsOn, DateOnly? endsOn, CancellationToken ct) =>
        WriteAsync((s, c) => AddCalendarPeriods.HandleAsync(s, Chamber ?? Guid.Empty, [new PeriodInput(kind, name, startsOn, endsOn)], "entered by hand", c), ct, "Period added.");

    public Task<IActionResult> OnPostChangeAsync(Guid period, PeriodKind? kind, string? name, DateOnly? startsOn, DateOnly? endsOn, CancellationToken ct) =>
        WriteAsync((s, c) => ChangeCalendarPeriod.HandleAsync(s, period, new PeriodInput(kind, name, startsOn, endsOn), c), ct, "Period changed.");

    public Task<IActionResult> OnPostRemoveAsync(Guid period, CancellationToken ct) =>
        WriteAsync((s, c) => RemoveCalendarPeriod.HandleAsync(s, period, c), ct, "Period removed.");

    /// <summary>Every calendar edit needs the same permission as <see cref="AddCalendarPeriods"/>; the page is shown again either way.</summary>
    private Task<IActionResult> WriteAsync(Func<WriteScope, CancellationToken, Task<Result<Guid>>> work, CancellationToken ct, string said, params object[] args) =>
        WriteAsync(AddCalendarPeriods.Needs, work, async _ => Done(await AgainAsync(ct), said, args), () => AgainAsync(ct), ct);

    private async Task<IActionResult> FailAsync(string message, CancellationToken ct)
    {
        Show(message);
        return await AgainAsync(ct);
    }

    private async Task<IActionResult> AgainAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Chambers = await db.Institutions.AsNoTracking()
            .Where(i => i.Kind == InstitutionKind.Chamber || i.Kind == InstitutionKind.Legislature)
            .OrderBy(i => i.Name).ToListAsync(ct);
        Chamber ??= Chambers.FirstOrDefault()?.Id;
        Periods = await db.CalendarPeriods.AsNoTracking().Where(p => p.Chamber == Chamber).OrderBy(p => p.StartsOn).ToListAsync(ct);
        CanEdit = Actor.May(AddCalendarPeriods.Needs);
    }
}
