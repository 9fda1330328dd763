using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Parley.Access;
using Parley.Correspondence;
using Parley.Record;
using Parley.Web;
using QRCoder;

namespace Parley.Pages.Letters;

[Authorize(Policy = nameof(Permission.ReadLetters))]
public sealed class CertificateModel(ParleyDb db, Checkpoints checkpoints, LogKey key) : ParleyPage
{
    public LetterState State { get; private set; } = null!;
    public LetterView View { get; private set; }
    public CustodyCertificate Certificate { get; private set; } = null!;
    public Names Names { get; private set; } = null!;
    public string Address { get; private set; } = "";
    public string QrSvg { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await LetterRegister.LoadAsync(db, id, ct) is not { } state || LetterAccess.ViewOf(Actor, state) is var view && view == LetterView.None)
            return NotFound();
        (State, View) = (state, view);
        Certificate = await CustodyCertificate.BuildAsync(db, checkpoints, key, state, ct);
        Names = await Names.ForAsync(db, [state], ct);
        Address = $"{Request.Scheme}://{Request.Host}/letters/{id}/certificate";
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(Address, QRCodeGenerator.ECCLevel.M);
        QrSvg = new SvgQRCode(data).GetGraphic(4);
        return Page();
    }
}
