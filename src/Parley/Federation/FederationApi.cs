using Microsoft.AspNetCore.Mvc;
using Parley.Access;
using Parley.Record;
using Parley.Web;

namespace Parley.Federation;

/// <summary>What a node serves its peers: its description (public: only proofs) and its inbox (open: every message is checked by its signature).</summary>
public static class FederationApi
{
    /// <summary>Envelopes carry sealed copies (up to 10 MB each, base64).</summary>
    public const long InboxLimit = 64L * 1024 * 1024;

    public static void MapFederationApi(this IEndpointRouteBuilder app)
    {
        var open = app.MapGroup("/federation").WithTags("Federation").AllowAnonymous();
        open.MapGet("/node", async (NodeDescriptions descriptions, CancellationToken ct) => Results.Json(await descriptions.DescribeAsync(ct)))
            .Produces<NodeDescription>()
            .WithSummary("This node's log, and tlog-proofs of the entries that published its message key and the institutions it hosts");
        open.MapPost("/inbox", async (HttpRequest request, Inbox inbox, CancellationToken ct) =>
        {
            using var reader = new StreamReader(request.Body, System.Text.Encoding.UTF8);
            var answer = await inbox.ReceiveAsync(await reader.ReadToEndAsync(ct), ct);
            return answer.Status switch
            {
                200 => Results.Text(answer.Text + "\n", "text/plain; charset=utf-8"),
                400 => Problems.Of(ProblemKinds.Malformed, answer.Text, "note"),
                403 => Problems.Of(ProblemKinds.Forbidden, answer.Text, "note"),
                409 => Problems.Of(ProblemKinds.Conflict, answer.Text, "seq"),
                // Verified, kept, and not applicable here: the sender goes on with its next message.
                _ => TypedResults.Problem(answer.Text, statusCode: answer.Status, title: ProblemKinds.Refused.Title, type: ProblemKinds.Refused.Type,
                    extensions: new Dictionary<string, object?> { ["field"] = "body" }),
            };
        })
            .Accepts<string>("text/plain").Produces<string>(200, "text/plain")
            .ProducesProblem(400).ProducesProblem(403).ProducesProblem(409).ProducesProblem(422)
            .DisableAntiforgery().WithMetadata(new RequestSizeLimitAttribute(InboxLimit))
            .WithSummary("A peer's signed message (a signed note): applied once, in the peer's order; refused and kept when it does not verify");
        app.MapGet("/api/federation", async (ParleyDb db, LogKey log, CancellationToken ct) => Results.Json(await FederationStatus.LoadAsync(db, log, ct)))
            .WithTags("Federation").Requires(Permission.ReadRecord).Produces<FederationStatus>()
            .WithSummary("This node's published keys and hosted institutions; each peer with what was learned from its log and the state of its outbox; refused messages and peer faults");
    }
}
