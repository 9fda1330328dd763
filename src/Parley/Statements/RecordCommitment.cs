using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Parley.Access;
using Parley.Correspondence;
using Parley.Record;
using Parley.Web;

namespace Parley.Statements;

public sealed record CommitmentInput(
    Guid? Statement, Guid? ByPerson, Guid? ByInstitution, [property: Required, MaxLength(1000)] string? What, DateOnly? DueFrom, [property: Required] DateOnly? DueBy, Guid? Letter = null, LetterStatus? LetterReaches = null,
    Guid? Engagement = null);

/// <summary>Record a commitment: who promised or is expected to do what, by when, and what in the record fulfils it (a letter's status, a meeting held).</summary>
public static class RecordCommitment
{
    public const Permission Needs = Permission.RecordStatements;

    /// <summary>What the store says about the records the input names; the person is the one named, else the statement's speaker.</summary>
    public sealed record Known(Statement? Statement, bool PersonKnown, bool InstitutionKnown, bool LetterKnown, bool EngagementKnown);

    public static Result<CommitmentRecorded> Decide(CommitmentInput input, Known known, Guid id)
    {
        if (string.IsNullOrWhiteSpace(input.What) || input.What.Length > 1000)
            return StatementErrors.CommitmentWhat;
        if (input.DueBy is not { } dueBy)
            return StatementErrors.CommitmentDueBy;
        if (input.DueFrom is { } from && from > dueBy)
            return StatementErrors.WindowInverted(from, dueBy);
        var byPerson = input.ByPerson;
        if (input.Statement is { } statement)
        {
            if (known.Statement is not { } said)
                return StatementErrors.NoStatement(statement);
            byPerson ??= said.Speaker;
        }
        if (byPerson is null && input.ByInstitution is null)
            return StatementErrors.CommittedByNobody;
        if (byPerson is { } person && !known.PersonKnown)
            return StatementErrors.NoPerson(person);
        if (input.ByInstitution is { } institution && !known.InstitutionKnown)
            return StatementErrors.NoInstitution(institution);
        if ((input.Letter is null) != (input.LetterReaches is null))
            return StatementErrors.LetterWithoutStatus;
        if (input.Letter is { } letter && !known.LetterKnown)
            return StatementErrors.NoLetter(letter);
        if (input.Engagement is { } engagement && !known.EngagementKnown)
            return StatementErrors.NoEngagement(engagement);
        return new CommitmentRecorded(id, input.Statement, byPerson, input.ByInstitution, input.What.Trim(), input.DueFrom, dueBy,
            input.Letter, input.LetterReaches, input.Engagement);
    }

    public static async Task<Result<Guid>> HandleAsync(WriteScope scope, CommitmentInput input, CancellationToken ct)
    {
        var db = scope.Db;
        var statement = input.Statement is { } s ? await db.Statements.AsNoTracking().FirstOrDefaultAsync(x => x.Id == s, ct) : null;
        var person = input.ByPerson ?? statement?.Speaker;
        var known = new Known(statement,
            person is { } p && await db.People.AnyAsync(x => x.Id == p, ct),
            input.ByInstitution is { } i && await db.Institutions.AnyAsync(x => x.Id == i, ct),
            input.Letter is { } l && await db.Letters.AnyAsync(x => x.Id == l, ct),
            input.Engagement is { } e && (await db.Meetings.AnyAsync(m => m.Id == e, ct) || await db.Proposals.AnyAsync(x => x.Id == e, ct)));
        return await scope.RecordAsync(Decide(input, known, Guid.CreateVersion7()), e => e.Id, ct);
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/commitments", (UseCaseEdge edge, Actor actor, CommitmentInput body, CancellationToken ct) =>
            edge.WriteHttpAsync(actor, (s, c) => HandleAsync(s, body, c), id => ApiAnswers.Created($"/api/commitments?statement={body.Statement}", id), ct))
            .Requires(Needs).WithSummary("Record a commitment: who, what, by when, and the letter status that fulfils it").Creates();
}
