using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Parley.Access;
using Parley.Correspondence;
using Parley.Record;
using Parley.Statements;
using Parley.Web;

namespace Parley.Pages.Statements;

[Authorize(Policy = nameof(Permission.ReadStatements))]
public sealed class StatementModel(ParleyDb db, TimeProvider clock) : ParleyPage
{
    public StatementView View { get; private set; } = null!;
    public IReadOnlyList<Commitment> Commitments { get; private set; } = [];
    public DateOnly Today { get; private set; }
    public bool CanRecord { get; private set; }
    public (DateOnly? From, DateOnly By, string Phrase)? Suggested { get; private set; }
    public string? SourceVerdict { get; private set; }

    /// <summary>The sentence of the statement that holds the suggested window's words.</summary>
    public string? SuggestedWhat => Suggested is { Phrase: var phrase }
        ? View.Statement.Text.Split(". ").FirstOrDefault(sentence => sentence.Contains(phrase, StringComparison.OrdinalIgnoreCase))?.Trim().TrimEnd('.') : null;

    [BindProperty] public string? What { get; set; }
    [BindProperty] public DateOnly? DueFrom { get; set; }
    [BindProperty] public DateOnly? DueBy { get; set; }
    [BindProperty] public Guid? Letter { get; set; }
    [BindProperty] public LetterStatus? Reaches { get; set; }
    [BindProperty] public string? CurrentSource { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostCommitmentAsync(Guid id, CancellationToken ct)
    {
        if (!Actor.May(Permission.RecordStatements))
            return Forbid();
        var result = await Edge.WriteAsync(Actor, (s, c) => RecordCommitment.HandleAsync(s,
            new CommitmentInput(id, null, null, What, DueFrom, DueBy, Letter, Letter is null ? null : Reaches ?? LetterStatus.InAddresseesHands), c), ct);
        if (result.Succeeded)
            return Done(RedirectToPage(new { id }), "Commitment recorded; it will show as falling due on its date.");
        Error = $"{result.Error!.Field}: {result.Error.Message}";
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostCheckAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
            return NotFound();
        var given = StatementRegister.Fingerprint(ArticleText.Read(CurrentSource ?? "").Text);
        SourceVerdict = given == View.Statement.SourceSha256
            ? "The source reads exactly as the stored copy (same SHA-256)."
            : $"The source has changed since it was stored: its SHA-256 is now {given}.";
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (await db.Statements.FindAsync([id], ct) is not { } statement)
            return false;
        View = (await StatementViews.ForAsync(db, [statement], ct))[0];
        Today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        Commitments = await Parley.Statements.Commitments.ListAsync(db, null, Today, id, null, ct);
        CanRecord = Actor.May(Permission.RecordStatements);
        Suggested = Parley.Statements.Commitments.Suggest(statement.Text, statement.SaidOn);
        return true;
    }
}
