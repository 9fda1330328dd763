using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Parley.Correspondence;
using Parley.Record;

namespace Parley.Statements;

public sealed record CommitmentInput(
    Guid? Statement, Guid? ByPerson, Guid? ByInstitution, string? What, DateOnly? DueFrom, DateOnly? DueBy, Guid? Letter = null, LetterStatus? LetterReaches = null,
    Guid? Engagement = null);

/// <summary>Promises and expectations: recorded from a statement, fulfilled by the record (or a person's confirmation), overdue after their window.</summary>
public static partial class Commitments
{
    /// <summary>"Shortly", as a window: the same default the letters' legs use.</summary>
    public const int ShortlyDays = 3;

    public static async Task<Result<Guid>> RecordAsync(WriteScope scope, CommitmentInput input, CancellationToken ct)
    {
        var db = scope.Db;
        if (string.IsNullOrWhiteSpace(input.What) || input.What.Length > 1000)
            return new DomainError("what", "Say what was promised or expected, up to 1,000 characters.");
        if (input.DueBy is not { } dueBy)
            return new DomainError("dueBy", "A commitment needs a date it is due by (the end of its window).");
        if (input.DueFrom is { } from && from > dueBy)
            return new DomainError("dueFrom", $"The window opens ({from:yyyy-MM-dd}) after it closes ({dueBy:yyyy-MM-dd}).");
        Guid? byPerson = input.ByPerson;
        if (input.Statement is { } statement)
        {
            if (await db.Statements.AsNoTracking().FirstOrDefaultAsync(s => s.Id == statement, ct) is not { } said)
                return new DomainError("statement", $"No statement {statement}.", ErrorKind.NotFound);
            byPerson ??= said.Speaker;
        }
        if (byPerson is null && input.ByInstitution is null)
            return new DomainError("byPerson", "Say who committed: a person, an institution, or the statement it comes from.");
        if (byPerson is { } person && !await db.People.AnyAsync(p => p.Id == person, ct))
            return new DomainError("byPerson", $"No person {person} is in the directory.", ErrorKind.NotFound);
        if (input.ByInstitution is { } institution && !await db.Institutions.AnyAsync(i => i.Id == institution, ct))
            return new DomainError("byInstitution", $"No institution {institution} is in the directory.", ErrorKind.NotFound);
        if ((input.Letter is null) != (input.LetterReaches is null))
            return new DomainError("letterReaches", "A letter fulfils a commitment when it reaches a status: give both the letter and the status.");
        if (input.Letter is { } letter && !await db.Letters.AnyAsync(l => l.Id == letter, ct))
            return new DomainError("letter", $"No letter {letter}.", ErrorKind.NotFound);
        if (input.Engagement is { } engagement && !await db.Meetings.AnyAsync(m => m.Id == engagement, ct) && !await db.Proposals.AnyAsync(p => p.Id == engagement, ct))
            return new DomainError("engagement", $"No meeting or proposal {engagement}: a commitment can wait for a meeting, or a proposal's meeting, to be held.", ErrorKind.NotFound);
        var id = Guid.CreateVersion7();
        await scope.RecordAsync(new CommitmentRecorded(id, input.Statement, byPerson, input.ByInstitution, input.What.Trim(), input.DueFrom, dueBy,
            input.Letter, input.LetterReaches, input.Engagement), ct);
        return Result<Guid>.Ok(id);
    }

    public static async Task<Result<Guid>> ConfirmAsync(WriteScope scope, Guid id, string? note, DateTime now, CancellationToken ct)
    {
        if (await scope.Db.Commitments.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct) is not { } commitment)
            return new DomainError("commitment", $"No commitment {id}.", ErrorKind.NotFound);
        if (commitment.FulfilledAt is not null)
            return new DomainError("commitment", $"This commitment was already fulfilled on {commitment.FulfilledAt:yyyy-MM-dd}.", ErrorKind.Conflict);
        if (string.IsNullOrWhiteSpace(note) || note.Length > 1000)
            return new DomainError("note", "Say what fulfilled it (up to 1,000 characters): the record or the fact.");
        await scope.RecordAsync(new CommitmentConfirmed(id, now, note.Trim()), ct);
        return Result<Guid>.Ok(id);
    }

    /// <summary>Commitments in a state on a day: open and overdue first by due date; fulfilled newest first.</summary>
    public static async Task<IReadOnlyList<Commitment>> ListAsync(ParleyDb db, CommitmentState? state, DateOnly today, Guid? statement, Guid? letter, CancellationToken ct)
    {
        var query = db.Commitments.AsNoTracking();
        if (statement is { } s)
            query = query.Where(c => c.Statement == s);
        if (letter is { } l)
            query = query.Where(c => c.Letter == l);
        query = state switch
        {
            CommitmentState.Fulfilled => query.Where(c => c.FulfilledAt != null),
            CommitmentState.Overdue => query.Where(c => c.FulfilledAt == null && c.DueBy < today),
            CommitmentState.Open => query.Where(c => c.FulfilledAt == null && c.DueBy >= today),
            null => query,
        };
        return await query.OrderBy(c => c.FulfilledAt != null).ThenBy(c => c.DueBy).Take(500).ToListAsync(ct);
    }

    [GeneratedRegex(@"\b(shortly|soon|before the end of (?:this|the) year|by the end of (?:this|the) year|during the (autumn|fall|spring) session|next week|в ближайшее время|до конца (?:этого |текущего )?года)\b", RegexOptions.IgnoreCase)]
    private static partial Regex WindowWords();

    /// <summary>A window the words of a statement suggest ("shortly" → 3 days; "before the end of this year" → 31 Dec), for the form to start from.</summary>
    public static (DateOnly? From, DateOnly By, string Phrase)? Suggest(string text, DateOnly saidOn)
    {
        if (WindowWords().Match(text) is not { Success: true } m)
            return null;
        var phrase = m.Value.ToLowerInvariant();
        var yearEnd = new DateOnly(saidOn.Year, 12, 31);
        return phrase switch
        {
            "shortly" or "soon" or "в ближайшее время" => (saidOn, saidOn.AddDays(ShortlyDays), m.Value),
            "next week" => (saidOn, saidOn.AddDays(14 - (int)saidOn.DayOfWeek), m.Value),
            _ when m.Groups[2].Value is "autumn" or "fall" => (new DateOnly(saidOn.Year, 9, 1), yearEnd, m.Value),
            _ when m.Groups[2].Value is "spring" => (new DateOnly(saidOn.Year, 1, 15), new DateOnly(saidOn.Year, 7, 31), m.Value),
            _ => (saidOn, yearEnd, m.Value),
        };
    }
}
