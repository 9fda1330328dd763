using Parley.Directory;
using Parley.Record;

namespace Parley.Demo;

/// <summary>
/// The people and institutions of the Moscow-letter story with their posts as of August 2018. Dates the
/// article does not give are not invented: a post it only attests is recorded as held on 8 Aug 2018.
/// </summary>
public static class DemoDirectory
{
    public static readonly DateOnly ArticleDate = new(2018, 8, 8);
    public const string Source = "demo: scenario article, 8 Aug 2018";

    public static readonly Guid StateDepartment = KnownInstitutions.UsStateDepartment;
    public static readonly Guid Sfrc = KnownInstitutions.Committee("SSFR");
    public static readonly Guid SfrcEurope = KnownInstitutions.Committee("SSFR01");
    public static readonly Guid FederalAssembly = StableId.For("institution", "ru-federal-assembly");
    public static readonly Guid FederationCouncil = StableId.For("institution", "ru-federation-council");
    public static readonly Guid FcForeignAffairs = StableId.For("institution", "ru-fc-foreign-affairs");
    public static readonly Guid RuPresidentialAdministration = StableId.For("institution", "ru-presidential-administration");
    public static readonly Guid RuPressOffice = StableId.For("institution", "ru-presidential-press-office");

    public static DirectoryPlan Plan()
    {
        var plan = new DirectoryPlan();
        plan.Countries.Add(KnownInstitutions.UnitedStates);
        plan.Countries.Add(KnownInstitutions.Russia);
        foreach (var (id, input) in KnownInstitutions.UsCore())
            Institution(plan, id, input);
        Institution(plan, StateDepartment, KnownInstitutions.StateDepartment().Input);
        Institution(plan, Sfrc, Make(InstitutionKind.Committee, "US", KnownInstitutions.UsSenate, "Senate Committee on Foreign Relations", "Комитет Сената США по международным отношениям", ("thomas", "SSFR")));
        Institution(plan, SfrcEurope, Make(InstitutionKind.Subcommittee, "US", Sfrc, "Subcommittee on Europe and Regional Security Cooperation", "Подкомитет по Европе и региональному сотрудничеству в сфере безопасности", ("thomas", "SSFR01")));
        Institution(plan, FederalAssembly, Make(InstitutionKind.Legislature, "RU", null, "Federal Assembly of the Russian Federation", "Федеральное Собрание Российской Федерации"));
        Institution(plan, FederationCouncil, Make(InstitutionKind.Chamber, "RU", FederalAssembly, "Federation Council", "Совет Федерации"));
        Institution(plan, FcForeignAffairs, Make(InstitutionKind.Committee, "RU", FederationCouncil, "Federation Council Committee on Foreign Affairs", "Комитет Совета Федерации по международным делам"));
        Institution(plan, RuPresidentialAdministration, Make(InstitutionKind.HeadOfStateOffice, "RU", null, "Presidential Administration of Russia", "Администрация Президента Российской Федерации"));
        Institution(plan, RuPressOffice, Make(InstitutionKind.PressOffice, "RU", RuPresidentialAdministration, "Presidential Press and Information Office", "Пресс-служба Президента Российской Федерации"));

        Person(plan, "wikidata", "Q22686", "Trump, Donald", ["Donald J. Trump", "Дональд Трамп"], [("wikidata", "Q22686")],
            (KnownInstitutions.UsPresident, "President of the United States", new(2017, 1, 20), new(2021, 1, 20), null));
        Person(plan, "wikidata", "Q7747", "Putin, Vladimir", ["Vladimir Putin", "Владимир Путин", "Владимир Владимирович Путин"], [("wikidata", "Q7747")],
            (RuPresidentialAdministration, "President of the Russian Federation", new(2012, 5, 7), null, null));
        Person(plan, "bioguide", "P000603", "Paul, Rand", ["Rand Paul", "Рэнд Пол"], [("bioguide", "P000603"), ("lis", "S348"), ("wikidata", "Q463557")],
            (KnownInstitutions.UsSenate, "Senator", new(2017, 1, 3), new(2023, 1, 3), "KY"));
        Person(plan, "bioguide", "J000293", "Johnson, Ron", ["Ron Johnson", "Рон Джонсон"], [("bioguide", "J000293"), ("lis", "S345"), ("wikidata", "Q970272")],
            (KnownInstitutions.UsSenate, "Senator", new(2017, 1, 3), new(2023, 1, 3), "WI"),
            (SfrcEurope, "Chairman", ArticleDate, ArticleDate, null),
            (Sfrc, "Member", ArticleDate, ArticleDate, null));
        Person(plan, "demo", "peskov", "Peskov, Dmitry", ["Dmitry Peskov", "Дмитрий Песков", "Дмитрий Сергеевич Песков"], [],
            (RuPressOffice, "Press Secretary of the President (Kremlin spokesman)", ArticleDate, ArticleDate, null));
        Person(plan, "demo", "kosachev", "Kosachev, Konstantin", ["Konstantin Kosachev", "Константин Косачёв", "Константин Иосифович Косачёв"], [],
            (FcForeignAffairs, "Chairman", ArticleDate, ArticleDate, null));
        return plan;
    }

    private static InstitutionInput Make(InstitutionKind kind, string country, Guid? parent, string en, string ru, params (string Scheme, string Value)[] ids) =>
        new(kind, country, parent, [new(en, "en"), new(ru, "ru")], ids.Select(i => new Identifier(i.Scheme, i.Value)).ToList());

    private static void Institution(DirectoryPlan plan, Guid id, InstitutionInput input) =>
        plan.Institutions.Add(new PlannedInstitution(id, input, new Origin("demo", 0)));

    private static void Person(DirectoryPlan plan, string keyScheme, string key, string sortName, string[] names,
        (string Scheme, string Value)[] ids, params (Guid Institution, string Role, DateOnly Start, DateOnly? End, string? Area)[] posts)
    {
        var id = KnownInstitutions.Person(keyScheme, key);
        var entries = names.Select((n, i) => new NameEntry(n, n.Any(c => c is >= 'А' and <= 'я') ? "ru" : "en",
            i < 2 ? NameKind.Official : NameKind.Alternate)).ToList();
        plan.People.Add(new PlannedPerson(id, new PersonInput(sortName, entries, ids.Select(x => new Identifier(x.Scheme, x.Value)).ToList()), new Origin("demo", 0)));
        foreach (var post in posts)
        {
            var note = post.Start == ArticleDate && post.End == ArticleDate ? "attested in the article; start and end not given" : null;
            plan.Memberships.Add(new PlannedMembership(StableId.For("demo-post", $"{key}/{post.Institution}/{post.Role}"),
                new Identifier(PlanWriter.OwnIdScheme, id.ToString()), sortName,
                new MembershipInput(Guid.Empty, post.Institution, post.Role, null, post.Area, note, post.Start, post.End, Source), new Origin("demo", 0)));
        }
    }
}
