namespace NewsReader.Tests.Extraction;

/// <summary>Site, authors and bylines the way real pages write them.</summary>
public sealed class MetadataOnRealPagesTests
{
    [Fact]
    public void Parse_PublisherOnlyReferencedByIdInTheGraph_PrefersOgSiteName()
    {
        var ld = """
            <script type="application/ld+json">{"@context":"https://schema.org","@graph":[
            {"@type":"NewsArticle","headline":"Ferry terminal to be rebuilt","publisher":{"@id":"https://media.example/#org"}},
            {"@type":"Organization","@id":"https://media.example/#org","name":"Harbour Media Holdings GmbH"}]}</script>
            """;

        var a = HtmlPages.Parse(ld + """<meta property="og:site_name" content="Port Courier">""");

        Assert.Equal("Port Courier", a.Site);
    }

    [Theory]
    [InlineData("Reuters")]
    [InlineData("Metro Staff")]
    public void Parse_OnlyCreditIsAnAgencyOrDesk_ReturnsIt(string credit)
    {
        var a = HtmlPages.Parse($"""<title>Ferry terminal to be rebuilt</title><meta name="author" content="{credit}">""");

        Assert.Equal([credit], a.Authors);
    }

    [Fact]
    public void Parse_AgencyBesideAPerson_KeepsOnlyThePerson()
    {
        var a = HtmlPages.Parse("""<title>Ferry terminal</title><meta name="author" content="Dana Whitlock"><meta name="author" content="Reuters">""");

        Assert.Equal(["Dana Whitlock"], a.Authors);
    }

    [Theory]
    [InlineData("Von Anna Müller", "Anna Müller")]
    [InlineData("Par Jean Dupont", "Jean Dupont")]
    [InlineData("Por María Pérez", "María Pérez")]
    public void Parse_LocalisedByPrefix_IsStrippedFromTheAuthor(string meta, string name)
    {
        var a = HtmlPages.Parse($"""<title>Ferry terminal</title><meta name="author" content="{meta}">""");

        Assert.Equal([name], a.Authors);
    }

    [Theory]
    [InlineData("Rob Picheta, CNN", "Rob Picheta")]
    [InlineData("Jane Doe, MS, RDN", "Jane Doe")]
    [InlineData("Dr. Amal Haddad, MD, MPH", "Dr. Amal Haddad")]
    [InlineData("Zoë Ørsted, Port Courier", "Zoë Ørsted")]
    [InlineData("Li Wei, hessenschau.de", "Li Wei")]
    public void Parse_NameFollowedByOutletOrCredentials_KeepsTheNameAlone(string meta, string name)
    {
        var a = HtmlPages.Parse($"""<title>Ferry terminal</title><meta property="og:site_name" content="Port Courier"><meta name="author" content="{meta}">""");

        Assert.Equal([name], a.Authors);
    }

    [Theory]
    [InlineData("Zeige alle Beiträge von Anna Müller →", "Anna Müller")]
    [InlineData("View all posts by Dana Whitlock", "Dana Whitlock")]
    [InlineData("Tous les articles de Jean Dupont", "Jean Dupont")]
    public void Parse_AuthorArchiveLinkLabel_GivesTheNameAlone(string label, string name)
    {
        var a = HtmlPages.Parse("<title>Ferry terminal</title>", $"""<p class="byline"><a rel="author" href="/author/x">{label}</a></p>""");

        Assert.Equal([name], a.Authors);
    }

    [Theory]
    [InlineData("By")]
    [InlineData("Von")]
    [InlineData("Autor:")]
    [InlineData("SHARE")]
    [InlineData("vor 5 Stunden")]
    public void Parse_LabelWithoutAName_IsNoAuthor(string label)
    {
        var a = HtmlPages.Parse($"""<title>Ferry terminal</title><meta name="author" content="{label}">""");

        Assert.Empty(a.Authors);
    }

    [Fact]
    public void Parse_SiteNamedNowhere_IsTheDomainOfTheCanonicalAddress()
    {
        var a = HtmlPages.Parse("""<title>Fährbetrieb ab Juni</title><link rel="canonical" href="https://www.golf-kurier.de/news/faehre">""");

        Assert.Equal("golf-kurier.de", a.Site);
    }

