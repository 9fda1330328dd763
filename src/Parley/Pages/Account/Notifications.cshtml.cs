using Microsoft.AspNetCore.Mvc;
using Parley.Mail;
using Parley.Notifications;
using Parley.Record;
using Parley.Web;

namespace Parley.Pages.Account;

/// <summary>The signed-in user's own notifications: the address, and for each kind of work never, at once, or daily.</summary>
public sealed class NotificationsModel(ParleyDb db, MailConfig mail, NotificationConfig config) : ParleyPage
{
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public NotificationFrequency Letters { get; set; }
    [BindProperty] public NotificationFrequency Reviews { get; set; }
    [BindProperty] public NotificationFrequency Minutes { get; set; }
    [BindProperty] public NotificationFrequency Commitments { get; set; }

    public bool MailEnabled => mail.Enabled;
    public int DigestHourUtc => config.DigestHourUtc;

    protected override IReadOnlySet<string> InlineFields { get; } = new HashSet<string> { "email" };

    public async Task OnGetAsync(CancellationToken ct)
    {
        var chosen = ChooseNotifications.Answer(await ChooseNotifications.ChoiceAsync(db, Actor, ct));
        (Email, Letters, Reviews, Minutes, Commitments) = (chosen.Email, chosen.Letters!.Value, chosen.Reviews!.Value, chosen.Minutes!.Value, chosen.Commitments!.Value);
    }

    public Task<IActionResult> OnPostAsync(CancellationToken ct) =>
        WriteAsync(Access.Permission.ReadDirectory, (s, c) => ChooseNotifications.HandleAsync(s, Actor, new NotificationsInput(Email ?? "", Letters, Reviews, Minutes, Commitments), c),
            _ => Done(RedirectToPage(), "Your notification choices are saved."), () => Task.FromResult<IActionResult>(Page()), ct);
}
