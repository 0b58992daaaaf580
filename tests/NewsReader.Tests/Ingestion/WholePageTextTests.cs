using System.Text;
using NewsReader.Extraction;
using NewsReader.Extraction.Text;

namespace NewsReader.Tests.Ingestion;

/// <summary>
/// A whole news page saved as text (what a browser's "select all, copy" or a scraper's text dump gives): the page title,
/// navigation, the headline again above the article with its date and byline nearby, then the text.
/// </summary>
public sealed class WholePageTextTests
{
    private const string Body1 = "Die Gemeinde hat am Dienstag beschlossen, die alte Fähre über den Fluss bis zum Sommer wieder in Betrieb zu nehmen.";
    private const string Body2 = "Der Bürgermeister sagte, die Kosten von 240.000 Euro würden zur Hälfte vom Land getragen – der Rest komme aus Rücklagen.";
    private const string Body3 = "Anwohner hatten seit dem Hochwasser im Frühjahr auf eine Lösung gewartet, weil der Umweg über die Brücke 20 Kilometer beträgt.";

    private static readonly string Menu = string.Join("\n\n", ["Startseite", "Lokales", "Politik", "Wirtschaft", "Sport", "Kultur", "Wetter", "Verkehr", "Leserbriefe", "Anzeigen"]);

    // Twenty menu labels, then a thread of answers longer than the two paragraphs of the article.
    private static readonly string Labels = string.Join("\n\n", Enumerable.Range(1, 20).Select(i => $"Rubrik {i}"));

    private static readonly string Answers = "Meist beantwortete Fragen\n\n" + string.Join("\n\n", Enumerable.Range(1, 4).Select(i =>
        $"Antwort {i}: Ich finde, die Fähre hätte man nie einstellen dürfen, weil der Umweg über die Brücke für uns Pendler jeden Tag eine halbe Stunde kostet."));

    private static ParsedArticle Parse(string text) => new TextArticleParser().Parse(Encoding.UTF8.GetBytes(text), "page.txt");

    [Fact]
    public void Parse_HeadlineRepeatedBelowTheNavigation_StartsTheArticleThereWithTheDateAboveIt()
    {
        var a = Parse($"""
            Fähre über die Elbe fährt ab Juni wieder | Kreisblatt

            Startseite

            Lokales

            Meistgelesen

            Hochwasser: die Bilanz eines Frühjahrs

            17. März 2025, 07:30 Uhr

            Fähre über die Elbe fährt ab Juni wieder

            Von Anna Müller

            {Body1}

            {Body2}
            """);

        Assert.Equal("Fähre über die Elbe fährt ab Juni wieder", a.Title);
        Assert.Equal("Kreisblatt", a.Site);
        Assert.Equal(["Anna Müller"], a.Authors);
        Assert.Equal("2025-03-17", a.Published?[..10]);
        Assert.Equal([Body1, Body2], a.Body);
        Assert.Contains("Meistgelesen", a.Dropped);
    }

    [Fact]
    public void Parse_BylineBelowAPhotoCaption_IsTheBylineNotText()
    {
        var a = Parse($"""
            Ferry across the river returns in June – The Valley News

            News

            Ferry across the river returns in June

            The ferry at its landing stage in May. Photo: Jo Lee

            By Anna Roth

            {Body1}

            {Body2}
            """);

        Assert.Equal(["Anna Roth"], a.Authors);
        Assert.DoesNotContain("By Anna Roth", a.Body);
        Assert.Contains(Body1, a.Body);
    }

    [Fact]
    public void Parse_TeasersAndFooterAfterTheArticle_AreDroppedAndItsShortLastSentenceKept()
    {
        var a = Parse($"""
            Ferry across the river returns in June | The Valley News

            Ferry across the river returns in June

            By Anna Roth

            {Body1}

            {Body2}

            Entry stays free.

            More from Valley News

            Bridge plans: what the council wants

            Flood toll rises to 40 homes

            Ålesund’s harbour gets a new pier

            Contact

            Imprint

            Privacy
            """);

        Assert.Equal([Body1, Body2, "Entry stays free."], a.Body);
        Assert.Contains("Flood toll rises to 40 homes", a.Dropped);
        Assert.Contains("Privacy", a.Dropped);
    }