    [Fact]
    public void Parse_PageTypedOnlyAsAWebPage_TakesItsAuthorByReferenceAndItsDate()
    {
        var ld = """
            <script type="application/ld+json">{"@context":"https://schema.org","@graph":[
            {"@type":"WebPage","@id":"https://verein.example/faehre/","name":"Fähre","datePublished":"2022-5-3T23:57:00+02:00",
             "author":{"@id":"https://verein.example/#/schema/person/1f8e"}},
            {"@type":["Person"],"@id":"https://verein.example/#/schema/person/1f8e","name":"Zoë Ağaoğlu"}]}</script>
            """;

        var a = HtmlPages.Parse("<title>Fähre</title>" + ld);

        Assert.Equal(["Zoë Ağaoğlu"], a.Authors);
        Assert.Equal("2022-05-03T23:57:00+02:00", a.Published);
    }

    [Fact]
    public void Parse_GraphDateOfTheWholePage_YieldsToTheArticlesOwnMetaDate()
    {
        var ld = """<script type="application/ld+json">{"@type":"Recipe","name":"Kuchen","datePublished":"2019-01-08"}</script>""";

        var a = HtmlPages.Parse("""<title>Kuchen</title><meta property="article:published_time" content="2019-07-04T11:23:38+02:00">""" + ld);

        Assert.Equal("2019-07-04T11:23:38+02:00", a.Published);
    }

    [Fact]
    public void Parse_PersonalSiteWhosePersonIsTheSiteName_GivesThePersonAsAuthor()
    {
        var ld = """
            <script type="application/ld+json">{"@context":"https://schema.org","@graph":[
            {"@type":"WebSite","@id":"https://schmale.example/#website","name":"Jürgen Schmale"},
            {"@type":"Article","headline":"Abgebrochene Forschung","author":{"@id":"https://schmale.example/#/schema/person/40d8"}},
            {"@type":["Person"],"@id":"https://schmale.example/#/schema/person/40d8","name":"Jürgen Schmale"}]}</script>
            """;

        var a = HtmlPages.Parse("<title>Abgebrochene Forschung</title>" + ld);

        Assert.Equal("Jürgen Schmale", a.Site);
        Assert.Equal(["Jürgen Schmale"], a.Authors);
    }

    [Fact]
    public void Parse_BylineWrittenAsAnAuthorLinkInTheArticleMeta_GivesTheAuthor()
    {
        var a = HtmlPages.Parse(
            "<title>Fähre fährt wieder</title>",
            """<div class="article-meta"><a class="article-author-name" href="/author/jose-nunez/" title="Mehr von diesem Autor">José Núñez</a> <time datetime="2022-05-03">3. Mai 2022</time></div>""");

        Assert.Equal(["José Núñez"], a.Authors);
    }

    [Fact]
    public void Parse_FollowButtonMarkedAsAuthor_IsNoAuthor()
    {
        var a = HtmlPages.Parse("<title>Fähre fährt wieder</title>", """<div class="author-follow">Follow</div>""");

        Assert.Empty(a.Authors);
    }

    [Fact]
    public void Parse_PaperWithCitationAuthors_TakesThemOverTheAuthorsOfTheWorksItCites()
    {
        var ld = """
            <script type="application/ld+json">{"@type":"ScholarlyArticle","headline":"Drug reactions",
            "author":[{"@type":"Person","name":"Şebnem Öztürk"}],
            "citation":[{"@type":"CreativeWork","author":[{"@type":"Person","name":"N. Shear"}]}]}</script>
            """;
        var head = """<title>Drug reactions</title><meta name="citation_author" content="Marwan H. Adwan"><meta name="citation_author" content="Şebnem Öztürk">""";

        var a = HtmlPages.Parse(head + ld, """<div itemscope itemtype="https://schema.org/CreativeWork"><meta itemprop="author" content="P. Grabar"></div>""");

        Assert.Equal(["Marwan H. Adwan", "Şebnem Öztürk"], a.Authors);
    }
}
