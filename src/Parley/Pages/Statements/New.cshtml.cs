using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Parley.Access;
using Parley.Directory;
using Parley.Record;
using Parley.Statements;
using Parley.Web;

namespace Parley.Pages.Statements;

/// <summary>Records one statement by hand: a post, a briefing, remarks heard, with an optional translation and time.</summary>
[Authorize(Policy = nameof(Permission.RecordStatements))]
public sealed class NewStatementModel(ParleyDb db, TimeProvider clock) : ParleyPage
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

    /// <summary>One of the letters an ambiguous number offered, chosen with its button.</summary>
    [BindProperty] public string? LetterChoice { get; set; }


    public void OnGet()
    {
    }

    public IReadOnlyList<string> LetterChoices { get; private set; } = [];

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var speaker = await DirectoryNames.PersonNamedAsync(db, Speaker, "speaker", ct);
        if (!speaker.Succeeded)
        {
            Error = $"Speaker: {speaker.Error!.Message}";
            return Page();
        }
        var links = new List<LinkInput>();
        if (LetterChoice is { Length: > 0 } chosen)
            LetterNumber = chosen;
        if (LetterNumber is { Length: > 0 } number)
        {
            var matches = await StatementRegister.LettersNumberedAsync(db, number, ct);
            var letter = StatementRegister.Pick(number, matches);
            if (!letter.Succeeded)
            {
                // The letters the number could mean, offered as the field's suggestions.
                LetterChoices = matches.Select(m => m.Label).ToList();
                Error = $"Letter number: {letter.Error!.Message}";
                return Page();
            }
            links.Add(new LinkInput(RecordKind.Letter, letter.Value));
        }
        var input = new StatementInput(speaker.Value, Medium, SaidOn, Text, Language, Time, Time is null ? null : TimeZone, DateBasis.Stated,
            Translation, TranslationLanguage, Outlet, Address, null, null, links);
        var result = await Edge.WriteAsync(Actor, (s, c) => RecordStatement.HandleAsync(s, input, clock.GetUtcNow().UtcDateTime, c), ct);
        if (result.Succeeded)
            return Done(Redirect($"/statements/{result.Value}"), "Statement recorded.");
        Error = $"{result.Error!.Field}: {result.Error.Message}";
        return Page();
    }
}
