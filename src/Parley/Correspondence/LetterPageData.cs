using Microsoft.EntityFrameworkCore;
using Parley.Directory;
using Parley.Record;

namespace Parley.Correspondence;

/// <summary>Display names for the institutions and people a letter mentions, read in a few queries.</summary>
public sealed class Names(Dictionary<Guid, string> institutions, Dictionary<Guid, string> people)
{
    public string Institution(Guid id) => institutions.GetValueOrDefault(id, id.ToString());

    public string Holder(Guid institution, Guid? person) =>
        person is { } p ? $"{people.GetValueOrDefault(p, p.ToString())} ({Institution(institution)})" : Institution(institution);

    /// <summary>The names, in <paramref name="lang"/> where the directory has them (pages pass the reader's language).</summary>
    /// <paramref name="handovers"/> are the hand-overs the page shows, if it shows any.
    public static async Task<Names> ForAsync(ParleyDb db, IEnumerable<LetterState> letters, CancellationToken ct, string? lang = null,
        IEnumerable<Handover>? handovers = null)
    {
        var (list, shown) = (letters.ToList(), handovers?.ToList() ?? []);
        var institutionIds = list.SelectMany(s => new[] { s.Letter.SenderInstitution, s.Letter.AddresseeInstitution, s.Letter.Registry, s.Tally.Last?.ToInstitution }
            .OfType<Guid>().Concat(s.Letter.Route.Select(r => r.ToInstitution)))
            .Concat(shown.SelectMany(h => new[] { h.FromInstitution, h.ToInstitution })).Distinct().ToList();
        var personIds = list.SelectMany(s => new[] { s.Letter.SenderPerson, s.Letter.AddresseePerson, s.Tally.Last?.ToPerson }.Concat(s.Letter.Route.Select(r => r.ToPerson)))
            .Concat(shown.SelectMany(h => new[] { h.FromPerson, h.ToPerson })).OfType<Guid>().Distinct().ToList();
        return new Names(await DirectoryNames.NamesAsync(db, institutionIds, ct, lang), await DirectoryNames.NamesAsync(db, personIds, ct, lang));
    }
}
