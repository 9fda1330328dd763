using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Parley.Access;
using Parley.Record;
using Parley.Web;

namespace Parley.Statements;

public sealed record ConfirmRequest([property: MaxLength(1000)] string? Note);

/// <summary>Confirm by hand that a commitment was fulfilled, where no record shows it by itself.</summary>
public static class ConfirmCommitment
{
    public const Permission Needs = Permission.RecordStatements;

    public static Result<CommitmentConfirmed> Decide(Guid id, Commitment? commitment, string? note, DateTime now)
    {
        if (commitment is null)
            return StatementErrors.NoCommitment(id);
        if (commitment.FulfilledAt is not null)
            return StatementErrors.AlreadyFulfilled(commitment.FulfilledAt);
        if (string.IsNullOrWhiteSpace(note) || note.Length > 1000)
            return StatementErrors.ConfirmationNote;
        return new CommitmentConfirmed(id, now, note.Trim());
    }

    public static async Task<Result<Guid>> HandleAsync(WriteScope scope, Guid id, string? note, DateTime now, CancellationToken ct)
    {
        return await scope.RecordAsync(Decide(id, await scope.Db.Commitments.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct), note, now), _ => id, ct);
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/commitments/{id:guid}/confirm", (UseCaseEdge edge, Actor actor, Guid id, ConfirmRequest body, CancellationToken ct) =>
            edge.WriteHttpAsync(actor, (s, c) => HandleAsync(s, id, body.Note, edge.Now, c), _ => Results.NoContent(), ct))
            .Requires(Needs).WithSummary("Confirm a commitment fulfilled where no record shows it by itself").Done();
}
