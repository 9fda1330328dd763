using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Parley.Access;
using Parley.Correspondence;
using Parley.Directory;
using Parley.Record;

namespace Parley.Pages.Letters;

/// <summary>Registers an outgoing letter and plans its route: through a courier institution if one is named, then to the addressee.</summary>
[Authorize(Policy = nameof(Permission.RegisterLetters))]
public sealed class NewLetterModel(ParleyDb db, Recorder recorder, InstitutionKeys keys, TimeProvider clock) : PageModel
{
    [BindProperty] public string? Subject { get; set; }
    [BindProperty] public DateOnly? Dated { get; set; }
    [BindProperty] public string? Sender { get; set; }
    [BindProperty] public string? Addressee { get; set; }
    [BindProperty] public string? Courier { get; set; }
    [BindProperty] public string? Topics { get; set; }
    [BindProperty] public DateOnly? ReplyBy { get; set; }
    [BindProperty] public int ShortlyHours { get; set; } = 72;

    public List<string> InstitutionNames { get; private set; } = [];
    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Dated ??= DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        InstitutionNames = await db.Institutions.AsNoTracking().OrderBy(i => i.Name).Select(i => i.Name).Take(500).ToListAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var sender = Sender is null ? null : await DirectoryQueries.ResolveInstitutionAsync(db, Sender, ct);
        var addressee = Addressee is null ? null : await DirectoryQueries.ResolveInstitutionAsync(db, Addressee, ct);
        var courier = string.IsNullOrWhiteSpace(Courier) ? null : await DirectoryQueries.ResolveInstitutionAsync(db, Courier, ct);
        if (!string.IsNullOrWhiteSpace(Courier) && courier is null)
        {
            Error = $"courier: No institution matches '{Courier}'.";
            await OnGetAsync(ct);
            return Page();
        }
        var input = new RegisterLetterInput(LetterDirection.Outgoing, Dated, sender, null, addressee, null, Subject,
            (Topics ?? "").Split(',').ToList(), null, "en", ReplyBy, null);
        var result = sender is null ? new DomainError("sender", $"No institution matches '{Sender}'.")
            : addressee is null ? new DomainError("addressee", $"No institution matches '{Addressee}'.")
            : await recorder.WriteAsync($"user:{User.Identity?.Name}", async (s, c) =>
            {
                var registered = await Correspondence.Letters.RegisterAsync(s, keys, User, input, c);
                return registered.Succeeded
                    ? await Correspondence.Letters.PlanRouteAsync(s, User, registered.Value, courier is { } via
                        ? [new LegPlan(via, null, 48), new LegPlan(addressee.Value, null, ShortlyHours)]
                        : [new LegPlan(addressee.Value, null, ShortlyHours)], c)
                    : registered;
            }, ct);
        if (result.Succeeded)
            return Redirect($"/letters/{result.Value}");
        Error = $"{result.Error!.Field}: {result.Error.Message}";
        await OnGetAsync(ct);
        return Page();
    }
}
