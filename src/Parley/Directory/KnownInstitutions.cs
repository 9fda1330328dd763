using Parley.Record;

namespace Parley.Directory;

/// <summary>Institutions that imports and the demo both refer to, with the ids both use.</summary>
public static class KnownInstitutions
{
    public static readonly Guid UsCongress = StableId.For("institution", "us-congress");
    public static readonly Guid UsSenate = StableId.For("institution", "us-senate");
    public static readonly Guid UsHouse = StableId.For("institution", "us-house");
    public static readonly Guid UsPresident = StableId.For("institution", "us-president-office");
    public static readonly Guid UsVicePresident = StableId.For("institution", "us-vice-president-office");
    public static readonly Guid UsStateDepartment = StableId.For("institution", "us-state-department");

    /// <summary>A country as an institution: the state that sends a visit (histories name no ministry).</summary>
    public static Guid State(string countryCode) => StableId.For("institution", $"state:{countryCode}");

    public static InstitutionInput StateInput(CountryRecorded country) =>
        new(InstitutionKind.Country, country.Code, null, [new(country.NameEn, "en"), new(country.NameRu, "ru")], [new("iso3166", country.Code)]);

    public static (Guid Id, InstitutionInput Input) StateDepartment() =>
        (UsStateDepartment, Make(InstitutionKind.Ministry, null, "United States Department of State", "Государственный департамент США", "Q789915"));

    public static Guid Committee(string thomasId) => StableId.For("thomas", thomasId);

    public static Guid Person(string scheme, string value) => StableId.For(scheme, value);

    public static readonly CountryRecorded UnitedStates = new("US", "United States", "Соединённые Штаты Америки");
    public static readonly CountryRecorded Russia = new("RU", "Russia", "Россия");

    public static IEnumerable<(Guid Id, InstitutionInput Input)> UsCore() =>
    [
        (UsCongress, Make(InstitutionKind.Legislature, null, "United States Congress", "Конгресс США", "Q11268")),
        (UsSenate, Make(InstitutionKind.Chamber, UsCongress, "United States Senate", "Сенат США", "Q66096")),
        (UsHouse, Make(InstitutionKind.Chamber, UsCongress, "United States House of Representatives", "Палата представителей США", "Q11701")),
        (UsPresident, Make(InstitutionKind.HeadOfStateOffice, null, "Executive Office of the President of the United States", "Администрация президента США", "Q1355327")),
        (UsVicePresident, Make(InstitutionKind.Other, null, "Office of the Vice President of the United States", "Канцелярия вице-президента США", null)),
    ];

    private static InstitutionInput Make(InstitutionKind kind, Guid? parent, string en, string ru, string? wikidata) =>
        new(kind, "US", parent, [new(en, "en"), new(ru, "ru")], wikidata is null ? [] : [new("wikidata", wikidata)]);
}