    [Fact]
    public void Parse_DatelineFarBelowTheHeadline_IsThePublicationDate()
    {
        var a = Parse($"""
            Ferry across the river returns in June | The Valley News

            Ferry across the river returns in June

            Share

            Post

            Email

            Print

            The ferry at its landing stage in May.

            Photo: Jo Lee

            Listen to this article

            4 min

            March 17, 2025

            {Body1}

            {Body2}
            """);

        Assert.Equal("2025-03-17", a.Published?[..10]);
        Assert.DoesNotContain("March 17, 2025", a.Body);
    }

    [Fact]
    public void Parse_HeadlineRepeatedFarBelowALongMenu_StillStartsTheArticle()
    {
        var menu = string.Join("\n\n", Enumerable.Range(1, 300).Select(i => $"Ressort {i}"));
        var a = Parse($"""
            Fähre über die Elbe fährt ab Juni wieder | Kreisblatt

            {menu}

            Fähre über die Elbe fährt ab Juni wieder

            {Body1}

            {Body2}

            {Labels}

            {Answers}
            """);

        Assert.Equal("Fähre über die Elbe fährt ab Juni wieder", a.Title);
        Assert.Equal([Body1, Body2], a.Body);
    }

    [Fact]
    public void Parse_PrintedHeadlineDiffersFromThePageTitle_TheBylineAndDateStartTheArticle()
    {
        // Sites print a headline other than their <title>: with no repeat to find, the byline and its date say where the
        // article starts; the teaser lines of the menu above them are not the article, the standfirst right above is.
        var teasers = string.Join("\n\n", Enumerable.Range(1, 6).Select(i => $"Rathaus: Haushaltsdebatte geht in die {i}. Runde – „Wir brauchen Zeit“"));
        var a = Parse($"""
            Elbfähre fährt wieder | Kreisblatt

            {Menu}

            {teasers}

            Nach dem Hochwasser: Die Fähre über die Elbe kommt zurück

            Die Gemeinde hat sich nach monatelangem Streit geeinigt – und die Pendler atmen auf, denn der Umweg über die Brücke entfällt.

            Von Anna Müller

            17. März 2025, 08:15 Uhr

            {Body1}

            {Body2}

            {Body3}
            """);

        Assert.Equal("Elbfähre fährt wieder", a.Title);
        Assert.Equal("Kreisblatt", a.Site);
        Assert.Equal(["Anna Müller"], a.Authors);
        Assert.Equal("2025-03-17", a.Published?[..10]);
        Assert.Equal(["Die Gemeinde hat sich nach monatelangem Streit geeinigt – und die Pendler atmen auf, denn der Umweg über die Brücke entfällt.", Body1, Body2, Body3], a.Body);
    }

    [Fact]
    public void Parse_BylineOfATeaserBelowTheArticle_DoesNotMoveItsStart()
    {
        var a = Parse($"""
            Elbfähre fährt wieder | Kreisblatt

            Startseite

            {Body1}

            {Body2}

            {Body3}

            Mehr aus der Region

            Von Jan Kowalski

            18. März 2025

            Der Wochenmarkt zieht um: Ab April stehen die Stände auf dem Platz vor der Kirche, wie der Rat mitteilte.
            """);

        Assert.Contains(Body1, a.Body);
        Assert.DoesNotContain("Jan Kowalski", a.Authors);
    }

