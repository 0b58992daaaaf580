namespace NewsReader.Tests.Extraction;

/// <summary>Each metadata source on its own, and the order they are trusted in.</summary>
public sealed class HtmlMetadataTests
{
    private const string LdArticle = """
        <script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Ferry terminal to be rebuilt",
        "author":[{"@type":"Person","name":"Dana Whitlock"},{"@type":"Person","name":"Luis Ortega"}],
        "datePublished":"2025-03-04T18:22:41+01:00","dateModified":"2025-03-05T07:00:00+01:00","publisher":{"@type":"Organization","name":"Port Courier"}}</script>
        """;

    [Fact]
    public void Json_ld_gives_headline_all_authors_dates_with_their_offset_and_publisher()
    {
        var a = HtmlPages.Parse(LdArticle + "<title>Something else | Other</title>");

        Assert.Equal("Ferry terminal to be rebuilt", a.Title);
        Assert.Equal(["Dana Whitlock", "Luis Ortega"], a.Authors);
        Assert.Equal("2025-03-04T18:22:41+01:00", a.Published);
        Assert.Equal("2025-03-05T07:00:00+01:00", a.Updated);
        Assert.Equal("Port Courier", a.Site);
    }

    [Fact]
    public void Json_ld_beats_meta_tags_which_beat_the_visible_byline()
    {
        var meta = """<meta property="og:title" content="Meta title"><meta property="og:site_name" content="Meta Site"><meta name="author" content="Meta Author"><meta property="article:published_time" content="2025-01-02T03:04:05Z">""";
        var byline = """<p class="byline">By Visible Person | May 9, 2025</p>""";

        var withLd = HtmlPages.Parse(LdArticle + meta, byline);
        var withoutLd = HtmlPages.Parse(meta, byline);
        var bylineOnly = HtmlPages.Parse("<title>Byline only</title>", byline);

        Assert.Equal(("Ferry terminal to be rebuilt", "Port Courier", "Dana Whitlock"), (withLd.Title, withLd.Site, withLd.Authors[0]));
        Assert.Equal(("Meta title", "Meta Site", "Meta Author", "2025-01-02T03:04:05+00:00"), (withoutLd.Title, withoutLd.Site, withoutLd.Authors[0], withoutLd.Published));
        Assert.Equal(["Visible Person"], bylineOnly.Authors);
        Assert.Equal("2025-05-09", bylineOnly.Published);
    }

    [Fact]
    public void Graph_references_are_resolved_for_author_and_publisher()
    {
        var graph = """
            <script type="application/ld+json">{"@context":"https://schema.org","@graph":[
              {"@type":"WebPage","@id":"https://x.example/a/","name":"A page"},
              {"@type":["Article","NewsArticle"],"headline":"Graph headline","author":{"@id":"https://x.example/#/person/1"},
               "publisher":{"@id":"https://x.example/#org"},"datePublished":"2025-02-01"},
              {"@type":"Person","@id":"https://x.example/#/person/1","name":"Mina Park"},
              {"@type":"Organization","@id":"https://x.example/#org","name":"Graph Gazette"}]}</script>
            """;

        var a = HtmlPages.Parse(graph);

        Assert.Equal(("Graph headline", "Graph Gazette", "2025-02-01"), (a.Title, a.Site, a.Published));
        Assert.Equal(["Mina Park"], a.Authors);
    }

    [Fact]
    public void Parsely_sailthru_and_dublin_core_meta_are_read()
    {
        var parsely = HtmlPages.Parse("""<meta name="parsely-title" content="Parsely title"><meta name="parsely-author" content="Ann One"><meta name="parsely-author" content="Ben Two"><meta name="parsely-pub-date" content="2025-04-01T10:00:00-07:00">""");
        var sailthru = HtmlPages.Parse("""<meta name="sailthru.title" content="Sailthru title"><meta name="sailthru.author" content="Cat Three"><meta name="sailthru.date" content="2025-04-02 09:30:00">""");
        var dublin = HtmlPages.Parse("""<meta name="DC.title" content="DC title"><meta name="DC.creator" content="Dee Four"><meta name="DC.publisher" content="DC Press"><meta name="DC.date" content="2025-04-03">""");

        Assert.Equal(("Parsely title", "2025-04-01T10:00:00-07:00"), (parsely.Title, parsely.Published));
        Assert.Equal(["Ann One", "Ben Two"], parsely.Authors);
        Assert.Equal(("Sailthru title", "Cat Three", "2025-04-02T09:30:00"), (sailthru.Title, sailthru.Authors[0], sailthru.Published));
        Assert.Equal(("DC title", "Dee Four", "DC Press", "2025-04-03"), (dublin.Title, dublin.Authors[0], dublin.Site, dublin.Published));
    }

