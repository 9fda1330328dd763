using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Parley.Access;
using Parley.Record;
using Parley.Web;

namespace Parley.Notifications;

/// <summary>
/// Where and how often a user hears of their work: an address ("" for none), and for each kind never, at once, or in a
/// daily digest. A PUT replaces the whole choice, so every field is given.
/// </summary>
public sealed record NotificationsInput([property: Required(AllowEmptyStrings = true), MaxLength(320)] string? Email, [property: Required] NotificationFrequency? Letters,
    [property: Required] NotificationFrequency? Reviews, [property: Required] NotificationFrequency? Minutes, [property: Required] NotificationFrequency? Commitments);

/// <summary>A signed-in user chooses their own notifications; nobody chooses for another.</summary>
public static class ChooseNotifications
{
    /// <summary>The choice as an event, or why not: any mail at all needs a valid address to send it to.</summary>
    public static Result<NotificationsChosen> Decide(Guid account, NotificationsInput input)
    {
        var email = string.IsNullOrWhiteSpace(input.Email) ? null : input.Email.Trim();
        var (letters, reviews, minutes, commitments) = (input.Letters ?? NotificationFrequency.Never, input.Reviews ?? NotificationFrequency.Never,
            input.Minutes ?? NotificationFrequency.Never, input.Commitments ?? NotificationFrequency.Never);
        var any = new[] { letters, reviews, minutes, commitments }.Any(f => f != NotificationFrequency.Never);
        if (email is { Length: > 320 } || (email is not null && (!MimeKit.MailboxAddress.TryParse(email, out var parsed) || parsed.Address != email || !email.Contains('@', StringComparison.Ordinal))))
            return new DomainError("email", $"“{email}” is not an e-mail address like name@registry.example.org.");
        if (any && email is null)
            return new DomainError("email", "Give the e-mail address the notifications go to, or choose “never” for every kind.");
        return new NotificationsChosen(account, email, letters, reviews, minutes, commitments);
    }

    public static async Task<Result<Guid>> HandleAsync(WriteScope scope, Actor actor, NotificationsInput input, CancellationToken ct)
    {
        if (actor.Account is not { } account)
            return new DomainError("account", "Only a signed-in user with an account chooses notifications.", ErrorKind.Forbidden);
        return await scope.RecordAsync(Decide(account, input), e => e.Account, ct);
    }

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/account/notifications", async (ParleyDb db, Actor actor, CancellationToken ct) => Answer(await ChoiceAsync(db, actor, ct)))
            .WithTags("Access").WithSummary("Your notification choices (never, until you choose)").Produces<NotificationsInput>();
        app.MapPut("/api/account/notifications", (UseCaseEdge edge, Actor actor, NotificationsInput body, CancellationToken ct) =>
                edge.WriteHttpAsync(actor, (s, c) => HandleAsync(s, actor, body, c), _ => Results.NoContent(), ct))
            .WithTags("Access").WithSummary("Choose where and how often you hear of your work by e-mail: never, at once, or in a daily digest, per kind").Done();
    }

    public static async Task<NotificationChoice?> ChoiceAsync(ParleyDb db, Actor actor, CancellationToken ct) =>
        actor.Account is { } account ? await db.NotificationChoices.AsNoTracking().FirstOrDefaultAsync(c => c.Account == account, ct) : null;

    public static NotificationsInput Answer(NotificationChoice? c) =>
        c is null ? new NotificationsInput("", NotificationFrequency.Never, NotificationFrequency.Never, NotificationFrequency.Never, NotificationFrequency.Never)
            : new NotificationsInput(c.Email ?? "", c.Letters, c.Reviews, c.Minutes, c.Commitments);
}
