using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Parley.Access;
using Parley.Directory;
using Parley.Record;
using Parley.Statements;
using Parley.Web;

namespace Parley.Pages.Statements;

/// <summary>Records one statement by hand: a post, a briefing, remarks heard, with an optional translation and time.</summary>
[Authorize(Policy = nameof(Permission.RecordStatements))]
public sealed class NewStatementModel(ParleyDb db, Recorder recorder, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Speaker { get; set; }
    [BindProperty] public Medium Medium { get; set; }
    [BindProperty] public DateOnly? SaidOn { get; set; }
    [BindProperty] public TimeOnly? Time { get; set; }
    [BindProperty] public string? TimeZone { get; set; } = "Europe/Moscow";
    [BindProperty] public string? Language { get; set; } = "en";
    [BindProperty] public string? Text { get; set; }
    [BindProperty] public string? Translation { get; set; }
    [BindProperty] public string? TranslationLanguage { get; set; }
    [BindProperty] public string? Outlet { get; set; }
    [BindProperty] public string? Address { get; set; }
    [BindProperty] public string? LetterNumber { get; set; }

    public string? Error { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var folded = NameRules.Fold(Speaker ?? "");
        var speakers = folded.Length == 0 ? [] : await db.People.Where(p => p.Names.Any(n => n.Folded == folded)).Select(p => p.Id).Take(2).ToListAsync(ct);
        if (speakers.Count != 1)
        {
            Error = $"Speaker: {(speakers.Count == 0 ? "nobody in the directory is named" : "more than one person is named")} “{Speaker}”. Type a full name as the directory has it, or create the person first.";
            return Page();
        }
        var links = new List<LinkInput>();
        if (LetterNumber is { Length: > 0 } number)
        {
            var letters = await db.Letters.Where(l => l.Number == number.Trim()).Select(l => l.Id).Take(2).ToListAsync(ct);
            if (letters.Count != 1)
            {
                Error = $"Letter number: {(letters.Count == 0 ? "no letter" : "more than one letter")} has the number {number}.";
                return Page();
            }
            links.Add(new LinkInput(RecordKind.Letter, letters[0]));
        }
        var input = new StatementInput(speakers[0], Medium, SaidOn, Text, Language, Time, Time is null ? null : TimeZone, DateBasis.Stated,
            Translation, TranslationLanguage, Outlet, Address, null, null, links);
        var result = await recorder.WriteAsync(Problems.Actor(User), (s, c) => StatementRegister.RecordAsync(s, input, clock.GetUtcNow().UtcDateTime, c), ct);
        if (result.Succeeded)
            return Redirect($"/statements/{result.Value}");
        Error = $"{result.Error!.Field}: {result.Error.Message}";
        return Page();
    }
}