    [Fact]
    public void Parse_HeadlineRepeatedOnlyInTheShareBoxBelowTheArticle_TheBylineAboveStartsIt()
    {
        // The page title's headline comes again only after the text ("Share or comment on this article: <headline>"),
        // above a long list of other stories: the article starts under the byline, not after the share box.
        var others = string.Join("\n\n", Enumerable.Range(1, 40).Select(i =>
            $"Star {i} reveals a rare make-up-free selfie while posing in bed after a split from a rapper – and fans can’t stop talking about it"));
        var a = Parse($"""
            Ferry back on the Elbe after the floods | The Daily Courier

            Home

            News

            Ferry returns to the river as commuters cheer

            By Glen Owen and Brendan Carlin for The Daily Courier

            Published: 22:00 GMT, 26 September 2020 | Updated: 08:39 GMT, 28 September 2020

            The council agreed on Tuesday to bring the old ferry back into service by the summer, ending a 20-kilometre detour.

            The mayor said the €240,000 cost would be split with the regional government, the rest coming from reserves.

            Share or comment on this article:

            Ferry back on the Elbe after the floods

            {others}
            """);

        Assert.Equal(["Glen Owen", "Brendan Carlin"], a.Authors);
        Assert.Equal("2020-09-26T22:00:00+00:00", a.Published);
        Assert.Equal("The council agreed on Tuesday to bring the old ferry back into service by the summer, ending a 20-kilometre detour.", a.Body[0]);
    }

    [Fact]
    public void Parse_LongerThreadOfAnswersFurtherDown_DoesNotTakeThePlaceOfTheArticleUnderTheHeadline()
    {
        var a = Parse($"""
            Fähre über die Elbe fährt ab Juni wieder | Kreisblatt

            Startseite

            Fähre über die Elbe fährt ab Juni wieder

            {Body1}

            {Body2}

            {Labels}

            {Answers}
            """);

        Assert.Equal([Body1, Body2], a.Body);
    }

    [Fact]
    public void Parse_SiteNamePrintedUnderTheLogo_IsTheSite_TheHeadlineFurtherDownIsTheTitle()
    {
        var a = Parse($"""
            Fähre über die Elbe fährt ab Juni wieder - Kreisblatt Nachrichten Online

            Kreisblatt Nachrichten Online

            {Menu}

            Fähre über die Elbe fährt ab Juni wieder

            {Body1}

            {Body2}
            """);

        Assert.Equal("Fähre über die Elbe fährt ab Juni wieder", a.Title);
        Assert.Equal("Kreisblatt Nachrichten Online", a.Site);
        Assert.Equal([Body1, Body2], a.Body);
    }

    [Fact]
    public void Parse_ShareLabelUnderTheHeadline_DoesNotEndTheArticle_ARelatedHeadingAfterTheTextDoes()
    {
        var a = Parse($"""
            Fähre über die Elbe fährt ab Juni wieder | Kreisblatt

            Startseite

            Fähre über die Elbe fährt ab Juni wieder

            Anpassen

            Teilen

            Share

            {Body1}

            {Body2}

            Related

            Brücke über die Saale wird saniert
            """);

        Assert.Equal([Body1, Body2], a.Body);
        Assert.Contains("Brücke über die Saale wird saniert", a.Dropped);
    }

    [Fact]
    public void Parse_HeadlineRepeatedInsideTheArticle_StartsItAtTheFirstRepeat()
    {
        var a = Parse($"""
            Fähre über die Elbe fährt ab Juni wieder | Kreisblatt

            Startseite

            Fähre über die Elbe fährt ab Juni wieder

            {Body1}

            Fähre über die Elbe fährt ab Juni wieder

            {Body2}

            {Body3}
            """);

        Assert.Equal([Body1, Body2, Body3], a.Body);
    }

    [Fact]
    public void Parse_ShareLabelBetweenTheLeadAndTheBody_IsDroppedAndTheBodyKept()
    {
        var a = Parse($"""
            Fähre über die Elbe fährt ab Juni wieder | Kreisblatt

            Startseite

            Fähre über die Elbe fährt ab Juni wieder

            {Body1}

            Artikel teilen

            {Body2}

            {Body3}

            Mehr zum Thema

            Brücke über die Saale wird saniert
            """);

        Assert.Equal([Body1, Body2, Body3], a.Body);
        Assert.Contains("Artikel teilen", a.Dropped);
        Assert.Contains("Brücke über die Saale wird saniert", a.Dropped);
    }
}
