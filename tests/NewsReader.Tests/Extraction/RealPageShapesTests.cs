using System.Text;
using NewsReader.Extraction;
using NewsReader.Extraction.Html;

namespace NewsReader.Tests.Extraction;

/// <summary>
/// Shapes real pages take that the extractor once lost text on or kept furniture from, one small generic page each.
/// </summary>
public sealed class RealPageShapesTests
{
    private const string First = "Die Gemeinde hat am Dienstag beschlossen, die alte Fähre über den Fluss bis zum Sommer wieder in Betrieb zu nehmen.";
    private const string Second = "Der Bürgermeister sagte, die Kosten von 240.000 Euro würden zur Hälfte vom Land getragen, der Rest aus Rücklagen.";
    private const string Third = "Anwohner hatten seit dem Hochwasser im Frühjahr auf eine Lösung gewartet, weil der Umweg über die Brücke 20 Kilometer beträgt.";

    private static ParsedArticle Parse(string body, string head = "<title>Fähre fährt wieder</title>") =>
        new HtmlArticleParser().Parse(Encoding.UTF8.GetBytes($"<!DOCTYPE html><html lang=\"de\"><head><meta charset=\"utf-8\">{head}</head><body>{body}</body></html>"), "page.html");

    [Fact]
    public void Parse_ParagraphsWrittenAsDivsOfSpans_KeepsEveryParagraph()
    {
        var a = Parse($"""<nav><a href="/">Start</a></nav><div class="text"><div><span>{First}</span></div><div><span>{Second}</span> <span>{Third}</span></div><div class="spacer"></div></div>""");

        Assert.Equal([First, Second + " " + Third], a.Body);
    }

    [Fact]
    public void Parse_TextSplitByDoubleLineBreaksBesideAnEmptyBlock_SplitsParagraphs()
    {
        var a = Parse($"""<div id="main">{First}<br><br>{Second}<div class="ad-slot"></div>{Third}</div><footer><a href="/impressum">Impressum</a></footer>""");

        Assert.Equal([First, Second, Third], a.Body);
    }

    [Fact]
    public void Parse_ArticleInsideWrapperNamedLikeFurniture_FindsItOnTheRelaxedPass()
    {
        var a = Parse($"""<div class="advert-free-layout"><div class="sidebar-left"><p>{First}</p><p>{Second}</p><p>{Third}</p></div></div>""");

        Assert.Equal([First, Second, Third], a.Body);
    }

    [Fact]
    public void Parse_RelaxedPass_StillDropsTheSmallAuthorBoxAndCommentFormInsideTheArticle()
    {
        var a = Parse($"""
            <div class="advert-free-layout"><div class="sidebar-left">
            <p>{First}</p><p>{Second}</p><p>{Third}</p>
            <div class="author-box"><p>Anna Roth schreibt seit 2010 über Verkehr und liebt Fähren.</p></div>
            <div class="comment-respond"><p>Deine E-Mail-Adresse wird nicht veröffentlicht.</p></div>
            </div></div>
            """);

        Assert.Equal([First, Second, Third], a.Body);
    }

    [Fact]
    public void Parse_ForumThreadOfSmallPosts_KeepsThePostsOnTheRelaxedPass()
    {
        var posts = string.Concat(new[] { First, Second, Third }.Select(t => $"""<div class="comment-post"><p>{t}</p></div>"""));

        var a = Parse($"""<div class="advert-free-layout"><div class="sidebar-left">{posts}</div></div>""");

        Assert.Equal([First, Second, Third], a.Body);
    }

    [Theory]
    [InlineData("disclaimer")]
    [InlineData("affiliate-info")]
    [InlineData("community-notice")]
    [InlineData("licence-info")]
    [InlineData("legal-note")]
    [InlineData("intext-links")]
    [InlineData("scroll-top")]
    public void Parse_LegalAffiliateAndNoticeBoxesInsideTheArticle_AreNotBody(string names)
    {
        var a = Parse($"""<article><p>{First}</p><p>{Second}</p><p class="{names}">Für Links auf dieser Seite erhält die Redaktion eine Provision vom Händler.</p><p>{Third}</p></article>""");

        Assert.Equal([First, Second, Third], a.Body);
    }

