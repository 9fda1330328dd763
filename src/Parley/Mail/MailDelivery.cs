using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using Parley.Record;

namespace Parley.Mail;

/// <summary>
/// Sends the outbox: every <see cref="MailConfig.Interval"/>, the messages due, oldest first, over one SMTP
/// connection (MailKit). A message the server takes is marked sent; when the server cannot be reached or refuses, the
/// message waits twice as long as before (up to <see cref="MailConfig.MaxBackoff"/>) and the round ends, so the order
/// holds and a server that is down for a day receives everything when it returns.
/// </summary>
public sealed class MailDelivery(IServiceScopeFactory scopes, MailConfig config, TimeProvider clock, ILogger<MailDelivery> log) : BackgroundService
{
    private const int Batch = 50;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!config.Enabled)
            return;
        using var timer = new PeriodicTimer(config.Interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await RoundAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "Sending mail failed; trying again in {Interval}.", config.Interval);
            }
        }
    }

    private async Task RoundAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ParleyDb>();
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.OutgoingMail.Where(m => m.SentAt == null && m.NextAttemptAt <= now)
            .OrderBy(m => m.QueuedAt).ThenBy(m => m.Id).Take(Batch).ToListAsync(ct);
        if (due.Count == 0)
            return;
        using var smtp = new SmtpClient();
        foreach (var mail in due)
        {
            try
            {
                if (!smtp.IsConnected)
                {
                    await smtp.ConnectAsync(config.Server!.Host, config.Server.IsDefaultPort ? (config.Server.Scheme == "smtps" ? 465 : 25) : config.Server.Port,
                        config.Server.Scheme == "smtps" ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTlsWhenAvailable, ct);
                    // smtp://user:password@host:port signs in to a server that asks for it.
                    if (config.Server.UserInfo is { Length: > 0 } user)
                    {
                        var parts = user.Split(':', 2);
                        await smtp.AuthenticateAsync(Uri.UnescapeDataString(parts[0]), parts.Length > 1 ? Uri.UnescapeDataString(parts[1]) : "", ct);
                    }
                }
                await smtp.SendAsync(Message(mail), ct);
                mail.SentAt = clock.GetUtcNow().UtcDateTime;
                mail.LastError = null;
                await db.SaveChangesAsync(ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                mail.Attempts++;
                var wait = TimeSpan.FromTicks(Math.Min(config.MaxBackoff.Ticks, config.Interval.Ticks << Math.Min(mail.Attempts, 20)));
                mail.NextAttemptAt = clock.GetUtcNow().UtcDateTime + wait;
                mail.LastError = e.Message.Length > 1000 ? e.Message[..1000] : e.Message;
                await db.SaveChangesAsync(ct);
                log.LogWarning("Mail {Id} to {To} not sent ({Error}); attempt {Attempts}, next in {Wait}.", mail.Id, mail.To, mail.LastError, mail.Attempts, wait);
                break;
            }
        }
        if (smtp.IsConnected)
            await smtp.DisconnectAsync(true, ct);
    }

    /// <summary>
    /// The message as RFC 6047 (iMIP) shapes an invitation: a text part for people and a text/calendar part whose
    /// <c>method</c> parameter is the calendar's METHOD, for their calendar clients.
    /// </summary>
    public MimeMessage Message(OutgoingMail mail)
    {
        var message = new MimeMessage { Subject = mail.Subject, MessageId = mail.MessageId, Date = new DateTimeOffset(mail.QueuedAt, TimeSpan.Zero) };
        message.From.Add(MailboxAddress.Parse(config.From));
        message.To.Add(new MailboxAddress(mail.ToName ?? "", mail.To));
        var text = new TextPart("plain") { Text = mail.Text };
        if (mail.Calendar is null)
        {
            message.Body = text;
            return message;
        }
        var calendar = new TextPart("calendar") { Text = mail.Calendar, ContentTransferEncoding = ContentEncoding.QuotedPrintable };
        calendar.ContentType.Parameters.Add("method", mail.Method ?? "PUBLISH");
        calendar.ContentType.Charset = "utf-8";
        message.Body = new MultipartAlternative { text, calendar };
        return message;
    }
}
