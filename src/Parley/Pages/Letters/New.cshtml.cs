using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Parley.Access;
using Parley.Correspondence;
using Parley.Directory;
using Parley.Record;
using Parley.Web;

namespace Parley.Pages.Letters;

/// <summary>Registers an outgoing letter and plans its route: through a courier institution if one is named, then to the addressee.</summary>
[Authorize(Policy = nameof(Permission.RegisterLetters))]
public sealed class NewLetterModel(ParleyDb db, InstitutionKeys keys, TimeProvider clock) : ParleyPage
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

    protected override IReadOnlySet<string> InlineFields { get; } =
        new HashSet<string> { "subject", "dated", "senderInstitution", "addresseeInstitution", "courier", "topics", "replyBy", "legs" };

    public async Task OnGetAsync(CancellationToken ct)
    {
        Dated ??= DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        InstitutionNames = await db.Institutions.AsNoTracking().OrderBy(i => i.Name).Select(i => i.Name).Take(500).ToListAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        // The form takes names; the register takes ids.
        var sender = Sender is null ? null : await DirectoryQueries.ResolveInstitutionAsync(db, Sender, ct);
        var addressee = Addressee is null ? null : await DirectoryQueries.ResolveInstitutionAsync(db, Addressee, ct);
        var courier = string.IsNullOrWhiteSpace(Courier) ? null : await DirectoryQueries.ResolveInstitutionAsync(db, Courier, ct);
        if (sender is null || addressee is null || (!string.IsNullOrWhiteSpace(Courier) && courier is null))
        {
            var (field, typed) = sender is null ? ("senderInstitution", Sender) : addressee is null ? ("addresseeInstitution", Addressee) : ("courier", Courier);
            Show(new DomainError(field, $"No institution matches '{typed}'."));
            return await AgainAsync(ct);
        }
        var input = new RegisterLetterInput(LetterDirection.Outgoing, Dated, sender, null, addressee, null, Subject,
            (Topics ?? "").Split(',').ToList(), null, "en", ReplyBy, null);
        List<LegPlan> route = courier is { } via
            ? [new LegPlan(via, null, 48), new LegPlan(addressee.Value, null, ShortlyHours)]
            : [new LegPlan(addressee.Value, null, ShortlyHours)];
        return await WriteAsync(RegisterLetter.Needs, async (s, c) =>
        {
            var registered = await RegisterLetter.HandleAsync(s, keys, Actor, input, c);
            return registered.Succeeded ? await PlanRoute.HandleAsync(s, Actor, registered.Value, route, c) : registered;
        }, id => Done(Redirect($"/letters/{id}"), "Letter registered. Plan its route, then record its first hand-over."), () => AgainAsync(ct), ct);
    }

    private async Task<IActionResult> AgainAsync(CancellationToken ct)
    {
        await OnGetAsync(ct);
        return Page();
    }
}
