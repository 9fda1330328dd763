using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Parley.Access;
using Parley.Directory;
using Parley.Record;
using Parley.Statements;
using Parley.Web;

namespace Parley.Pages.Statements;

/// <summary>One proposal on the review screen, as shown and as the reviewer leaves it.</summary>
public sealed class ReviewItem
{
    public bool Accept { get; set; }
    public string Text { get; set; } = "";
    public string Language { get; set; } = "en";
    public Guid? SpeakerId { get; set; }
    public string? SpeakerName { get; set; }
    public string? SpeakerNote { get; set; }
    public Medium Medium { get; set; }
    public string? Outlet { get; set; }
    public DateOnly? SaidOn { get; set; }
    public DateBasis DateBasis { get; set; }
    public string? Problem { get; set; }
    public string? Attribution { get; set; }
    public string? LetterNumber { get; set; }

    /// <summary>A quoted passage the import did not propose, listed so the reviewer can add it by naming its speaker.</summary>
    public bool NotProposed { get; set; }
}

[Authorize(Policy = nameof(Permission.RecordStatements))]
[RequestSizeLimit(64 * 1024 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = 64 * 1024 * 1024, ValueLengthLimit = 8 * 1024 * 1024)]
public sealed class ImportModel(ParleyDb db, TimeProvider clock, Microsoft.Extensions.Localization.IStringLocalizer<Text> localizer) : ParleyPage
{
    [BindProperty] public string? Text { get; set; }
    [BindProperty] public IFormFile? Upload { get; set; }
    [BindProperty] public DateOnly? Published { get; set; }
    [BindProperty] public string? Outlet { get; set; }
    [BindProperty] public string? Address { get; set; }
    [BindProperty] public List<ReviewItem> Items { get; set; } = [];

    public bool Reviewing { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostReadAsync(CancellationToken ct)
    {
        var text = Text;
        if (Upload is { } file)
        {
            if (file.Length > ArticleText.MaxBytes)
            {
                Error = $"The file {file.FileName} is {file.Length / (1024.0 * 1024):N1} MB; an article of up to {ArticleText.MaxBytes / (1024 * 1024)} MB can be imported.";
                return Page();
            }
            using var reader = new StreamReader(file.OpenReadStream());
            text = await reader.ReadToEndAsync(ct);
        }
        var read = ArticleReview.Read(new ArticleRequest(text, Published, Outlet, Address));
        if (!read.Succeeded)
        {
            Error = read.Error!.Message;
            return Page();
        }
        var article = read.Value!;
        (Text, Published, Outlet, Address) = (article.Text, article.Published, article.Outlet, article.Url);
        var proposals = await PressImport.ProposeAsync(db, article, ct);
        var names = await DirectoryNames.NamesAsync(db, proposals.Select(p => p.Speaker.Person).OfType<Guid>(), ct, Languages.Current);
        Items = proposals.Select(p => new ReviewItem
        {
            Accept = p.Speaker.Person is not null && p.Problem is null,
            Text = p.Text,
            Language = p.Language,
            SpeakerId = p.Speaker.Person,
            SpeakerName = p.Speaker.Person is { } id ? names[id] : null,
            // Said in the reader's language when the review is made; the note travels with the form as text.
            SpeakerNote = localizer["{0}: “{1}”", localizer[StatementLabels.Of(p.Speaker.Basis)].Value, p.Speaker.Phrase].Value,
            Medium = p.Medium,
            Outlet = p.Outlet,
            SaidOn = p.SaidOn,
            DateBasis = p.DateBasis,
            Problem = p.Problem,
            Attribution = p.Attribution,
        }).ToList();
        Items.AddRange(PressImport.NotProposed(article, proposals).Select(q => new ReviewItem
        {
            Text = q.Text.TrimEnd(','),
            Language = PressImport.LanguageOf(q.Text),
            SpeakerNote = q.Attribution is { } said ? localizer["not proposed: no one in the directory is named in “{0}”", said].Value : localizer["not proposed: nothing in the text attributes it"].Value,
            Medium = Medium.Remarks,
            Outlet = article.Outlet,
            SaidOn = article.Published,
            DateBasis = DateBasis.Reported,
            Attribution = q.Attribution ?? "",
            NotProposed = true,
        }));
        Reviewing = true;
        if (Items.Count == 0)
            Error = "No quotations were found in this article; nothing to review.";
        else if (proposals.Count == 0)
            Error = "No attributed quotations were found; the quoted passages are listed below, to add any by naming its speaker.";
        return Page();
    }

    public async Task<IActionResult> OnPostAcceptAsync(CancellationToken ct)
    {
        Reviewing = true;
        var accepted = new List<StatementInput>();
        foreach (var (item, i) in Items.Select((item, i) => (item, i)).Where(x => x.item.Accept))
        {
            // A speaker typed by name (an unresolved one linked by the reviewer) must name exactly one person.
            if (item.SpeakerId is null && item.SpeakerName is { Length: > 0 } typed)
            {
                var speaker = await DirectoryNames.PersonNamedAsync(db, typed, "speaker", ct);
                if (!speaker.Succeeded)
                {
                    Error = $"Proposal {i + 1}: {speaker.Error!.Message}";
                    return Page();
                }
                item.SpeakerId = speaker.Value;
            }
            var links = new List<LinkInput>();
            if (item.LetterNumber is { Length: > 0 } number)
            {
                var letter = await StatementRegister.LetterNumberedAsync(db, number, ct);
                if (!letter.Succeeded)
                {
                    Error = $"Proposal {i + 1}: {letter.Error!.Message}";
                    return Page();
                }
                links.Add(new LinkInput(RecordKind.Letter, letter.Value));
            }
            accepted.Add(new StatementInput(item.SpeakerId, item.Medium, item.SaidOn, item.Text, item.Language, DateBasis: item.DateBasis,
                Outlet: item.Outlet, Links: links));
        }
        // Each accepted statement's refusal is keyed by its own row ("Items[3].saidOn"), so it shows beside that row.
        var rows = Items.Select((item, i) => (item, i)).Where(x => x.item.Accept).Select(x => x.i).ToList();
        var result = await Edge.WriteAsync(Actor,
            (s, c) => AcceptArticle.HandleAsync(s, new AcceptRequest(Text, Published, Outlet, Address, accepted), clock.GetUtcNow().UtcDateTime, c, n => $"Items[{rows[n]}]."), ct);
        if (result.Succeeded)
            return Redirect($"/statements?recorded={result.Value!.Count}");
        var row = rows.FirstOrDefault(r => result.Error!.Field.StartsWith($"Items[{r}].", StringComparison.Ordinal), -1);
        Show(result.Error!);
        _rowFields.Add(result.Error!.Field);
        Error = row < 0 ? result.Error!.Message : $"Proposal {row + 1}, {result.Error!.Field[$"Items[{row}].".Length..]}: {result.Error.Message}";
        return Page();
    }

    private readonly HashSet<string> _rowFields = [];

    /// <summary>A refusal about one proposal's field stands beside that row; the banner says which proposal.</summary>
    protected override IReadOnlySet<string> InlineFields => _rowFields;
}
