using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Parley.Record;

namespace Parley.Statements;

/// <summary>Promises and expectations: recorded from a statement, fulfilled by the record (or a person's confirmation), overdue after their window.</summary>
public static partial class Commitments
{
    /// <summary>"Shortly", as a window: the same default the letters' legs use.</summary>
    public const int ShortlyDays = 3;

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
