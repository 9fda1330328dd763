using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Parley.Access;
using Parley.Mail;
using Parley.Record;
using Parley.Web;

namespace Parley.Notifications;

/// <summary>
/// How notifications run: how often work is looked at, the hour (UTC) daily digests go out, and the address links in
/// mail lead to (by default the first address this server listens on).
/// </summary>
public sealed record NotificationConfig(Uri? PublicUrl = null)
{
    public const string PublicUrlVariable = "PARLEY_PUBLIC_URL";

    public TimeSpan Interval { get; init; } = TimeSpan.FromMinutes(1);

    public int DigestHourUtc { get; init; } = 7;

    public static NotificationConfig Read() =>
        new(Environment.GetEnvironmentVariable(PublicUrlVariable) is { Length: > 0 } url && Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri : null);
}

/// <summary>
/// Tells users of their work by e-mail as each chose: every round reads each subscribed user's work (the same items as
/// their home page) and queues, in the outbox MailDelivery sends, one message for the items they have not been told of
/// (at once), and once a day after the digest hour one message listing what waits (daily). An item told of is told
/// once; when it is done it is forgotten, so if it comes back it is told again.
/// </summary>
public sealed class WorkNotifier(IServiceScopeFactory scopes, MailConfig mail, NotificationConfig config, TimeProvider clock, IServer server,
    ILogger<WorkNotifier> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!mail.Enabled)
            return;
        using var timer = new PeriodicTimer(config.Interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await RoundAsync(clock.GetUtcNow().UtcDateTime, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "Reading work for notifications failed; trying again in {Interval}.", config.Interval);
            }
        }
    }

    /// <summary>One round at <paramref name="now"/>: what is due to be told, queued, and noted as told, in one transaction.</summary>
    private async Task RoundAsync(DateTime now, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ParleyDb>();
        var text = scope.ServiceProvider.GetRequiredService<IStringLocalizer<Text>>();
        var choices = await db.NotificationChoices.AsNoTracking().Where(c => c.Email != null
            && (c.Letters != NotificationFrequency.Never || c.Reviews != NotificationFrequency.Never || c.Minutes != NotificationFrequency.Never
                || c.Commitments != NotificationFrequency.Never)).ToListAsync(ct);
        if (choices.Count == 0)
            return;
        var ids = choices.Select(c => c.Account).ToList();
        var accounts = await db.Accounts.AsNoTracking().Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, ct);
        var countries = await db.Institutions.AsNoTracking().Where(i => accounts.Values.Select(a => a.InstitutionId).Contains(i.Id))
            .ToDictionaryAsync(i => i.Id, i => i.CountryCode, ct);
        var site = SiteAddress();
        var cause = await db.Events.MaxAsync(e => (long?)e.Sequence, ct) ?? 0;
        foreach (var choice in choices)
        {
            if (!accounts.TryGetValue(choice.Account, out var account))
                continue;
            var actor = new Actor(account.UserName, account.InstitutionId, account.Roles.Select(r => r.Role).ToHashSet(), account.Id);
            var items = await Work.ForAsync(db, actor, now, ct);
            var told = await db.NotificationsSent.Where(s => s.Account == account.Id).ToListAsync(ct);
            var digest = await db.NotificationDigests.FirstOrDefaultAsync(d => d.Account == account.Id, ct);
            var plan = Plan(choice, items, told.Select(t => t.Item).ToHashSet(), digest?.LastOn, now, config.DigestHourUtc);
            // The mail is in the user's language as Parley guesses it: Russian for a Russian institution's staff.
            var culture = CultureInfo.GetCultureInfo(countries.GetValueOrDefault(account.InstitutionId) == "RU" ? "ru" : "en");
            foreach (var (isDigest, listed) in plan.Messages)
                db.OutgoingMail.Add(Compose(account, choice.Email!, isDigest, listed, site, text, culture, now, cause, mail.From));
            db.NotificationsSent.RemoveRange(told.Where(t => plan.Forget.Contains(t.Item)));
            db.NotificationsSent.AddRange(plan.Tell.Select(item => new NotificationSent { Account = account.Id, Item = item, SentAt = now }));
            if (plan.DigestSent)
            {
                if (digest is null)
                    db.NotificationDigests.Add(new NotificationDigest { Account = account.Id, LastOn = DateOnly.FromDateTime(now) });
                else
                    digest.LastOn = DateOnly.FromDateTime(now);
            }
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>What one round does for one user: the messages (a digest or not, their items), the items now told, those to forget, and whether a digest went.</summary>
    public sealed record Round(IReadOnlyList<(bool Digest, IReadOnlyList<WorkItem> Items)> Messages, IReadOnlyList<string> Tell,
        IReadOnlySet<string> Forget, bool DigestSent);

    /// <summary>The decision, pure: new at-once items in one message; the daily items in one digest, once a day from the digest hour.</summary>
    public static Round Plan(NotificationChoice choice, IReadOnlyList<WorkItem> items, IReadOnlySet<string> told, DateOnly? lastDigest, DateTime now, int digestHour)
    {
        var messages = new List<(bool, IReadOnlyList<WorkItem>)>();
        var atOnce = items.Where(i => choice.For(i.Kind) == NotificationFrequency.AtOnce).ToList();
        var fresh = atOnce.Where(i => !told.Contains(Key(i))).ToList();
        if (fresh.Count > 0)
            messages.Add((false, fresh));
        var today = DateOnly.FromDateTime(now);
        var daily = items.Where(i => choice.For(i.Kind) == NotificationFrequency.Daily).ToList();
        var digestDue = now.Hour >= digestHour && lastDigest != today && daily.Count > 0;
        if (digestDue)
            messages.Add((true, daily));
        var current = atOnce.Select(Key).ToHashSet();
        return new Round(messages, fresh.Select(Key).ToList(), told.Where(t => !current.Contains(t)).ToHashSet(), digestDue);
    }

    /// <summary>An item's identity: what it asks and of what, so the same hand-over is one item however often it is read.</summary>
    public static string Key(WorkItem item)
    {
        var key = $"{item.Kind}|{item.Href}|{item.Text}|{string.Join("|", item.Args)}";
        return key.Length <= 400 ? key : key[..400];
    }

    private static OutgoingMail Compose(Account account, string email, bool digest, IReadOnlyList<WorkItem> items, Uri site,
        IStringLocalizer<Text> text, CultureInfo culture, DateTime now, long cause, string from)
    {
        var before = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, culture);
        try
        {
            var body = new StringBuilder();
            body.AppendLine(text["Hello {0},", account.DisplayName].Value).AppendLine();
            foreach (var item in items)
            {
                body.AppendLine($"- {(item.Overdue ? text["overdue"].Value + ": " : "")}{Said(text, item)}").AppendLine($"  {new Uri(site, item.Href)}");
            }
            body.AppendLine().AppendLine(text["Everything waiting for you: {0}", new Uri(site, "/")].Value)
                .AppendLine(text["Choose what you hear of, and how often: {0}", new Uri(site, "/account/notifications")].Value);
            var title = digest ? text["Your day in Parley: {0} things wait for you", items.Count].Value
                : items.Count == 1 ? text["Waiting for you in Parley: {0}", Said(text, items[0])].Value
                : text["{0} new things wait for you in Parley", items.Count].Value;
            return new OutgoingMail
            {
                Id = Guid.CreateVersion7(),
                Cause = cause,
                QueuedAt = now,
                To = email,
                ToName = account.DisplayName,
                Subject = title.Length <= 400 ? title : title[..399] + "…",
                Text = body.ToString(),
                MessageId = $"{Guid.CreateVersion7():N}@{from.Split('@')[^1]}",
                NextAttemptAt = now,
            };
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = before;
        }
    }

    private static string Said(IStringLocalizer<Text> text, WorkItem item) => text[item.Text, item.Args.Select(a => (object)text[a].Value).ToArray()].Value;

    private Uri SiteAddress() =>
        config.PublicUrl
        ?? (server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() is { } bound && Uri.TryCreate(bound.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal).Replace("://[::]", "://localhost", StringComparison.Ordinal), UriKind.Absolute, out var uri)
            ? uri : new Uri("http://localhost:5000"));
}
