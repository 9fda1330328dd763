using Parley.Engagements;

namespace Parley.Tests.EngagementsSlice;

/// <summary>Titles and names as the Office of the Historian writes them, and when two spellings are one person.</summary>
public sealed class HistoricNamesTests
{
    [Theory]
    [InlineData("Prime Minister Ehud Barak", "Prime Minister", "Ehud Barak")]
    [InlineData("King Hussein", "King", "Hussein")]
    [InlineData("Amir Sheikh Tamim bin Hamad Al Thani", "Amir Sheikh", "Tamim bin Hamad Al Thani")]
    [InlineData("President of the Council of Ministers Hussain Mohammad Ershad", "President of the Council of Ministers", "Hussain Mohammad Ershad")]
    [InlineData("Governor General Earl of Athlone", "Governor General", "Earl of Athlone")]
    [InlineData("Prime Minster Mackenzie King", "Prime Minster", "Mackenzie King")]
    [InlineData("Prime MinisterHaidar al- Abadi", "Prime Minister", "Haidar al- Abadi")]
    [InlineData("President- elect Ernesto Zedillo Ponce de Leon", "President-elect", "Ernesto Zedillo Ponce de Leon")]
    [InlineData("Valdas Adamkus", null, "Valdas Adamkus")]
    [InlineData("Pope John Paul II", "Pope", "John Paul II")]
    public void A_title_is_the_leading_run_of_title_words(string text, string? title, string name)
    {
        var person = Assert.Single(HistoricNames.Visitors(text));
        Assert.Equal(title, person.Title);
        Assert.Equal(name, person.Name);
    }

    [Fact]
    public void A_line_can_name_several_visitors_but_a_suffix_or_a_shared_title_is_not_one()
    {
        Assert.Equal(
            [new TitledName("President", "Francesco Cossiga"), new TitledName("Prime Minister", "Giulio Andreotti")],
            HistoricNames.Visitors("President Francesco Cossiga and Prime Minister Giulio Andreotti"));
        Assert.Equal(
            [new TitledName("President", "Anwar Sadat"), new TitledName("Prime Minister", "Mustafa Khalil")],
            HistoricNames.Visitors("President Anwar Sadat, Prime Minister Mustafa Khalil"));
        Assert.Equal([new TitledName("President", "Benigno S. Aquino, 3rd")], HistoricNames.Visitors("President Benigno S. Aquino, 3rd"));
        Assert.Equal([new TitledName("Premier and Prince", "Sihanouk")], HistoricNames.Visitors("Premier &amp; Prince Sihanouk"));
    }

    [Theory]
    [InlineData("Dmitri Medvedev", "Dmitriy Medvedev", NameFit.Full)]
    [InlineData("Dimitry A. Medvedev", "Dmitri Medvedev", NameFit.Full)]
    [InlineData("Tamim bin Hamad al-Thani", "Tameem bin Hamad Al Thani", NameFit.Full)]
    [InlineData("Luiz Lula da Silva", "Luiz Inacio Lula da Silva", NameFit.Full)]
    [InlineData("Benigno S. Aquino, 3rd", "Benigno Aquino III", NameFit.Full)]
    [InlineData("Indira Gandhi", "Rajiv Gandhi", NameFit.None)]
    [InlineData("Kim Dae-jung", "Kim Young-sam", NameFit.None)]
    [InlineData("Khrushchev", "Nikita Khrushchev", NameFit.FamilyNameOnly)]
    [InlineData("Jean", "Jean-Claude Juncker", NameFit.None)]
    [InlineData("Ilham Aliyev", "Heydar Aliyev", NameFit.None)]
    public void Two_spellings_fit_when_every_name_of_the_shorter_is_in_the_longer(string a, string b, NameFit fit)
    {
        Assert.Equal(fit, HistoricNames.Fit(HistoricNames.Words(a), HistoricNames.Words(b)));
        Assert.Equal(fit, HistoricNames.Fit(HistoricNames.Words(b), HistoricNames.Words(a)));
    }

    [Fact]
    public void A_family_name_written_first_fits_where_the_country_writes_it_so()
    {
        Assert.Equal(NameFit.None, HistoricNames.Fit(HistoricNames.Words("Park"), HistoricNames.Words("Park Chung Hee")));
        Assert.Equal(NameFit.FamilyNameOnly, HistoricNames.Fit(HistoricNames.Words("Park"), HistoricNames.Words("Park Chung Hee"), familyFirst: true));
    }

    [Theory]
    [InlineData("dmitri", "dimitry", true)]
    [InlineData("muhammad", "mohammed", true)]
    [InlineData("jabir", "jaber", true)]
    [InlineData("suleyman", "suleiman", true)]
    [InlineData("rajiv", "rahul", false)]
    [InlineData("ali", "ala", false)]
    [InlineData("karim", "karin", false)]
    public void Transliterations_of_one_word_are_the_same_word(string a, string b, bool same) => Assert.Equal(same, HistoricNames.SameWord(a, b));
}
