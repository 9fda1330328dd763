using System.ComponentModel.DataAnnotations;
using Parley.Record;

namespace Parley.Engagements;

public sealed record AgendaInput([property: MaxLength(300)] string? Title, Guid? Presenter, int? Minutes, Guid? Letter = null, Guid? Proposal = null);

/// <summary>What makes an agenda: titled, timed items whose presenter is a participant and whose links exist. Pure.</summary>
public static class AgendaRules
{
    public static Result<IReadOnlyList<AgendaEntry>> Check(IReadOnlyList<AgendaInput> items, IEnumerable<Guid> participants,
        IReadOnlySet<Guid> knownLetters, IReadOnlySet<Guid> knownProposals)
    {
        var people = participants.ToHashSet();
        var entries = new List<AgendaEntry>();
        foreach (var (item, n) in items.Select((x, i) => (x, i + 1)))
        {
            if (string.IsNullOrWhiteSpace(item.Title) || item.Title.Length > 300)
                return EngagementErrors.AgendaTitle(n);
            if (item.Minutes is not (>= 1 and <= 600))
                return EngagementErrors.AgendaMinutes(n);
            if (item.Presenter is { } presenter && !people.Contains(presenter))
                return EngagementErrors.AgendaPresenter(n);
            if (item.Letter is { } letter && !knownLetters.Contains(letter))
                return EngagementErrors.AgendaLetter(n, letter);
            if (item.Proposal is { } proposal && !knownProposals.Contains(proposal))
                return EngagementErrors.AgendaProposal(n, proposal);
            entries.Add(new AgendaEntry(item.Title.Trim(), item.Presenter, item.Minutes.Value, item.Letter, item.Proposal));
        }
        return entries;
    }

    /// <summary>The letters and proposals the items link to, for loading in one query each.</summary>
    public static (List<Guid> Letters, List<Guid> Proposals) Links(IEnumerable<AgendaInput> items) =>
        (items.Select(i => i.Letter).OfType<Guid>().ToList(), items.Select(i => i.Proposal).OfType<Guid>().ToList());
}
