using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Parley.Access;
using Parley.Correspondence;
using Parley.Record;
using Parley.Web;

namespace Parley.Pages.Letters;

[Authorize(Policy = nameof(Permission.ReadLetters))]
public sealed class LettersModel(ParleyDb db, TimeProvider clock, IStringLocalizer<Text> text) : ParleyPage
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public LetterStatus? Status { get; set; }
    [BindProperty(SupportsGet = true, Name = "exceptions")] public bool OnlyExceptions { get; set; }
    [BindProperty(SupportsGet = true)] public string? Topic { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true)] public LetterRegister.Order? Sort { get; set; }

    /// <summary>The order the rows are in: as asked, else best match first for a search and newest recorded first otherwise.</summary>
    public LetterRegister.Order ShownSort => Sort ?? (SearchText.Query(Q).Count > 0 ? LetterRegister.Order.Relevance : LetterRegister.Order.Recorded);

    // From the query alone: a page's route values hold "page" too (the page's own path), which would fail to bind.
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;

    public IReadOnlyList<LetterRegister.Row> Rows { get; private set; } = [];
    public bool HasMore { get; private set; }
    public Names Names { get; private set; } = new([], []);
    public bool CanRegister { get; private set; }

    private LetterRegister.Filter Filter => new(Q, Status, OnlyExceptions, null, null, Topic, From, To);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var page = await LetterRegister.PageAsync(db, Actor, clock.GetUtcNow().UtcDateTime, Filter, PageNumber, 50, ct, Sort);
        (Rows, HasMore, PageNumber) = (page.Rows, page.HasMore, page.PageNumber);
        Names = await Names.ForAsync(db, Rows.Select(r => r.State), ct, Languages.Current);
        CanRegister = Actor.May(RegisterLetter.Needs);
    }

    /// <summary>
    /// Every letter the filter shows, in its order, as CSV: the register's columns in the page's language, a sealed
    /// envelope's subject left empty as on the page. Written in chunks, so an export of any size stays in bounded memory.
    /// </summary>
    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        Response.ContentType = "text/csv; charset=utf-8";
        Response.Headers.ContentDisposition = $"attachment; filename=\"letters-{now:yyyyMMdd-HHmm}.csv\"";
        await using var writer = new StreamWriter(Response.Body, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        // A cell beginning =, +, - or @ is escaped so that a spreadsheet shows it, never runs it.
        await using var csv = new CsvWriter(writer, new CsvConfiguration(CultureInfo.InvariantCulture) { InjectionOptions = InjectionOptions.Escape });
        foreach (var header in new[] { "Number", "Registry", "Dated", "Recorded (UTC)", "Subject", "Sender", "To", "Status", "Exceptions", "Due (UTC)" })
            csv.WriteField(text[header].Value);
        await csv.NextRecordAsync();
        var chunk = new List<LetterRegister.Row>();
        await foreach (var row in LetterRegister.RowsAsync(db, Actor, now, Filter, Sort, ct))
        {
            chunk.Add(row);
            if (chunk.Count == 500)
                await WriteAsync(csv, chunk, ct);
        }
        await WriteAsync(csv, chunk, ct);
        // The body is written; no page follows it.
        return new EmptyResult();
    }

    private async Task WriteAsync(CsvWriter csv, List<LetterRegister.Row> rows, CancellationToken ct)
    {
        var names = await Names.ForAsync(db, rows.Select(r => r.State), ct, Languages.Current);
        foreach (var row in rows)
        {
            var (letter, custody) = (row.State.Letter, row.Custody);
            csv.WriteField(letter.Number);
            csv.WriteField(names.Institution(letter.Registry));
            csv.WriteField(letter.Dated.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            csv.WriteField(letter.RegisteredAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture));
            csv.WriteField(row.View >= LetterView.Metadata ? letter.Subject : "");
            csv.WriteField(names.Institution(letter.SenderInstitution));
            csv.WriteField(names.Institution(letter.AddresseeInstitution));
            csv.WriteField(text[Labels.Phrase(custody), names.Holder(custody.Holder.Institution, custody.Holder.Person)].Value);
            csv.WriteField(string.Join("; ", custody.Exceptions.Select(e => text[Labels.Of(e)].Value)));
            csv.WriteField(custody.NextDue?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "");
            await csv.NextRecordAsync();
        }
        rows.Clear();
        await csv.FlushAsync();
    }
}
