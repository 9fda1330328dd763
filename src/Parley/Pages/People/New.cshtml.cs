using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Parley.Access;
using Parley.Directory;
using Parley.Web;

namespace Parley.Pages.People;

[Authorize(Policy = nameof(Permission.EditDirectory))]
public sealed class NewPersonModel : ParleyPage
{
    [BindProperty] public string? EnglishName { get; set; }
    [BindProperty] public string? RussianName { get; set; }
    [BindProperty] public string? SortName { get; set; }
    [BindProperty] public string? Scheme { get; set; }
    [BindProperty] public string? Identifier { get; set; }
    [BindProperty] public DateOnly? BirthDate { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var names = new List<NameEntry> { new(EnglishName ?? "", "en") };
        if (!string.IsNullOrWhiteSpace(RussianName))
            names.Add(new NameEntry(RussianName, "ru"));
        var ids = string.IsNullOrWhiteSpace(Scheme) && string.IsNullOrWhiteSpace(Identifier)
            ? new List<Identifier>()
            : [new Identifier(Scheme?.Trim() ?? "", Identifier?.Trim() ?? "")];
        var input = new PersonInput(SortName, names, ids, BirthDate);
        var result = await Edge.WriteAsync(Actor, (s, c) => RecordPerson.HandleAsync(s, Guid.CreateVersion7(), input, c), ct);
        if (result.Succeeded)
            return Done(Redirect($"/people/{result.Value}"), "Person added to the directory.");
        ModelState.AddModelError(FormField(result.Error!.Field), result.Error.Message);
        return Page();
    }

    private static string FormField(string field) => field switch
    {
        "names[0].value" or "names" => nameof(EnglishName),
        "names[1].value" => nameof(RussianName),
        "sortName" => nameof(SortName),
        "identifiers[0].scheme" => nameof(Scheme),
        _ when field.StartsWith("identifiers", StringComparison.Ordinal) => nameof(Identifier),
        _ => "",
    };
}
