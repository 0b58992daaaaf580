using NewsReader.Extraction.Html;

namespace NewsReader.Tests.Extraction;

public sealed class TitleTests
{
    [Theory]
    [InlineData("Ferry terminal to be rebuilt | Port Courier", "Port Courier", null, "Ferry terminal to be rebuilt")]
    [InlineData("Ferry terminal to be rebuilt - Port Courier", "Port Courier", null, "Ferry terminal to be rebuilt")]
    [InlineData("Ferry terminal to be rebuilt – The Port Courier", "Port Courier", null, "Ferry terminal to be rebuilt")]
    [InlineData("Ferry terminal to be rebuilt | World news | Port Courier", "Port Courier", null, "Ferry terminal to be rebuilt")]
    [InlineData("Ferry terminal to be rebuilt — portcourier.com", null, "www.portcourier.com", "Ferry terminal to be rebuilt")]
    [InlineData("Port Courier: Ferry terminal to be rebuilt", "Port Courier", null, "Ferry terminal to be rebuilt")]
    [InlineData("Ukraine war - live: talks resume in Geneva", "Port Courier", null, "Ukraine war - live: talks resume in Geneva")]
    [InlineData("Rock - paper - scissors championship returns", null, null, "Rock - paper - scissors championship returns")]
    [InlineData("Tom &amp; Jerry return to cinemas", null, null, "Tom & Jerry return to cinemas")]
    public void Site_suffixes_and_prefixes_are_removed_and_real_dashes_kept(string title, string? site, string? host, string expected) =>
        Assert.Equal(expected, Titles.Clean(title, site, host));

    [Fact]
    public void A_title_is_split_where_a_heading_on_the_page_matches()
    {
        Assert.Equal(("Volunteers restore a lighthouse", "Coastal Blog"), Titles.SplitOnHeading("Coastal Blog: Volunteers restore a lighthouse", ["Coastal Blog", "Volunteers restore a lighthouse"]));
        Assert.Null(Titles.SplitOnHeading("Coastal Blog: Volunteers restore a lighthouse", ["Something else"]));
    }

    [Theory]
    [InlineData("Volunteers restore a lighthouse | Coastal Blog")]
    [InlineData("Coastal Blog | Volunteers restore a lighthouse")]
    [InlineData("Coastal Blog – Volunteers restore a lighthouse")]
    public void When_both_sides_are_headings_the_one_further_down_is_the_title_and_the_logo_above_it_the_site(string title)
    {
        var a = HtmlPages.Parse(
            $"<title>{title}</title>",
            """<header><h1 class="logo">Coastal Blog</h1></header>""",
            "<h1>Volunteers restore a lighthouse</h1><p>The lamp room was rebuilt by forty volunteers over two summers, and the light shines again.</p>");

        Assert.Equal("Volunteers restore a lighthouse", a.Title);
        Assert.Equal("Coastal Blog", a.Site);
    }

    [Fact]
    public void A_json_ld_headline_cut_short_gives_way_to_the_full_title()
    {
        var ld = """<script type="application/ld+json">{"@type":"NewsArticle","headline":"Bridge opens to traffic as island residents mark the end of…"}</script>""";
        var a = HtmlPages.Parse(ld + """<meta property="og:title" content="Bridge opens to traffic as island residents mark the end of ferry-only travel">""");

        Assert.Equal("Bridge opens to traffic as island residents mark the end of ferry-only travel", a.Title);
    }

    [Theory]
    [InlineData("D.O.Ca. Rioja, Spanien – Iberische Weine in Berlin – Vinos y Tapas", "D.O.Ca. Rioja, Spanien", "D.O.Ca. Rioja, Spanien")]
    [InlineData("Grundeinkommen ist ein Menschenrecht! › Piratenpartei Mecklenburg-Vorpommern", "Grundeinkommen ist ein Menschenrecht!", "Grundeinkommen ist ein Menschenrecht!")]
    [InlineData("Pressemitteilung › Endlich mehr Beschleunigung wagen!", "Endlich mehr Beschleunigung wagen!", "Pressemitteilung › Endlich mehr Beschleunigung wagen!")]
    public void A_page_title_that_goes_on_after_the_pages_one_h1_past_a_separator_gives_the_h1_but_not_one_that_ends_with_it(string title, string h1, string expected)
    {
        var a = HtmlPages.Parse($"<title>{title}</title>", $"<h1>{h1}</h1>");

        Assert.Equal(expected, a.Title);
    }
}
