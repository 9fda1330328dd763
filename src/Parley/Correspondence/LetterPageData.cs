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
    public static async Task<Names> ForAsync(ParleyDb db, IEnumerable<LetterState> letters, CancellationToken ct, string? lang = null)
    {
        var list = letters.ToList();
        var institutionIds = list.SelectMany(s => new[] { s.Letter.SenderInstitution, s.Letter.AddresseeInstitution, s.Letter.Registry }
            .Concat(s.Handovers.SelectMany(h => new[] { h.FromInstitution, h.ToInstitution })).Concat(s.Letter.Route.Select(r => r.ToInstitution))).Distinct().ToList();
        var personIds = list.SelectMany(s => new[] { s.Letter.SenderPerson, s.Letter.AddresseePerson }
            .Concat(s.Handovers.SelectMany(h => new[] { h.FromPerson, h.ToPerson })).Concat(s.Letter.Route.Select(r => r.ToPerson))).OfType<Guid>().Distinct().ToList();
        return new Names(await DirectoryNames.NamesAsync(db, institutionIds, ct, lang), await DirectoryNames.NamesAsync(db, personIds, ct, lang));
    }
}