    [Fact]
    public void Microdata_and_time_elements_are_read_when_there_is_no_json_ld_or_meta()
    {
        var micro = HtmlPages.Parse("<title>x</title>", """
            <div itemscope itemtype="https://schema.org/NewsArticle"><h1 itemprop="headline">Microdata headline</h1>
            <span itemprop="author" itemscope itemtype="https://schema.org/Person"><span itemprop="name">Eve Five</span></span>
            <time itemprop="datePublished" datetime="2025-05-06T07:08:09+02:00">May 6</time></div>
            """);
        var time = HtmlPages.Parse("<title>Time element page</title>", """<div class="meta"><time datetime="2025-06-07">June 7</time></div>""");

        Assert.Equal(("Microdata headline", "2025-05-06T07:08:09+02:00"), (micro.Title, micro.Published));
        Assert.Equal(["Eve Five"], micro.Authors);
        Assert.Equal("2025-06-07", time.Published);
    }

    [Theory]
    [InlineData("2025-02-30T10:00:00Z", "impossible day")]
    [InlineData("2999-01-01T00:00:00Z", "future")]
    [InlineData("yesterday-ish", "not a date")]
    public void Impossible_and_future_dates_are_refused_and_the_next_source_is_used(string bad, string why)
    {
        var a = HtmlPages.Parse($"""<meta property="article:published_time" content="{bad}"><title>t</title>""", """<time datetime="2025-01-15T12:00:00+00:00">Jan 15</time>""");

        Assert.True(a.Published == "2025-01-15T12:00:00+00:00", $"{why}: got {a.Published}");
    }

    [Fact]
    public void An_outlet_name_and_staff_labels_are_not_authors()
    {
        var ld = """
            <script type="application/ld+json">{"@type":"NewsArticle","headline":"h","publisher":{"name":"Harbour News"},
            "author":[{"@type":"Organization","name":"Harbour News"},{"@type":"Person","name":"Harbour News Staff"},{"@type":"Person","name":"Staff"},
            {"@type":"Person","name":"Reuters"},{"@type":"Person","name":"Ola Nordmann"}]}</script>
            """;

        Assert.Equal(["Ola Nordmann"], HtmlPages.Parse(ld).Authors);
    }

    [Fact]
    public void Author_strings_with_several_names_are_split_and_urls_skipped()
    {
        var a = HtmlPages.Parse("""<meta name="author" content="By Ann Lee, Bo Chan and Cy Diaz"><meta property="article:author" content="https://x.example/ann">""");

        Assert.Equal(["Ann Lee", "Bo Chan", "Cy Diaz"], a.Authors);
    }

    [Fact]
    public void Canonical_url_and_language_are_kept()
    {
        var canonical = HtmlPages.Parse("""<link rel="canonical" href="https://news.example/a/1"><meta property="og:url" content="https://news.example/og">""", lang: "en-GB");
        var ogOnly = HtmlPages.Parse("""<meta property="og:url" content="https://news.example/og"><meta property="og:locale" content="fr_FR">""", lang: "");

        Assert.Equal(("https://news.example/a/1", "en-GB"), (canonical.CanonicalUrl, canonical.Language));
        Assert.Equal(("https://news.example/og", "fr-FR"), (ogOnly.CanonicalUrl, ogOnly.Language));
    }

    [Fact]
    public void Broken_json_ld_is_skipped_with_a_warning_and_meta_tags_take_over()
    {
        var a = HtmlPages.Parse("""<script type="application/ld+json">{"@type":"NewsArticle","headline": </script><meta property="og:title" content="From meta">""");

        Assert.Equal("From meta", a.Title);
        Assert.Contains("A JSON-LD block is not valid JSON and was skipped.", a.Warnings);
    }
}
