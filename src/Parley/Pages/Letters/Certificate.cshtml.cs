using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Parley.Access;
using Parley.Correspondence;
using Parley.Record;
using Parley.Web;
using QRCoder;

namespace Parley.Pages.Letters;

/// <summary>
/// The printable certificate: exactly what it proves (the letter, each step and whose signatures it carries, what is
/// still open), when it was issued and against which checkpoint; its QR code leads to the public check of its entries.
/// </summary>
[Authorize(Policy = nameof(Permission.ReadLetters))]
public sealed class CertificateModel(ParleyDb db, Checkpoints checkpoints, LogKey key, TimeProvider clock) : ParleyPage
{
    public LetterState State { get; private set; } = null!;
    public LetterView View { get; private set; }
    public CustodyCertificate Certificate { get; private set; } = null!;
    public Names Names { get; private set; } = null!;
    public string Address { get; private set; } = "";
    public string QrSvg { get; private set; } = "";
    public CustodyView Custody { get; private set; } = null!;
    public CertificateVerdict Verdict { get; private set; }
    public DateTime IssuedAt { get; private set; }

    /// <summary>The legs of the route not yet travelled, from the next one on.</summary>
    public IReadOnlyList<RouteLeg> StillPlanned { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await LetterRegister.LoadAsync(db, id, ct) is not { } state || LetterAccess.ViewOf(Actor, state) is var view && view == LetterView.None)
            return NotFound();
        (State, View) = (state, view);
        Certificate = await CustodyCertificate.BuildAsync(db, checkpoints, key, state, ct);
        Names = await Names.ForAsync(db, [state], ct, Languages.Current, Certificate.Chain.Select(c => c.Handover));
        IssuedAt = clock.GetUtcNow().UtcDateTime;
        Custody = Correspondence.Custody.View(state, IssuedAt);
        Verdict = Certificate.Verdict(Custody);
        StillPlanned = Custody.NextLeg is { } next ? state.Letter.Route.OrderBy(r => r.Order).SkipWhile(r => r.Order != next.Order).ToList() : [];
        // The check anyone holding the paper can make, signed in or not: the entries under the checkpoint it was issued against.
        Address = $"{Request.Scheme}://{Request.Host}{Proofs.EntriesModel.Link(Certificate.Checkpoint.Size, Certificate.Chain.Select(c => c.LedgerIndex))}";
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(Address, QRCodeGenerator.ECCLevel.M);
        QrSvg = new SvgQRCode(data).GetGraphic(4);
        return Page();
    }
}
