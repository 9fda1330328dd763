using Parley.Directory;
using Parley.Record;

namespace Parley.Correspondence;

/// <summary>What a letter is found by in the search index, and how its topics are kept for the topic filter.</summary>
public static class LetterSearch
{
    public const string Kind = "letter";

    /// <summary>A topic as the topic filter compares it: folded, so "Arctic" and "ARCTIC" are one topic.</summary>
    public static string Topic(string topic) => SearchText.Fold(topic.Trim());

    /// <summary>
    /// The letter's number, subject and topics, and every name form its parties had in the directory when it was
    /// registered (a later renaming is found through the name forms the directory keeps, not through the letter).
    /// </summary>
    public static async Task PutAsync(ParleyDb db, LetterRegistered r, CancellationToken ct)
    {
        var names = new List<string>();
        foreach (var id in new[] { r.SenderInstitution, r.AddresseeInstitution }.Distinct())
        {
            if (await db.FindRowAsync<Institution>([id], ct) is { } institution)
                names.AddRange(institution.Names.Select(n => n.Value));
        }
        foreach (var id in new[] { r.SenderPerson, r.AddresseePerson }.OfType<Guid>().Distinct())
        {
            if (await db.FindRowAsync<Person>([id], ct) is { } person)
                names.AddRange(person.Names.Select(n => n.Value));
        }
        await SearchIndex.PutAsync(db, Kind, r.Id, SearchText.Document([r.Number, r.Subject, .. r.Topics, .. names.Distinct()]), ct);
    }
}
