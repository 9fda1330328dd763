using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Parley.Access;
using Parley.Directory;
using Parley.Engagements;
using Parley.Record;
using Parley.Web;

namespace Parley.Pages.Visits;

/// <summary>The visits register; with two countries chosen, the visits between them as a timeline, year by year and each way.</summary>
[Authorize(Policy = nameof(Permission.ReadEngagements))]
public sealed class VisitsModel(ParleyDb db) : ParleyPage
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Country { get; set; }
    [BindProperty(SupportsGet = true)] public string? With { get; set; }
    [BindProperty(SupportsGet = true)] public int? From { get; set; }
    [BindProperty(SupportsGet = true)] public int? To { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? Person { get; set; }
    // From the query alone: a page's route values hold "page" too (the page's own path), which would fail to bind.
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;

    public IReadOnlyList<Country> Countries { get; private set; } = [];
    public IReadOnlyList<VisitRow> Rows { get; private set; } = [];
    public bool HasMore { get; private set; }
    public int Total { get; private set; }
    public string? PersonName { get; private set; }

    /// <summary>True when two countries are chosen: the page is their timeline.</summary>
    public bool IsTimeline => Country is { Length: 2 } && With is { Length: 2 } && !string.Equals(Country, With, StringComparison.OrdinalIgnoreCase);

    public string CountryName(string? code) =>
        code is null ? "" : Countries.FirstOrDefault(c => c.Code == code.ToUpperInvariant()) is { } c
            ? CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "ru" ? c.NameRu : c.NameEn : code;

    public async Task OnGetAsync(CancellationToken ct)
    {
        PageNumber = Math.Max(1, PageNumber);
        if (From > To)
            Show(new DomainError("from", $"The first year ({From}) is after the last ({To}); choose a first year no later than the last."));
        var used = db.Visits.Select(v => v.DestinationCountry)
            .Union(db.Visits.Join(db.Institutions, v => v.SentBy, i => i.Id, (v, i) => i.CountryCode).Where(c => c != null).Select(c => c!));
        Countries = (await db.Countries.AsNoTracking().Where(c => used.Contains(c.Code)).ToListAsync(ct))
            .OrderBy(c => CountryName(c.Code), StringComparer.CurrentCulture).ToList();
        if (Person is { } person)
            PersonName = (await DirectoryNames.NamesAsync(db, [person], ct, Languages.Current)).GetValueOrDefault(person);
        var filter = new VisitRegister.Filter(Q, Country, With, From, From > To ? null : To, Person);
        if (IsTimeline)
        {
            Rows = await VisitRegister.TimelineAsync(db, filter, ct, Languages.Current);
            Total = Rows.Count;
            return;
        }
        (Rows, HasMore, Total) = await VisitRegister.PageAsync(db, filter, PageNumber, 50, ct, Languages.Current);
    }
}