    private const string RecipeLd = """
        <script type="application/ld+json">{"@context":"https://schema.org","@type":"Recipe","name":"Möhrenkuchen",
        "recipeIngredient":["200 g Möhren – fein gerieben","½ Tasse Zucker","3 Eier"],
        "recipeInstructions":[{"@type":"HowToSection","name":"Teig","itemListElement":[
          {"@type":"HowToStep","text":"Möhren, Zucker und Eier zu einem glatten Teig verrühren."},
          {"@type":"HowToStep","text":"Bei 180 °C etwa 45 Minuten backen."}]}]}</script>
        """;

    [Fact]
    public void Parse_RecipeWhoseListsAreOnlyInStructuredData_AddsIngredientsAndStepsAfterTheText()
    {
        var a = Parse($"""<article><p>{First}</p><p>{Second}</p><div id="recipe-widget"></div></article>""", "<title>Möhrenkuchen</title>" + RecipeLd);

        Assert.Equal([First, Second, "200 g Möhren – fein gerieben", "½ Tasse Zucker", "3 Eier",
            "Möhren, Zucker und Eier zu einem glatten Teig verrühren.", "Bei 180 °C etwa 45 Minuten backen."], a.Body);
        Assert.Contains("- ½ Tasse Zucker", a.BodyMarkdown, StringComparison.Ordinal);
        Assert.Contains("2. Bei 180 °C etwa 45 Minuten backen.", a.BodyMarkdown, StringComparison.Ordinal);
        Assert.Equal("Möhrenkuchen", a.Title);
    }

