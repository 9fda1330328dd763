using Parley.Record;

namespace Parley.Mail;

/// <summary>
/// Where Parley's mail goes: an SMTP server (<c>smtp://host:port</c>, or <c>smtps://</c> for TLS from the first byte;
/// plain <c>smtp://</c> upgrades with STARTTLS where the server offers it; <c>smtp://user:password@host</c> signs in)
/// and the address it is sent from, which is
/// also the ORGANIZER of the invitations. Without a server Parley sends no mail and queues none.
/// </summary>
public sealed record MailConfig(Uri? Server, string From)
{
    public const string ServerVariable = "PARLEY_SMTP";
    public const string FromVariable = "PARLEY_MAIL_FROM";

    public static MailConfig None { get; } = new(null, "parley@localhost");

    public bool Enabled => Server is not null;

    /// <summary>How often the outbox is looked at, and the longest wait between two attempts at one message.</summary>
    public TimeSpan Interval { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromMinutes(10);

    public static MailConfig Read(string? server, string? from)
    {
        server ??= Environment.GetEnvironmentVariable(ServerVariable) is { Length: > 0 } s ? s : null;
        from ??= Environment.GetEnvironmentVariable(FromVariable) is { Length: > 0 } f ? f : null;
        if (server is null)
            return None;
        if (!Uri.TryCreate(server, UriKind.Absolute, out var uri) || uri.Scheme is not ("smtp" or "smtps") || uri.Host.Length == 0)
            throw new DomainException(new DomainError("smtp", $"'{server}' is not an SMTP server address like smtp://mail.example.org:587 (or smtps://…:465)."));
        if (from is null || !MimeKit.MailboxAddress.TryParse(from, out _) || !from.Contains('@', StringComparison.Ordinal))
            throw new DomainException(new DomainError("mail-from", $"With an SMTP server, give the address mail is sent from (--mail-from or {FromVariable}), e.g. parley@registry.example.org."));
        return new MailConfig(uri, from);
    }
}
