using Fido2NetLib;
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
public sealed class LetterModel(ParleyDb db, InstitutionKeys keys, WebAuthn webAuthn, TimeProvider clock) : ParleyPage
{
    public LetterState State { get; private set; } = null!;

    /// <summary>The letter's hand-overs in the order they happened.</summary>
    public IReadOnlyList<Handover> Handovers { get; private set; } = [];
    public LetterView View { get; private set; }
    public CustodyView Custody { get; private set; } = null!;
    public Names Names { get; private set; } = null!;
    public List<Attachment> Attachments { get; private set; } = [];
    public History History { get; private set; } = null!;
    public IReadOnlyList<StatementView> Statements { get; private set; } = [];
    public IReadOnlyList<Commitment> Commitments { get; private set; } = [];
    public List<(string Value, string Label)> Receivers { get; } = [];

    /// <summary>Where the letter came from when its registry keeps its record on another node.</summary>
    public Parley.Federation.ArrivedEnvelope? Arrived { get; private set; }

    /// <summary>Whether the page offers the hand-over form: the viewer's institution holds the letter and it can go further.</summary>
    public bool OffersHandOver { get; private set; }
    public bool CanAttach { get; private set; }
    public Guid? Institution => Actor.Institution;
    public bool CanHandOver { get; private set; }
    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>A step waiting for the signed-in person's passkey: what to sign it with, and the state to send back.</summary>
    public (CustodyStepRequest Step, string Options, string State)? Signing { get; private set; }

    /// <summary>The hand-over form's fields (receiver, time, place, note) and the attachment's file show their errors beside them.</summary>
    protected override IReadOnlySet<string> InlineFields { get; } = new HashSet<string> { "toInstitution", "to", "at", "place", "note", "file" };

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostHandOverAsync(Guid id, string? to, DateTime? at, string? place, bool sealIntact, string? note, CancellationToken ct) =>
        StepAsync(id, new CustodyStepRequest(CustodyStep.HandOver, Handover: HandOver.FromForm(to, at, place, sealIntact, note)),
            (s, c) => HandOver.HandleAsync(s, keys, Actor, id, HandOver.FromForm(to, at, place, sealIntact, note), Now, null, c), ct, Said(CustodyStep.HandOver));

    public async Task<IActionResult> OnPostAttachAsync(Guid id, IFormFile? file, CancellationToken ct)
    {
        var read = await AttachCopy.ReadAsync(file, ct);
        if (!read.Succeeded)
        {
            Show(read.Error!);
            return await AgainAsync(id, ct);
        }
        return await WriteAsync(id, AttachCopy.Needs, (s, c) => AttachCopy.HandleAsync(s, keys, Actor, id, read.Value!, c), ct,
            "The digital copy is sealed and attached; its fingerprint is in the ledger.");
    }

    public Task<IActionResult> OnPostConfirmAsync(Guid id, Guid handover, bool sealIntact, CancellationToken ct) =>
        StepAsync(id, new CustodyStepRequest(CustodyStep.Confirm, handover, Answer: new AnswerRequest(sealIntact)),
            (s, c) => AnswerHandover.HandleAsync(s, keys, Actor, id, handover, true, sealIntact, null, Now, null, c), ct, Said(CustodyStep.Confirm));

    public Task<IActionResult> OnPostDisputeAsync(Guid id, Guid handover, string? reason, CancellationToken ct) =>
        StepAsync(id, new CustodyStepRequest(CustodyStep.Dispute, handover, Answer: new AnswerRequest(true, reason)),
            (s, c) => AnswerHandover.HandleAsync(s, keys, Actor, id, handover, false, true, reason, Now, null, c), ct, Said(CustodyStep.Dispute));

    public Task<IActionResult> OnPostAcknowledgeAsync(Guid id, CancellationToken ct) =>
        StepAsync(id, new CustodyStepRequest(CustodyStep.Acknowledge), (s, c) => AcknowledgeReceipt.HandleAsync(s, Actor, id, Now, null, c), ct,
            Said(CustodyStep.Acknowledge));

    /// <summary>The passkey's answer to a step this page prepared: verified, then the step is recorded with it.</summary>
    public async Task<IActionResult> OnPostSignedAsync(Guid id, string? state, string? assertion, CancellationToken ct)
    {
        AuthenticatorAssertionRawResponse? response = null;
        try
        {
            response = string.IsNullOrEmpty(assertion) ? null : System.Text.Json.JsonSerializer.Deserialize<AuthenticatorAssertionRawResponse>(assertion);
        }
        catch (System.Text.Json.JsonException)
        {
            // Reported below as a missing answer.
        }
        var verified = await PersonalSignatures.VerifyAsync(db, webAuthn, Request, Actor, state, response, ct);
        if (!verified.Succeeded)
        {
            Show(verified.Error!);
            return await AgainAsync(id, ct);
        }
        return await WriteAsync(id, HandOver.Needs, (s, c) => SignedSteps.CommitAsync(s, keys, Actor, id, verified.Value!, c), ct,
            "Signed with your passkey and recorded.");
    }

