using Parley.Record;

namespace Parley.Directory;

public static class DirectoryProjection
{
    // Find, not DbSet.Local: Local runs DetectChanges over every tracked row, which made bulk writes quadratic.
    public static async ValueTask ApplyAsync(ParleyDb db, DirectoryEvent e, CancellationToken ct)
    {
        switch (e)
        {
            case CountryRecorded c:
                var country = await db.FindRowAsync<Country>([c.Code], ct);
                if (country is null)
                    db.Countries.Add(new Country { Code = c.Code, NameEn = c.NameEn, NameRu = c.NameRu });
                else
                    (country.NameEn, country.NameRu) = (c.NameEn, c.NameRu);
                break;
            case InstitutionRecorded i:
                var institution = await db.FindRowAsync<Institution>([i.Id], ct);
                if (institution is null)
                    db.Institutions.Add(institution = new Institution { Id = i.Id, Name = "" });
                institution.Kind = i.Kind;
                institution.CountryCode = i.CountryCode;
                institution.ParentId = i.ParentId;
                institution.Name = NameRules.Display(i.Names, "en");
                institution.Names = NameRules.ToForms(i.Names);
                institution.Identifiers = i.Identifiers.Select(x => new ExternalId { Scheme = x.Scheme, Value = x.Value }).ToList();
                await SearchIndex.PutAsync(db, DirectorySearch.Institution, i.Id, DirectorySearch.Document(i.Names), ct);
                break;
            case PersonRecorded p:
                var person = await db.FindRowAsync<Person>([p.Id], ct);
                if (person is null)
                    db.People.Add(person = new Person { Id = p.Id, Name = "", SortName = "" });
                person.Name = NameRules.Display(p.Names, "en");
                person.SortName = p.SortName;
                person.BirthDate = p.BirthDate;
                person.Gender = p.Gender;
                person.Names = NameRules.ToForms(p.Names);
                person.Identifiers = p.Identifiers.Select(x => new ExternalId { Scheme = x.Scheme, Value = x.Value }).ToList();
                await SearchIndex.PutAsync(db, DirectorySearch.Person, p.Id, DirectorySearch.Document(p.Names), ct);
                break;
            case MembershipRecorded m:
                var membership = await db.FindRowAsync<Membership>([m.Id], ct);
                if (membership is null)
                    db.Memberships.Add(membership = new Membership { Id = m.Id, Role = "", Source = "" });
                membership.PersonId = m.PersonId;
                membership.InstitutionId = m.InstitutionId;
                membership.Role = m.Role;
                membership.Party = m.Party;
                membership.Area = m.Area;
                membership.Note = m.Note;
                membership.Start = m.Start;
                membership.End = m.End;
                membership.Source = m.Source;
                break;
            case DetailsRecorded d:
                var details = await db.FindRowAsync<RecordDetails>([d.Of, d.Id], ct);
                if (details is null)
                    db.RecordDetails.Add(details = new RecordDetails { Of = d.Of, Id = d.Id, Json = "" });
                details.Json = Details.Serialize(Details.Of(d));
                break;
            default:
                throw new InvalidOperationException($"DirectoryProjection does not handle {e.GetType().Name}.");
        }
    }
}