    [Fact]
    public void Parse_RecipeWhosePageShowsItsLists_DoesNotRepeatThem()
    {
        var a = Parse($"""
            <article><p>{First}</p>
            <ul><li>200 g Möhren – fein gerieben</li><li>½ Tasse Zucker</li><li>3 Eier</li></ul>
            <p>Möhren, Zucker und Eier zu einem glatten Teig verrühren.</p><p>Bei 180 °C etwa 45 Minuten backen.</p></article>
            """, "<title>Möhrenkuchen</title>" + RecipeLd);

        Assert.Single(a.Body, b => b == "½ Tasse Zucker");
        Assert.Single(a.Body, b => b.Contains("45 Minuten", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Über den Autor")]
    [InlineData("Crédits photos : Bestimage")]
    [InlineData("Modo Nocturno")]
    [InlineData("03.04.2020")]
    public void Parse_ShortLabelLeftAfterTheText_IsDropped(string label)
    {
        var a = Parse($"""<article><p>{First}</p><p>{Second}</p><p>{Third}</p><p>{label}</p></article>""");

        Assert.Equal([First, Second, Third], a.Body);
        Assert.Contains(label, a.Dropped);
    }

    [Theory]
    [InlineData("Originalartikel")]
    [InlineData("Lesezeit 3 Min")]
    public void Parse_ShortLabelAboveTheText_IsDropped(string label)
    {
        var a = Parse($"""<article><p>{label}</p><p>{First}</p><p>{Second}</p><p>{Third}</p></article>""");

        Assert.Equal([First, Second, Third], a.Body);
        Assert.Contains(label, a.Dropped);
    }

    [Fact]
    public void Parse_TeaserCardHeadlinesInsideTheArticle_AreNotBody()
    {
        var a = Parse($"""
            <article><p>{First}</p><p>{Second}</p>
            <a href="/rapid"><h2>Status quo: Das passiert noch beim SK Rapid</h2></a>
            <h3><a href="/olympia">Olympia 2022 – Zeitplan der Nordischen Kombination</a></h3>
            <h2>Wie es weitergeht</h2><p>{Third}</p></article>
            """);

        Assert.Equal([First, Second, "Wie es weitergeht", Third], a.Body);
    }

    [Fact]
    public void Parse_LongCopyrightNoticeAfterTheText_IsDropped()
    {
        const string notice = "© 2022, Kreisblatt.de. Dieser Artikel ist urheberrechtlich geschütztes Eigentum des Kreisblatts. "
            + "Eine Veröffentlichung in Online- oder Printmedien bedarf der schriftlichen Genehmigung der Redaktion; Zuwiderhandlungen werden verfolgt.";

        var a = Parse($"""<article><p>{First}</p><p>{Second}</p><p>{Third}</p><p>{notice}</p></article>""");

        Assert.Equal([First, Second, Third], a.Body);
    }

    [Fact]
    public void Parse_GreetingLineAboveTheText_IsKept()
    {
        var a = Parse($"""<article><p>Liebe Leserinnen,</p><p>{First}</p><p>{Second}</p></article>""");

        Assert.Equal(["Liebe Leserinnen,", First, Second], a.Body);
    }

    [Theory]
    [InlineData("„Wir fahren wieder.“")]
    [InlineData("Das war’s.")]
    [InlineData("فهل تعود العبّارة؟")]
    public void Parse_ShortSentenceEndingTheText_IsKept(string sentence)
    {
        var a = Parse($"""<article><p>{First}</p><p>{Second}</p><p>{sentence}</p></article>""");

        Assert.Equal([First, Second, sentence], a.Body);
    }

    [Fact]
    public void Parse_LeadParagraphSetAsAHeading_IsKeptAsAParagraph()
    {
        var lead = "Lange habe ich diesen vorerst ‚letzten‘ Artikel vor mir hergeschoben – eigentlich bin ich eher der Typ, der Dinge erledigt. "
            + "Doch diesmal war es anders, denn nach acht Jahren verabschiede ich mich von einem Projekt, das mir sehr viel bedeutet hat. "
            + "Danke an alle, die mitgelesen haben.";

        var a = Parse($"""<article><h3>{lead}</h3><p>{First}</p><p>{Second}</p><p>{Third}</p></article>""");

        Assert.Equal([lead, First, Second, Third], a.Body);
        Assert.DoesNotContain("### ", a.BodyMarkdown, StringComparison.Ordinal);
    }

    private const string Standfirst = "Nach acht Monaten Pause fährt die Fähre über den Fluss ab Juni wieder – das Land zahlt die Hälfte der Reparatur.";

    private static string WithSummary(string summary) =>
        $"""<title>Fähre fährt wieder</title><meta property="og:description" content="{summary}">""";

    [Fact]
    public void Parse_SummaryShownAboveTheArticleOutsideItsContainer_LeadsTheText()
    {
        var a = Parse($"""
            <div class="intro"><h1>Fähre fährt wieder</h1><p class="teaser">{Standfirst}</p></div>
            <div class="story"><p>{First}</p><p>{Second}</p><p>{Third}</p></div>
            """, WithSummary(Standfirst));

        Assert.Equal([Standfirst, First, Second, Third], a.Body);
    }

    [Fact]
    public void Parse_SummaryOnlyInTheMetadata_IsNotAddedToTheText()
    {
        var a = Parse($"""<div class="story"><p>{First}</p><p>{Second}</p><p>{Third}</p></div>""", WithSummary(Standfirst));

        Assert.Equal([First, Second, Third], a.Body);
    }

    [Fact]
    public void Parse_SummaryShownOnlyInTheSiteFooter_IsNotAddedToTheText()
    {
        var a = Parse($"""
            <div class="story"><p>{First}</p><p>{Second}</p><p>{Third}</p></div>
            <footer><p>{Standfirst}</p></footer>
            """, WithSummary(Standfirst));

        Assert.Equal([First, Second, Third], a.Body);
    }

    [Fact]
    public void Parse_SummaryRepeatingTheFirstParagraphBehindABylineAndDropCap_IsNotAddedAgain()
    {
        var a = Parse($"""
            <div class="banner"><p>von Anna Roth · D {First[1..]}</p></div>
            <div class="story"><p>{First}</p><p>{Second}</p><p>{Third}</p></div>
            """, WithSummary($"von Anna Roth · D {First[1..]}"));

        Assert.Equal([First, Second, Third], a.Body);
    }

    [Fact]
    public void Parse_TextOnlyInJsonLdArticleBody_TakesTheArticleBody()
    {
        var ld = $$"""<script type="application/ld+json">{"@type":"NewsArticle","headline":"Fähre fährt wieder","articleBody":"{{First}}\n{{Second}}\n{{Third}}"}</script>""";

        var a = Parse("""<div id="app">Wird geladen …</div>""", "<title>Fähre fährt wieder</title>" + ld);

        Assert.Equal([First, Second, Third], a.Body);
    }

    [Fact]
    public void Parse_FigureCaptionsCreditsAndReadAlsoLists_AreDroppedNotBody()
    {
        var a = Parse($"""
            <article><p>{First}</p>
            <figure><img src="/f.jpg" alt="Fähre"><figcaption>Die Fähre am Anleger im Mai.</figcaption></figure>
            <p class="image-credit">Foto: Anna Roth</p>
            <p>{Second}</p><p>Quelle: Landratsamt</p><p>{Third}</p>
            <p>Lesen Sie auch:</p><p><a href="/a">Neue Brücke geplant</a></p><p>Hochwasser: Bilanz</p>
            <p>*Werbung: Dieser Beitrag enthält Affiliate-Links.</p></article>
            """);

        Assert.Equal([First, Second, Third], a.Body);
        Assert.Contains("Foto: Anna Roth", a.Dropped);
        Assert.Contains("Die Fähre am Anleger im Mai.", a.Dropped);
    }

    [Fact]
    public void Parse_RubyAnnotations_AreLeftOutOfTheText()
    {
        var a = Parse("<article><p><ruby>子<rt>こ</rt></ruby>どもへの<ruby>虐待<rp>(</rp><rt>ぎゃくたい</rt><rp>)</rp></ruby>をなくすための法律ができて、親が子どもを教育するために、たたいたりする体罰を禁止することになりました。</p></article>");

        Assert.Equal(["子どもへの虐待をなくすための法律ができて、親が子どもを教育するために、たたいたりする体罰を禁止することになりました。"], a.Body);
    }

    [Fact]
    public void Parse_CookieNoticeInGerman_IsNotTheArticle()
    {
        var a = Parse($"""<div class="notice"><p>Diese Website verwendet Cookies, damit wir dir die bestmögliche Benutzererfahrung bieten können. Mit der Nutzung akzeptierst du das.</p></div><div class="inhalt"><p>{First}</p><p>{Second}</p></div>""");

        Assert.Equal([First, Second], a.Body);
    }

    [Fact]
    public void Parse_LeadParagraphInTheArticlesHeader_IsTheFirstParagraph()
    {
        const string lead = "Nach monatelanger Pause soll die Fähre ab Juni wieder täglich fahren – für Pendler eine gute Nachricht.";
        var a = Parse($"""
            <header class="site"><a href="/">Kreisblatt</a> <a href="/lokal">Lokales</a> <a href="/sport">Sport</a></header>
            <article><header><h1>Fähre fährt wieder</h1><p class="lead">{lead}</p></header>
            <div class="story"><div class="story-body"><p>{First}</p><p>{Second}</p><p>{Third}</p></div></div></article>
            """);

        Assert.Equal([lead, First, Second, Third], a.Body);
    }

    [Fact]
    public void Parse_StandfirstAboveTheBodysWrapper_IsKeptAndTheShareBoxBelowIsNot()
    {
        const string lead = "Die Fähre über den Fluss fährt ab Juni wieder: Der Gemeinderat hat das Geld dafür freigegeben.";
        const string fourth = "Die Fähre war im März nach einem Motorschaden stillgelegt worden; ein Ersatzmotor ist inzwischen bestellt.";
        const string fifth = "Fahrgäste zahlen weiter 1,50 Euro, Schüler fahren frei, wie der Landkreis am Mittwoch mitteilte.";
        var a = Parse($"""
            <div class="article"><div class="top"><p>{lead}</p></div>
            <div class="body-wrap"><div class="text"><p>{First}</p><p>{Second}</p><p>{Third}</p><p>{fourth}</p><p>{fifth}</p></div>
            <div class="share"><a href="https://x.example/share">Teilen</a></div></div></div>
            <div class="more"><a href="/a">Neue Brücke geplant</a><a href="/b">Hochwasser: Bilanz</a></div>
            """);

        Assert.Equal([lead, First, Second, Third, fourth, fifth], a.Body);
    }

    [Fact]
    public void Parse_ArticleOnlyInNoscript_IsReadAsAReaderWithoutScriptsSeesIt()
    {
        var a = Parse($"""<div id="app" class="loading"></div><noscript><div class="post-body"><p>{First}</p><p>{Second}</p><p>{Third}</p></div></noscript>""");

        Assert.Equal([First, Second, Third], a.Body);
    }

    [Fact]
    public void Parse_ArticleInsideAnAside_IsFoundWhenNothingElseHoldsText()
    {
        var a = Parse($"""<nav><a href="/">Start</a></nav><main><aside class="content-direct"><article><p>{First}</p><p>{Second}</p><p>{Third}</p></article></aside></main>""");

        Assert.Equal([First, Second, Third], a.Body);
    }

    [Fact]
    public void Parse_NoscriptBesideTheArticle_StaysOut()
    {
        var a = Parse($"""<article><p>{First}</p><p>{Second}</p><p>{Third}</p></article><noscript><p>Bitte aktivieren Sie JavaScript, um alle Funktionen dieser Seite zu nutzen, und laden Sie die Seite neu.</p></noscript>""");

        Assert.Equal([First, Second, Third], a.Body);
    }

    [Theory]
    [InlineData("Síguenos en Telegram, Instagram, Facebook y Twitter para recibir en directo todas nuestras actualizaciones.")]
    [InlineData("For the latest stories, subscribe to our e-paper edition or download the app for iOS and Android.")]
    [InlineData("Folgen Sie uns auf Instagram und abonnieren Sie unseren Newsletter!")]
    [InlineData("Submit your letter to the editor via this form.")]
    [InlineData("Werden Sie Mitglied und erhalten Sie exklusive Angebote!")]
    [InlineData("HAZTE MIEMBRO Y DISFRUTA DE BENEFICIOS EXCLUSIVOS")]
    public void Parse_AppealToFollowSubscribeOrDownload_IsDroppedWhereverItStands(string appeal)
    {
        var a = Parse($"""<article><p>{First}</p><p>{appeal}</p><p>{Second}</p><p>{Third}</p></article>""");

        Assert.Equal([First, Second, Third], a.Body);
        Assert.Contains(appeal, a.Dropped);
    }

    [Fact]
    public void Parse_NewsAboutAppsAndNetworks_IsKept()
    {
        const string news = "Twitter und Facebook haben die App am Montag aus den Stores für iOS und Android entfernt.";
        var a = Parse($"""<article><p>{First}</p><p>{news}</p><p>{Second}</p></article>""");

        Assert.Equal([First, news, Second], a.Body);
    }

    [Fact]
    public void Parse_NewsAboutMembersAndMagazines_IsKept()
    {
        const string news = "Der Verein hat 240 Mitglieder; sein Magazin erscheint viermal im Jahr, wie der Editor der Ausgabe sagte.";
        var a = Parse($"""<article><p>{First}</p><p>{news}</p><p>{Second}</p></article>""");

        Assert.Equal([First, news, Second], a.Body);
    }

    [Fact]
    public void Parse_SectionHeadingsThatOpenWithARelatedOrCommentsLabel_DropTheirTeasers()
    {
        var a = Parse($"""
            <article><p>{First}</p><p>{Second}</p><p>{Third}</p>
            <h2>Mehr zum Thema auf Kreisblatt.de</h2><p><a href="/a">Neue Brücke geplant</a></p><p><a href="/b">Hochwasser: die Bilanz</a></p>
            <h3>Kommentare (2)</h3><p>Endlich! Jörg, 14:02</p><p>Wurde auch Zeit.</p></article>
            """);

        Assert.Equal([First, Second, Third], a.Body);
        Assert.Contains("Mehr zum Thema auf Kreisblatt.de", a.Dropped);
    }

    [Fact]
    public void Parse_HeadlineThatStartsWithALabelWord_IsKeptAsASubheading()
    {
        const string heading = "Trending down: why fuel prices fell this spring";
        var a = Parse($"""<article><p>{First}</p><h2>{heading}</h2><p>{Second}</p><p>{Third}</p></article>""");

        Assert.Equal([First, heading, Second, Third], a.Body);
    }

    [Fact]
    public void Parse_VideoPageWhoseTextIsItsDescription_LeadsWithTheDescription()
    {
        const string Summary = "Die Fähre über den Fluss fährt ab Sommer wieder: Gemeinde und Land teilen sich die Kosten, Anwohner sparen 20 Kilometer Umweg.";

        var a = Parse("""<div class="player"><p>Video verfügbar bis 28.02.2026</p></div>""", $"""<title>Fähre fährt wieder</title><meta property="og:description" content="{Summary}">""");

        Assert.Equal([Summary, "Video verfügbar bis 28.02.2026"], a.Body);
    }

    [Fact]
    public void Parse_PageWithOnlyADescription_IsAnsweredWithIt_NotRefused()
    {
        const string Summary = "Die Fähre über den Fluss fährt ab Sommer wieder: Gemeinde und Land teilen sich die Kosten, Anwohner sparen 20 Kilometer Umweg.";

        var a = Parse("""<div id="app"></div>""", $"""<title>Fähre fährt wieder</title><meta name="description" content="  {Summary}  ">""");

        Assert.Equal([Summary], a.Body);
    }

    [Fact]
    public void Parse_DescriptionThatRepeatsTheShortArticle_IsNotAddedAgain()
    {
        // The description cuts the first paragraph short with an ellipsis, and writes its dash and quotes differently.
        var a = Parse($"""<article><p>{First}</p></article>""", $"""<title>Fähre fährt wieder</title><meta name="description" content="{First[..90]}...">""");

        Assert.Equal([First], a.Body);
    }

    [Fact]
    public void Parse_LoginDialogFullOfMessages_IsNeverTheArticle()
    {
        var messages = string.Concat(Enumerable.Range(1, 30).Select(i =>
            $"<p>Das Passwort muss mindestens {i + 7} Zeichen lang sein und einen Großbuchstaben enthalten, sonst klappt die Anmeldung nicht.</p>"));

        var a = Parse($"""
            <div class="modal login-dialog"><form><label>E-Mail <input type="email"></label><label>Passwort <input type="password"></label>{messages}</form></div>
            <main><article><p>{First}</p><p>{Second}</p><p>{Third}</p></article></main>
            """);

        Assert.Equal([First, Second, Third], a.Body);
    }

    [Fact]
    public void Parse_ArticleInAFormWrappingTheWholePage_StaysWithItsSignInBox()
    {
        // ASP.NET pages wrap everything in one form; a sign-in box inside it is the page's, not the form's reason to go.
        var a = Parse($"""
            <form id="aspnetForm"><div class="login-box"><input type="text"><input type="password"><button>Anmelden</button></div>
            <div id="content"><p>{First}</p><p>{Second}</p><p>{Third}</p></div></form>
            """);

        Assert.Equal([First, Second, Third], a.Body);
    }

    [Fact]
    public void Parse_SectionsWhoseModifierNamesAds_AreStillArticleText()
    {
        // BEM: "report__section--ads" is a section of the report that carries ad slots, not an ad.
        var intro = string.Concat(Enumerable.Range(1, 9).Select(i => $"<p>{First} ({i})</p>"));
        var section = string.Concat(Enumerable.Range(1, 4).Select(i => $"<p>{Second} ({i})</p>"));
        var a = Parse($"""
            <article class="report"><section class="report__section">{intro}</section>
            <section class="report__section report__section--ads">{section}</section></article>
            <aside class="ads"><p>Jetzt im Angebot: Fährtickets zum halben Preis, nur diese Woche im Kundencenter am Hafen.</p></aside>
            """);

        Assert.Equal(13, a.Body.Count);
        Assert.Equal($"{Second} (4)", a.Body[^1]);
    }

    [Fact]
    public void Parse_WrapperNamedShared_IsTheSitesFrameNotAShareBar()
    {
        const string Fourth = "Die erste Fahrt ist für den 1. Juni geplant; bis dahin wird der Anleger auf beiden Seiten des Flusses erneuert.";
        var a = Parse($"""
            <div id="m-shared-nav-content-inner"><div class="push-widget"><p>Wir würden Ihnen gern Mitteilungen zu neuen Artikeln senden.</p></div>
            <article><p>{First}</p><p>{Second}</p><p>{Third}</p><p>{Fourth}</p></article></div>
            """);

        Assert.Equal([First, Second, Third, Fourth], a.Body);
    }

    [Fact]
    public void Parse_ShortLeadInTheArticlesOwnHeader_IsKept_TheSiteHeaderIsNot()
    {
        const string Lead = "Nach fast einem Jahr Pause fährt die Fähre wieder.";
        var a = Parse($"""
            <header><p>Kreisblatt – Nachrichten aus der Region seit 1848</p></header>
            <article><header><h1>Fähre fährt wieder</h1><p>{Lead}</p></header><p>{First}</p><p>{Second}</p><p>{Third}</p></article>
            """);

        Assert.Equal([Lead, First, Second, Third], a.Body);
    }

    [Fact]
    public void Parse_RelatedBoxInsideTheArticle_KeepsTheShortParagraphsAfterTheTextResumes()
    {
        const string Short = "Die erste Fahrt ist für den 1. Juni geplant.";
        var a = Parse($"""
            <article><p>{First}</p><h3>Related</h3><p>Brücke über die Saale wird saniert</p>
            <p>{Second} {Third}</p><p>{Short}</p></article>
            """);

        Assert.Equal([First, $"{Second} {Third}", Short], a.Body);
    }

    [Fact]
    public void Parse_StandfirstInTheArticlesHeaderLevelsAwayFromTheBody_LeadsTheText()
    {
        const string Lead = "Nach fast einem Jahr Pause fährt die Fähre über den Fluss wieder, und die Anwohner sparen sich den Umweg";
        var body = string.Concat(Enumerable.Range(1, 6).Select(i => $"<p>{First} ({i})</p>"));
        var a = Parse($"""
            <article><header><div class="x1"><div class="x2"><p>{Lead}</p></div></div></header>
            <div class="x3"><div class="x4"><div id="main">{body}</div>
            <div class="x5"><p>Anna Müller schreibt seit 2010 für das Kreisblatt über Verkehr und die Häfen an der Elbe; vorher war sie Lotsin in Hamburg und Cuxhaven, und sie fährt selbst jeden Tag mit der Fähre.</p></div></div></div></article>
            """);

        Assert.Equal([Lead, $"{First} (1)"], a.Body.Take(2));
    }
}
