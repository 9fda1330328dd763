using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Parley.Access;
using Parley.Correspondence;
using Parley.Record;

namespace Parley.Pages.Letters;

[Authorize(Policy = nameof(Permission.ReadLetters))]
public sealed class LetterModel(ParleyDb db, Recorder recorder, InstitutionKeys keys, TimeProvider clock, IAuthorizationService authorization) : PageModel
{
    public LetterState State { get; private set; } = null!;
    public LetterView View { get; private set; }
    public CustodyView Custody { get; private set; } = null!;
    public Names Names { get; private set; } = null!;
    public List<Attachment> Attachments { get; private set; } = [];
    public History History { get; private set; } = null!;
    public IReadOnlyList<Parley.Statements.StatementView> Statements { get; private set; } = [];
    public IReadOnlyList<Parley.Statements.Commitment> Commitments { get; private set; } = [];
    public List<(string Value, string Label)> Receivers { get; } = [];
    public bool CanAttach { get; private set; }
    public Guid? Institution => ParleyClaims.InstitutionOf(User);
    public bool CanHandOver { get; private set; }
    public DateTime Now => clock.GetUtcNow().UtcDateTime;
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    /// <summary>The receiver comes as "institution" or "institution|person" (a leg that ends in a person's hands).</summary>
    public Task<IActionResult> OnPostHandOverAsync(Guid id, string? to, DateTime? at, string? place, bool sealIntact, string? note, CancellationToken ct)
    {
        var parts = (to ?? "").Split('|');
        Guid? institution = Guid.TryParse(parts[0], out var i) ? i : null;
        Guid? person = parts.Length > 1 && Guid.TryParse(parts[1], out var p) ? p : null;
        return WriteAsync(id, (s, c) => Correspondence.Letters.HandOverAsync(s, keys, User, id, new HandoverInput(institution, person, null,
            at is { } t ? DateTime.SpecifyKind(t, DateTimeKind.Utc) : null, place, sealIntact, note), Now, c), ct);
    }

    public async Task<IActionResult> OnPostAttachAsync(Guid id, IFormFile? file, CancellationToken ct)
    {
        if (file is null || file.Length > Correspondence.Letters.MaxAttachmentBytes)
        {
            Error = file is null ? "Choose a file to attach." : $"An attachment is at most {Correspondence.Letters.MaxAttachmentBytes / (1024 * 1024)} MB; this one is {file.Length:N0} bytes.";
            return await LoadAsync(id, ct) ? Page() : NotFound();
        }
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        return await WriteAsync(id, (s, c) => Correspondence.Letters.AttachAsync(s, keys, User, id, file.FileName, file.ContentType, buffer.ToArray(), c), ct);
    }

    public Task<IActionResult> OnPostConfirmAsync(Guid id, Guid handover, bool sealIntact, CancellationToken ct) =>
        WriteAsync(id, (s, c) => Correspondence.Letters.AnswerAsync(s, keys, User, id, handover, true, sealIntact, null, Now, c), ct);

    public Task<IActionResult> OnPostDisputeAsync(Guid id, Guid handover, string? reason, CancellationToken ct) =>
        WriteAsync(id, (s, c) => Correspondence.Letters.AnswerAsync(s, keys, User, id, handover, false, true, reason, Now, c), ct);

    public Task<IActionResult> OnPostAcknowledgeAsync(Guid id, CancellationToken ct) =>
        WriteAsync(id, (s, c) => Correspondence.Letters.AcknowledgeAsync(s, User, id, Now, c), ct);

    private async Task<IActionResult> WriteAsync(Guid id, Func<WriteScope, CancellationToken, Task<Result<Guid>>> work, CancellationToken ct)
    {
        if (!(await authorization.AuthorizeAsync(User, nameof(Permission.HandOverLetters))).Succeeded
            && !(await authorization.AuthorizeAsync(User, nameof(Permission.RegisterLetters))).Succeeded)
            return Forbid();
        var result = await recorder.WriteAsync($"user:{User.Identity?.Name}", work, ct);
        if (result.Succeeded)
            return RedirectToPage(new { id });
        Error = result.Error!.Message;
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (await Correspondence.Letters.LoadAsync(db, id, ct) is not { } state || LetterAccess.ViewOf(User, state) is var view && view == LetterView.None)
            return false;
        (State, View, Custody) = (state, view, Correspondence.Custody.View(state, Now));
        Names = await Names.ForAsync(db, [state], ct);
        Attachments = await db.Attachments.AsNoTracking().Where(a => a.LetterId == id).OrderBy(a => a.Name).ToListAsync(ct);
        History = await RecordHistory.ForAsync(db, $"letter/{id}", ct);
        var (said, _) = await Parley.Statements.StatementRegister.PageAsync(db, new(Kind: Parley.Statements.RecordKind.Letter, Target: id), 1, 20, ct);
        Statements = await Parley.Statements.StatementViews.ForAsync(db, said, ct);
        Commitments = await Parley.Statements.Commitments.ListAsync(db, null, DateOnly.FromDateTime(Now), null, id, ct);
        CanHandOver = (await authorization.AuthorizeAsync(User, nameof(Permission.HandOverLetters))).Succeeded;
        var candidates = state.Letter.Route.OrderBy(r => r.Order).Select(r => (r.ToInstitution, r.ToPerson))
            .Append((state.Letter.AddresseeInstitution, null)).Append((state.Letter.SenderInstitution, null)).Distinct()
            .Where(c => c != (Custody.Holder.Institution, Custody.Holder.Person));
        foreach (var (institution, person) in candidates)
            Receivers.Add((person is { } p ? $"{institution}|{p}" : institution.ToString(), Names.Holder(institution, person)));
        CanAttach = (Institution == state.Letter.Registry || Institution == state.Letter.SenderInstitution)
            && (await authorization.AuthorizeAsync(User, nameof(Permission.RegisterLetters))).Succeeded;
        return true;
    }
}
