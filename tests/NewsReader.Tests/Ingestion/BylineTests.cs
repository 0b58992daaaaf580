using NewsReader.Extraction.Text;

namespace NewsReader.Tests.Ingestion;

public sealed class BylineTests
{
    [Theory]
    [InlineData("By Maria Koval", new[] { "Maria Koval" })]
    [InlineData("By Tom Ashby and Lena Marsh", new[] { "Tom Ashby", "Lena Marsh" })]
    [InlineData("By Priya Nandakumar, Oskar Lind and Bea Thornton", new[] { "Priya Nandakumar", "Oskar Lind", "Bea Thornton" })]
    [InlineData("By Ada Quill, Rowan Petty, and Imogen Sayer", new[] { "Ada Quill", "Rowan Petty", "Imogen Sayer" })]
    [InlineData("BY Ruth Everett-Jones & Ifan Roberts", new[] { "Ruth Everett-Jones", "Ifan Roberts" })]
    [InlineData("Words by Ludwig van Dam and Sara al-Amin", new[] { "Ludwig van Dam", "Sara al-Amin" })]
    public void TryParse_ByNames_ReturnsEachAuthor(string line, string[] authors)
    {
        var byline = Byline.TryParse(line);

        Assert.NotNull(byline);
        Assert.Equal(authors, byline.Authors);
    }

    [Fact]
    public void TryParse_SeedByline_ReadsHandleBureauAndDate()
    {
        var byline = Byline.TryParse("By bno - Taipei Bureau January 17, 2025", "bno IntelliNews")!;

        Assert.Equal(["bno"], byline.Authors);
        Assert.Equal("Taipei Bureau", byline.Bureau);
        Assert.Equal("2025-01-17", byline.Published);
    }

    [Fact]
    public void TryParse_NameDashBureauWithoutBy_ReadsBureau()
    {
        var byline = Byline.TryParse("Kenji Mori - Osaka Bureau")!;

        Assert.Equal(["Kenji Mori"], byline.Authors);
        Assert.Equal("Osaka Bureau", byline.Bureau);
    }

    [Fact]
    public void TryParse_NameInPlace_ReadsPlaceAsBureau()
    {
        var byline = Byline.TryParse("Nikos Pappas in Athens")!;

        Assert.Equal(["Nikos Pappas"], byline.Authors);
        Assert.Equal("Athens", byline.Bureau);
    }

    [Fact]
    public void TryParse_NamePipeDate_ReadsNameAndDate()
    {
        var byline = Byline.TryParse("Delia Ferreira | Jan. 8, 2025")!;

        Assert.Equal(["Delia Ferreira"], byline.Authors);
        Assert.Equal("2025-01-08", byline.Published);
    }

    [Fact]
    public void TryParse_PublishedLabel_ReadsDateOnly()
    {
        var byline = Byline.TryParse("Published: 12 February 2024")!;

        Assert.Empty(byline.Authors);
        Assert.Equal("2024-02-12", byline.Published);
        Assert.Null(byline.Updated);
    }

    [Fact]
    public void TryParse_UpdatedAfterNames_ReadsUpdatedNotPublished()
    {
        var byline = Byline.TryParse("By Amara Obi and Rhys Penhallow | Updated 9 March 2024")!;

        Assert.Equal(["Amara Obi", "Rhys Penhallow"], byline.Authors);
        Assert.Null(byline.Published);
        Assert.Equal("2024-03-09", byline.Updated);
    }

    [Fact]
    public void TryParse_PostedOnDateByName_ReadsBoth()
    {
        var byline = Byline.TryParse("Posted on 24 May 2024 by Hal Berg")!;

        Assert.Equal(["Hal Berg"], byline.Authors);
        Assert.Equal("2024-05-24", byline.Published);
    }

    [Theory]
    [InlineData("By noon, the square was full.")]
    [InlineData("By the end of the night, most stallholders had sold out.")]
    [InlineData("By Tuesday, parliament had voted.")]
    [InlineData("Anna Berg")]
    [InlineData("Ferry services resumed on Thursday.")]
    [InlineData("")]
    public void TryParse_SentenceOrBareName_ReturnsNull(string line) =>
        Assert.Null(Byline.TryParse(line));

    [Fact]
    public void TryParse_VeryLongLine_ReturnsNull() =>
        Assert.Null(Byline.TryParse("By " + string.Join(" and ", Enumerable.Repeat("Ana Ruiz", 30))));

    [Theory]
    [InlineData("By Staff Reporter")]
    [InlineData("By Agencies")]
    [InlineData("By Harbour Post")]
    public void TryParse_StaffOrOutletName_IsNoAuthor(string line)
    {
        var byline = Byline.TryParse(line, "Harbour Post");

        Assert.NotNull(byline);
        Assert.Empty(byline.Authors);
    }

    [Theory]
    [InlineData("By Sven Aalto, Special to the Northern Lakes Journal")]
    [InlineData("By Sven Aalto for The Meridian Standard")]
    public void TryParse_WrittenForAnOutlet_KeepsOnlyTheWriter(string line) =>
        Assert.Equal(["Sven Aalto"], Byline.TryParse(line)!.Authors);

    [Fact]
    public void TryParse_RelativeTimeAfterName_IsNeitherDateNorBureau()
    {
        var byline = Byline.TryParse("By Ana Ruiz | Published 2 hours ago")!;

        Assert.Equal(["Ana Ruiz"], byline.Authors);
        Assert.Null(byline.Bureau);
        Assert.Null(byline.Published);
    }