    /// <summary>A person with a passkey signs the step with it first (the page asks, then posts the answer to Signed); others record it at once.</summary>
    private async Task<IActionResult> StepAsync(Guid id, CustodyStepRequest step, Func<WriteScope, CancellationToken, Task<Result<Guid>>> unsigned, CancellationToken ct,
        string said)
    {
        if (!Actor.May(HandOver.Needs) || (await PersonalSignatures.PasskeysOfAsync(db, Actor, ct)).Count == 0)
            return await WriteAsync(id, HandOver.Needs, unsigned, ct, said);
        var prepared = await SignedSteps.PrepareAsync(db, webAuthn, Request, Actor, id, step, Now, ct);
        if (!prepared.Succeeded)
        {
            Show(prepared.Error!);
            return await AgainAsync(id, ct);
        }
        Signing = (step, prepared.Value!.Value.Options.ToJson(), prepared.Value.Value.State);
        return await AgainAsync(id, ct);
    }

    private Task<IActionResult> WriteAsync(Guid id, Permission needs, Func<WriteScope, CancellationToken, Task<Result<Guid>>> work, CancellationToken ct, string said) =>
        WriteAsync(needs, work, _ => Done(RedirectToPage(new { id }), said), () => AgainAsync(id, ct), ct);

    private static string Said(CustodyStep step) => step switch
    {
        CustodyStep.HandOver => "Hand-over recorded. It waits for the receiver's confirmation.",
        CustodyStep.Confirm => "Receipt confirmed and signed.",
        CustodyStep.Dispute => "Hand-over disputed; your reason is on the record.",
        _ => "Receipt acknowledged to the sender.",
    };

    private async Task<IActionResult> AgainAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (await LetterRegister.LoadAsync(db, id, ct) is not { } state || LetterAccess.ViewOf(Actor, state) is var view && view == LetterView.None)
            return false;
        (State, View, Custody) = (state, view, Correspondence.Custody.View(state, Now));
        Handovers = await LetterRegister.HandoversAsync(db, id, ct);
        Names = await Names.ForAsync(db, [state], ct, Languages.Current, Handovers);
        Attachments = await db.Attachments.AsNoTracking().Where(a => a.LetterId == id).OrderBy(a => a.Name).ToListAsync(ct);
        Arrived = await db.ArrivedEnvelopes.AsNoTracking().FirstOrDefaultAsync(a => a.LetterId == id, ct);
        History = await RecordHistory.ForAsync(db, $"letter/{id}", ct);
        var (said, _) = await StatementRegister.PageAsync(db, new(Kind: RecordKind.Letter, Target: id), 1, 20, ct);
        Statements = await StatementViews.ForAsync(db, said, ct);
        Commitments = await Parley.Statements.Commitments.ListAsync(db, null, DateOnly.FromDateTime(Now), null, id, ct);
        CanHandOver = Actor.May(HandOver.Needs);
        // Nothing to hand over once the letter is in its addressee's hands or acknowledged, or while its receiver has yet to confirm it.
        OffersHandOver = CanHandOver && Institution == Custody.Holder.Institution && Custody.Pending is null
            && Custody.Status is not (LetterStatus.InAddresseesHands or LetterStatus.Acknowledged or LetterStatus.Replied);
        // The next leg of the planned route first (the form's default), then the route's other stops, the addressee, the sender.
        var next = Custody.NextLeg is { } leg ? new[] { (leg.ToInstitution, leg.ToPerson) } : [];
        var candidates = next.Concat(state.Letter.Route.OrderBy(r => r.Order).Select(r => (r.ToInstitution, r.ToPerson)))
            .Append((state.Letter.AddresseeInstitution, null)).Append((state.Letter.SenderInstitution, null)).Distinct()
            .Where(c => c != (Custody.Holder.Institution, Custody.Holder.Person));
        foreach (var (institution, person) in candidates)
            Receivers.Add((person is { } p ? $"{institution}|{p}" : institution.ToString(), Names.Holder(institution, person)));
        CanAttach = (Institution == state.Letter.Registry || Institution == state.Letter.SenderInstitution) && Actor.May(AttachCopy.Needs);
        return true;
    }
}
