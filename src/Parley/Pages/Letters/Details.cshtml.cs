using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Parley.Access;
using Parley.Correspondence;
using Parley.Record;
using Parley.Statements;
using Parley.Web;

namespace Parley.Pages.Letters;

[Authorize(Policy = nameof(Permission.ReadLetters))]
[RequestSizeLimit(RequestLimits.Attachment)]
public sealed class LetterModel(ParleyDb db, InstitutionKeys keys, TimeProvider clock) : ParleyPage
{
    public LetterState State { get; private set; } = null!;
    public LetterView View { get; private set; }
    public CustodyView Custody { get; private set; } = null!;
    public Names Names { get; private set; } = null!;
    public List<Attachment> Attachments { get; private set; } = [];
    public History History { get; private set; } = null!;
    public IReadOnlyList<StatementView> Statements { get; private set; } = [];
    public IReadOnlyList<Commitment> Commitments { get; private set; } = [];
    public List<(string Value, string Label)> Receivers { get; } = [];
    public bool CanAttach { get; private set; }
    public Guid? Institution => Actor.Institution;
    public bool CanHandOver { get; private set; }
    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>The hand-over form's fields (receiver, time, place, note) and the attachment's file show their errors beside them.</summary>
    protected override IReadOnlySet<string> InlineFields { get; } = new HashSet<string> { "toInstitution", "to", "at", "place", "note", "file" };

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostHandOverAsync(Guid id, string? to, DateTime? at, string? place, bool sealIntact, string? note, CancellationToken ct) =>
        WriteAsync(id, HandOver.Needs, (s, c) => HandOver.HandleAsync(s, keys, Actor, id, HandOver.FromForm(to, at, place, sealIntact, note), Now, c), ct);

    public async Task<IActionResult> OnPostAttachAsync(Guid id, IFormFile? file, CancellationToken ct)
    {
        var read = await AttachCopy.ReadAsync(file, ct);
        if (!read.Succeeded)
        {
            Show(read.Error!);
            return await AgainAsync(id, ct);
        }
        return await WriteAsync(id, AttachCopy.Needs, (s, c) => AttachCopy.HandleAsync(s, keys, Actor, id, read.Value!, c), ct);
    }

    public Task<IActionResult> OnPostConfirmAsync(Guid id, Guid handover, bool sealIntact, CancellationToken ct) =>
        WriteAsync(id, AnswerHandover.Needs, (s, c) => AnswerHandover.HandleAsync(s, keys, Actor, id, handover, true, sealIntact, null, Now, c), ct);

    public Task<IActionResult> OnPostDisputeAsync(Guid id, Guid handover, string? reason, CancellationToken ct) =>
        WriteAsync(id, AnswerHandover.Needs, (s, c) => AnswerHandover.HandleAsync(s, keys, Actor, id, handover, false, true, reason, Now, c), ct);

    public Task<IActionResult> OnPostAcknowledgeAsync(Guid id, CancellationToken ct) =>
        WriteAsync(id, AcknowledgeReceipt.Needs, (s, c) => AcknowledgeReceipt.HandleAsync(s, Actor, id, Now, c), ct);

    private Task<IActionResult> WriteAsync(Guid id, Permission needs, Func<WriteScope, CancellationToken, Task<Result<Guid>>> work, CancellationToken ct) =>
        WriteAsync(needs, work, _ => RedirectToPage(new { id }), () => AgainAsync(id, ct), ct);

    private async Task<IActionResult> AgainAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (await LetterRegister.LoadAsync(db, id, ct) is not { } state || LetterAccess.ViewOf(Actor, state) is var view && view == LetterView.None)
            return false;
        (State, View, Custody) = (state, view, Correspondence.Custody.View(state, Now));
        Names = await Names.ForAsync(db, [state], ct);
        Attachments = await db.Attachments.AsNoTracking().Where(a => a.LetterId == id).OrderBy(a => a.Name).ToListAsync(ct);
        History = await RecordHistory.ForAsync(db, $"letter/{id}", ct);
        var (said, _) = await StatementRegister.PageAsync(db, new(Kind: RecordKind.Letter, Target: id), 1, 20, ct);
        Statements = await StatementViews.ForAsync(db, said, ct);
        Commitments = await Parley.Statements.Commitments.ListAsync(db, null, DateOnly.FromDateTime(Now), null, id, ct);
        CanHandOver = Actor.May(HandOver.Needs);
        var candidates = state.Letter.Route.OrderBy(r => r.Order).Select(r => (r.ToInstitution, r.ToPerson))
            .Append((state.Letter.AddresseeInstitution, null)).Append((state.Letter.SenderInstitution, null)).Distinct()
            .Where(c => c != (Custody.Holder.Institution, Custody.Holder.Person));
        foreach (var (institution, person) in candidates)
            Receivers.Add((person is { } p ? $"{institution}|{p}" : institution.ToString(), Names.Holder(institution, person)));
        CanAttach = (Institution == state.Letter.Registry || Institution == state.Letter.SenderInstitution) && Actor.May(AttachCopy.Needs);
        return true;
    }
}
