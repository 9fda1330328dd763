using Parley.Directory;
using Parley.Statements;

namespace Parley.Tests.StatementsSlice;

/// <summary>The press import over articles: the story's own and others written in other attribution styles.</summary>
public sealed class PressImportTests
{
    private static readonly Dictionary<string, Guid> People = [];

    internal static SpeakerDirectory Directory()
    {
        var directory = new SpeakerDirectory();
        void Person(string key, string[] names, params string[] posts)
        {
            var id = People.TryGetValue(key, out var known) ? known : People[key] = Guid.NewGuid();
            foreach (var name in names)
                directory.Add(id, NameRules.Fold(name));
            foreach (var post in posts)
                directory.AddPost(id, post, null, null);
        }
        Person("paul", ["Rand Paul", "Рэнд Пол"], "Senator");
        Person("ron-paul", ["Ron Paul"]);
        Person("johnson", ["Ron Johnson"], "Senator", "Chairman");
        Person("other-johnson", ["Eddie Bernice Johnson"], "Representative");
        Person("peskov", ["Dmitry Peskov", "Дмитрий Песков"], "Press Secretary of the President (Kremlin spokesman)");
        Person("kosachev", ["Konstantin Kosachev", "Константин Косачёв"], "Chairman");
        Person("trump", ["Donald J. Trump", "Donald Trump"], "President of the United States");
        Person("putin", ["Vladimir Putin"], "President of the Russian Federation");
        Person("mcconnell", ["Mitch McConnell"], "Senator");
        Person("menendez", ["Robert Menendez", "Bob Menendez"], "Senator");
        Person("lavrov", ["Sergey Lavrov", "Сергей Лавров"], "Minister of Foreign Affairs");
        Person("zakharova", ["Maria Zakharova", "Мария Захарова"], "Director of the Information and Press Department (Foreign Ministry spokeswoman)");
        Person("schumer", ["Chuck Schumer", "Charles Schumer"], "Senator");
        Person("pelosi", ["Nancy Pelosi"], "Speaker of the House");
        Person("matviyenko", ["Valentina Matviyenko", "Валентина Матвиенко"], "Chairman of the Federation Council");
        return directory;
    }

    internal static string? Key(Guid? person) => person is { } id ? People.First(p => p.Value == id).Key : null;

    [Fact]
    public void The_story_article_imports_into_its_four_statements()
    {
        var text = File.ReadAllText(SharedFolder.Require("scenario/article.txt"));
        var proposals = PressImport.Propose(new Article(ArticleText.Normalize(text), new DateOnly(2018, 8, 8), "Washington Examiner", null), Directory());
        Assert.Equal(["paul", "peskov", "kosachev", "johnson"], proposals.Select(p => Key(p.Speaker.Person)));
        Assert.Equal([Medium.SocialMediaPost, Medium.Remarks, Medium.Remarks, Medium.Interview], proposals.Select(p => p.Medium));
        Assert.Equal(SpeakerBasis.NamedEarlier, proposals[0].Speaker.Basis);
        Assert.Equal("Washington Examiner", proposals[3].Outlet);
        // "said Wednesday" is the article's Wednesday; Paul's tweet gives no day, so it is dated as reported.
        Assert.Equal((new DateOnly(2018, 8, 8), DateBasis.Stated), (proposals[1].SaidOn!.Value, proposals[1].DateBasis));
        Assert.Equal(DateBasis.Reported, proposals[0].DateBasis);
        // Quotes split across sentences stay one statement; phrases in the reporter's text are not statements.
        Assert.EndsWith("will receive it shortly.", proposals[1].Text, StringComparison.Ordinal);
        Assert.StartsWith("The letter was received through diplomatic channels. We expect", proposals[1].Text, StringComparison.Ordinal);
        Assert.EndsWith("freelance this thing.", proposals[3].Text, StringComparison.Ordinal);
        Assert.DoesNotContain(proposals, p => p.Text.Contains("engaging around the world", StringComparison.Ordinal));
        Assert.All(proposals, p => Assert.Null(p.Problem));
    }