    [Theory]
    [InlineData("By Ana Ruiz @anaruiz")]
    [InlineData("By Ana Ruiz ana.ruiz@harbour-gazette.example")]
    public void TryParse_NameWithHandleOrEmail_KeepsOnlyTheName(string line) =>
        Assert.Equal(["Ana Ruiz"], Byline.TryParse(line)!.Authors);

    [Fact]
    public void TryParse_UpdatedBeforePublished_ReadsBoth()
    {
        var byline = Byline.TryParse("Updated March 4, 2024, Published March 3, 2024")!;

        Assert.Equal("2024-03-03", byline.Published);
        Assert.Equal("2024-03-04", byline.Updated);
    }

    [Fact]
    public void TryParse_DatelineWithUnreadableDate_SaysNothingRatherThanGuessing()
    {
        var byline = Byline.TryParse("Published 03/04/2024");

        Assert.NotNull(byline);
        Assert.Empty(byline.Authors);
        Assert.Null(byline.Published);
        Assert.Null(byline.Updated);
        Assert.Null(byline.Bureau);
    }

    [Theory]
    [InlineData("Ana Ruiz and Tom Ashby", new[] { "Ana Ruiz", "Tom Ashby" })]
    [InlineData("Nadia Rahman", new[] { "Nadia Rahman" })]
    public void TryParseNames_BareNames_ReadsThem(string line, string[] authors) =>
        Assert.Equal(authors, Byline.TryParseNames(line)!.Authors);

    [Theory]
    [InlineData("The mayor resigned.")]
    [InlineData("She left the building and never came back to the town hall again")]
    [InlineData("features")]
    public void TryParseNames_Sentence_ReturnsNull(string line) =>
        Assert.Null(Byline.TryParseNames(line));

    [Fact]
    public void TryParse_NameWithJobTitle_KeepsOnlyTheName() =>
        Assert.Equal(["Anna Berg"], Byline.TryParse("By Anna Berg, Political Editor")!.Authors);

    [Theory]
    [InlineData("von Mathilda Roth Veröffentlicht: 26.12.2022", "Mathilda Roth", "2022-12-26")]
    [InlineData("Par Élise Durand · Publié le 3 février 2024", "Élise Durand", "2024-02-03")]
    [InlineData("Por María Pérez | Publicado el 17 de enero de 2025", "María Pérez", "2025-01-17")]
    public void TryParse_LocalisedPublishedLabel_GivesTheNameAndTheDate(string line, string author, string date)
    {
        var byline = Byline.TryParse(line);

        Assert.NotNull(byline);
        Assert.Equal([author], byline.Authors);
        Assert.Equal(date, byline.Published?[..10]);
    }

    [Fact]
    public void TryParse_LocalisedUpdatedLabel_IsTheUpdateNotThePublication()
    {
        var byline = Byline.TryParse("Veröffentlicht am 14. März 2025 · Aktualisiert am 15. März 2025");

        Assert.NotNull(byline);
        Assert.Equal("2025-03-14", byline.Published?[..10]);
        Assert.Equal("2025-03-15", byline.Updated?[..10]);
    }
    [Theory]
    [InlineData("Mittwoch, 12. März 2025", "2025-03-12")]
    [InlineData("Stand: 17.01.2025, 14:30 Uhr", "2025-01-17")]
    [InlineData("Jueves, 3 de abril de 2025", "2025-04-03")]
    [InlineData("Datum: 17.01.2025", "2025-01-17")]
    [InlineData("Tuesday, March 4, 2025 10:15 CET", "2025-03-04")]
    public void TryParse_DateWithItsWeekdayLabelOrClock_ReadsTheDateAndNoAuthor(string line, string date)
    {
        var byline = Byline.TryParse(line);

        Assert.NotNull(byline);
        Assert.Empty(byline.Authors);
        Assert.Equal(date, byline.Published?[..10]);
    }

    [Theory]
    [InlineData("Politik")]
    [InlineData("Abmelden")]
    [InlineData("Pressemitteilung")]
    public void TryParseNames_ALoneSectionOrMenuWord_IsNoByline(string line) =>
        Assert.Null(Byline.TryParseNames(line));

    [Theory]
    [InlineData("Am 17.01.2025 von Anna Müller", "Anna Müller", "2025-01-17")]
    [InlineData("Veröffentlicht am 8. Februar 2022 von Jörg Öztürk-Weiß", "Jörg Öztürk-Weiß", "2022-02-08")]
    [InlineData("On March 3, 2025 by Ana Ruiz", "Ana Ruiz", "2025-03-03")]
    [InlineData("MikeNils 17.01.2025 14:30 Uhr", null, "2025-01-17")]
    [InlineData("17.01.2025, 14:30 h · H. Ruiz", "H. Ruiz", "2025-01-17")]
    [InlineData("17.01.2025 H. Ruiz", "H. Ruiz", "2025-01-17")]
    [InlineData("Reuters | 3 March 2025", "Reuters", "2025-03-03")]
    public void TryParse_DateBeforeTheWriter_GivesTheWriterAlone(string line, string? author, string date)
    {
        var byline = Byline.TryParse(line);

        Assert.NotNull(byline);
        Assert.Equal(author is null ? [] : [author], byline.Authors);
        Assert.Equal(date, byline.Published?[..10]);
    }

    [Theory]
    [InlineData("Ein Artikel von Miriam Roth", "Miriam Roth")]
    [InlineData("An article by Ana Ruiz", "Ana Ruiz")]
    [InlineData("Ein Beitrag von Zoë Ngata-Brown", "Zoë Ngata-Brown")]
    public void TryParse_ArticleByPhrase_IsTheByWord(string line, string author) =>
        Assert.Equal([author], Byline.TryParse(line)!.Authors);
}
