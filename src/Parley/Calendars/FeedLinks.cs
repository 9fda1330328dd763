using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Parley.Access;
using Parley.Record;
using Parley.Web;

namespace Parley.Calendars;

/// <summary>
/// Secret links for calendar clients: one per issue, revocable; only the secret's SHA-256 is stored, outside the
/// record. Issuing and revoking are the two use cases; <see cref="AccountAsync"/> is the check every feed makes.
/// </summary>
public static class FeedLinks
{
    public const Permission Needs = Permission.ReadEngagements;

    public static async Task<Result<(Guid Id, string Secret)>> IssueAsync(WriteScope scope, Guid account, CancellationToken ct)
    {
        if (!await scope.Db.Accounts.AnyAsync(a => a.Id == account, ct))
            return CalendarErrors.NoAccount(account);
        var id = Guid.CreateVersion7();
        var secret = Base64Url(RandomNumberGenerator.GetBytes(32));
        await scope.RecordAsync(new FeedTokenIssued(id, account), ct);
        scope.Db.FeedTokenSecrets.Add(new FeedTokenSecret { TokenId = id, Hash = Hash(secret) });
        return Result<(Guid, string)>.Ok((id, secret));
    }

    public static Result<FeedTokenRevoked> DecideRevoke(Guid account, Guid id, FeedToken? token) =>
        token is null ? CalendarErrors.NoFeedLink(id)
        : token.RevokedAt is not null ? CalendarErrors.FeedLinkRevoked
        : new FeedTokenRevoked(id, account);

    public static async Task<Result<Guid>> RevokeAsync(WriteScope scope, Guid account, Guid id, CancellationToken ct)
    {
        var decided = DecideRevoke(account, id, await scope.Db.FeedTokens.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id && t.Account == account, ct));
        if (!decided.Succeeded)
            return decided.Error!;
        await scope.RecordAsync(decided.Value!, ct);
        return Result<Guid>.Ok(id);
    }

    /// <summary>The account a live secret belongs to, or null for an unknown or revoked one.</summary>
    public static async Task<Guid?> AccountAsync(ParleyDb db, string secret, CancellationToken ct)
    {
        var hash = Hash(secret);
        return await db.FeedTokenSecrets.Where(s => s.Hash == hash)
            .Join(db.FeedTokens.Where(t => t.RevokedAt == null), s => s.TokenId, t => t.Id, (s, t) => (Guid?)t.Account)
            .FirstOrDefaultAsync(ct);
    }

    /// <summary>Serves <paramref name="file"/> for a live secret, 404 for any other.</summary>
    public static async Task<IResult> ByTokenAsync(ParleyDb db, string secret, Func<Task<IResult>> file, CancellationToken ct) =>
        await AccountAsync(db, secret, ct) is null ? Results.NotFound() : await file();

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/feed-tokens", async (ParleyDb db, Actor actor, CancellationToken ct) =>
            Results.Ok(await db.FeedTokens.AsNoTracking().Where(t => t.Account == actor.Account).OrderByDescending(t => t.IssuedAt).ToListAsync(ct)))
            .Requires(Needs).Produces<FeedToken[]>().WithSummary("Your calendar feed links (the secrets are shown only once, when issued)");
        api.MapPost("/feed-tokens", (UseCaseEdge edge, Actor actor, CancellationToken ct) =>
            edge.WriteHttpAsync(actor, (s, c) => IssueAsync(s, actor.Account ?? Guid.Empty, c),
                t => Results.Created("/api/feed-tokens", new IssuedFeedLink(t.Id, t.Secret, $"/feeds/{t.Secret}/")), ct))
            .Requires(Needs).Produces<IssuedFeedLink>(201).WithSummary("Issue a secret link for subscribing to calendar feeds");
        api.MapDelete("/feed-tokens/{id:guid}", (UseCaseEdge edge, Actor actor, Guid id, CancellationToken ct) =>
            edge.WriteHttpAsync(actor, (s, c) => RevokeAsync(s, actor.Account ?? Guid.Empty, id, c), _ => Results.NoContent(), ct))
            .Requires(Needs).WithSummary("Revoke a feed link; calendar clients using it get 404 from then on").Done();
    }

    private static byte[] Hash(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

/// <summary>A feed link just issued: its secret, shown this once, and the feeds' address under it.</summary>
public sealed record IssuedFeedLink(Guid Id, string Secret, string Feeds);