    /// <summary>Articles of our own in other attribution styles, with the statements a careful reader would record.</summary>
    public static readonly (string Name, DateOnly Published, string Text, (string Start, string? Speaker, Medium Medium)[] Gold)[] Corpus =
    [
        ("colon and pronoun", new(2019, 3, 14), """
            Senate Majority Leader Mitch McConnell spoke to reporters after the vote on Tuesday.
            Asked about the sanctions bill, McConnell said: “We will take it up when the committee is ready.”
            He added that the timing depended on the House. “There is no rush,” he said.
            According to Sen. Bob Menendez, “the administration has not consulted Congress at all.”
            The State Department declined to comment.
            """, [("We will take it up", "mcconnell", Medium.Remarks), ("There is no rush", "mcconnell", Medium.Remarks), ("the administration has not", "menendez", Medium.Remarks)]),
        ("guillemets and a title", new(2019, 6, 5), """
            Russian Foreign Minister Sergey Lavrov met his counterpart in Sochi.
            «We are ready to continue the dialogue on strategic stability», Lavrov told journalists on Tuesday.
            The Foreign Ministry spokeswoman said at a briefing: «No new proposals have been received from Washington.»
            Maria Zakharova also wrote on Telegram that the ministry would respond "in due course".
            """, [("We are ready", "lavrov", Medium.PressBriefing), ("No new proposals", "zakharova", Medium.PressBriefing)]),
        ("split sentence and reported speech", new(2020, 2, 12), """
            “This resolution,” said Sen. Chuck Schumer on the Senate floor, “is about the security of our elections.”
            House Speaker Nancy Pelosi said in a statement Monday that the bill “will pass the House with bipartisan support.”
            “We will keep the pressure on,” Pelosi said.
            """, [("This resolution", "schumer", Medium.FloorRemarks), ("will pass the House", "pelosi", Medium.PressRelease), ("We will keep", "pelosi", Medium.Remarks)]),
        ("interview, yesterday and an anonymous source", new(2021, 9, 20), """
            Federation Council Speaker Valentina Matviyenko told RIA Novosti yesterday: “Parliamentary contacts must not be hostage to politics.”
            “We have invited our American colleagues many times,” she said, “and the invitation stands.”
            “Nothing has been decided,” a source in the Senate said.
            Johnson declined to comment.
            """, [("Parliamentary contacts", "matviyenko", Medium.Interview), ("We have invited", "matviyenko", Medium.Remarks), ("Nothing has been decided", null, Medium.Remarks)]),
        ("Russian text", new(2018, 8, 8), """
            Пресс-секретарь президента Дмитрий Песков прокомментировал письмо.
            «Письмо поступило по дипломатическим каналам», — сказал Песков в среду.
            «Мы ожидаем, что администрация президента получит его в ближайшее время», — добавил он.
            """, [("Письмо поступило", "peskov", Medium.Remarks), ("Мы ожидаем", "peskov", Medium.Remarks)]),
    ];

    [Fact]
    public void Other_articles_import_with_measured_precision_and_recall()
    {
        var directory = Directory();
        var (found, correct, expected) = (0, 0, 0);
        foreach (var (name, published, text, gold) in Corpus)
        {
            var proposals = PressImport.Propose(new Article(ArticleText.Normalize(text), published, null, null), directory);
            found += proposals.Count;
            expected += gold.Length;
            foreach (var p in proposals)
            {
                var match = gold.FirstOrDefault(g => p.Text.StartsWith(g.Start, StringComparison.Ordinal));
                var right = match.Start is not null && Key(p.Speaker.Person) == match.Speaker && p.Medium == match.Medium;
                correct += right ? 1 : 0;
                TestContext.Current.TestOutputHelper?.WriteLine($"{name}: {(right ? "right" : "WRONG")} {Key(p.Speaker.Person) ?? "(unresolved)"} {p.Medium} {p.SaidOn} «{p.Text}»");
            }
        }
        var (precision, recall) = ((double)correct / found, (double)correct / expected);
        TestContext.Current.TestOutputHelper?.WriteLine($"precision {precision:P0} ({correct}/{found}), recall {recall:P0} ({correct}/{expected})");
        Assert.True(precision >= 0.9, $"precision {precision:P0}");
        Assert.True(recall >= 0.8, $"recall {recall:P0}");
    }

    [Fact]
    public void Days_resolve_from_the_article_date_or_say_why_not()
    {
        var directory = Directory();
        var quote = "“We are ready to meet,” Lavrov said {0}.";
        DateOnly? Day(string when, DateOnly? published) =>
            PressImport.Propose(new Article(string.Format(System.Globalization.CultureInfo.InvariantCulture, quote, when), published, null, null), directory).Single().SaidOn;
        var wednesday = new DateOnly(2018, 8, 8);
        Assert.Equal(new DateOnly(2018, 8, 6), Day("Monday", wednesday));
        Assert.Equal(wednesday, Day("Wednesday", wednesday));
        Assert.Equal(new DateOnly(2018, 8, 7), Day("yesterday", wednesday));
        Assert.Equal(new DateOnly(2018, 8, 3), Day("on Aug. 3", wednesday));
        Assert.Equal(new DateOnly(2017, 12, 30), Day("on Dec. 30", new DateOnly(2018, 1, 2)));
        var unresolved = PressImport.Propose(new Article("“We are ready to meet,” Lavrov said Tuesday.", null, null, null), directory).Single();
        Assert.Null(unresolved.SaidOn);
        Assert.Contains("article's date", unresolved.Problem, StringComparison.Ordinal);
        var vague = PressImport.Propose(new Article("“We are ready to meet,” Lavrov said last week.", wednesday, null, null), directory).Single();
        Assert.Contains("no single day", vague.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_is_read_as_text_and_its_scripts_are_dropped()
    {
        var article = ArticleText.Read("""
            <html><head><meta property="article:published_time" content="2018-08-08T12:00:00Z"><meta property="og:site_name" content="Washington Examiner">
            <script>document.title = "pwned"</script></head>
            <body><p>“The letter was received through diplomatic channels,” Kremlin spokesman Dmitry Peskov said Wednesday.</p>
            <p onclick="alert(1)">More <b>text</b><script>alert('x')</script></p><style>p{}</style></body></html>
            """);
        Assert.Equal(new DateOnly(2018, 8, 8), article.Published);
        Assert.Equal("Washington Examiner", article.Outlet);
        Assert.DoesNotContain("alert", article.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("pwned", article.Text, StringComparison.Ordinal);
        Assert.Equal(["“The letter was received through diplomatic channels,” Kremlin spokesman Dmitry Peskov said Wednesday.", "More text"], article.Text.Split('\n'));
    }
}
