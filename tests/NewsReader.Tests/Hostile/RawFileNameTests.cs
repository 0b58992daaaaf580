using NewsReader.Ingestion;
using NewsReader.Tests.Infrastructure;

namespace NewsReader.Tests.Hostile;

/// <summary>
/// Names that are not UTF-8 (Latin-1 "café.txt" on Linux) are read through their raw bytes, stored and shown with
/// each such byte escaped as <c>\xHH</c>, and still never lead outside the seeds folder.
/// </summary>
public sealed class RawFileNameTests : IDisposable
{
    private readonly List<NewsReaderApp> _apps = [];

    public void Dispose() => _apps.ForEach(a => a.Dispose());

    [Fact]
    public async Task Ingest_Latin1FileName_IsStoredWithItsTextAndShownEscaped()
    {
        var app = App();
        RawNameFiles.Write(app.SeedsPath, RawNameFiles.Latin1("café.txt"), Seeds.TextArticle("Café owners protest “temporary” harbour parking – again", paragraphs: ["Owners of the Café Émile say the 40 spaces were promised in writing.", "The council’s reply is due on Friday."]));

        var summary = await app.IngestAsync();

        var outcome = Assert.Single(summary.Outcomes);
        Assert.Equal((IngestionResult.Ingested, Path.Combine(app.SeedsPath, "caf\\xE9.txt")), (outcome.Result, outcome.Path));
        var article = (await app.GetPageAsync("/articles/cafe-owners-protest-temporary-harbour-parking-again")).Document.Body!.TextContent;
        Assert.Contains("Owners of the Café Émile say the 40 spaces were promised in writing.", article, StringComparison.Ordinal);
        var source = (await app.GetPageAsync("/articles/cafe-owners-protest-temporary-harbour-parking-again/source")).Document.Body!.TextContent;
        Assert.Contains("caf\\xE9.txt", source, StringComparison.Ordinal);
        Assert.DoesNotContain("\uFFFD", source, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ingest_SameLatin1FileAgain_IsUnchanged()
    {
        var app = App();
        RawNameFiles.Write(app.SeedsPath, RawNameFiles.Latin1("Straße.md"), "# Straßenbahn fährt wieder\n\nDie Linie 4 fährt ab Montag wieder über die Brücke.\n");
        Assert.Equal(IngestionResult.Ingested, Assert.Single((await app.IngestAsync()).Outcomes).Result);

        var again = await app.IngestAsync();

        Assert.Equal((IngestionResult.Unchanged, 0), (Assert.Single(again.Outcomes).Result, again.MarkedMissing));
    }

    [Fact]
    public async Task Ingest_Latin1FolderName_ReadsItsFilesUnderTheEscapedPath()
    {
        var app = App();
        RawNameFiles.MakeFolder(app.SeedsPath, RawNameFiles.Latin1("Düsseldorf"));
        RawNameFiles.Write(app.SeedsPath, RawNameFiles.Latin1("Düsseldorf/rhein.txt"), Seeds.TextArticle("Rhine ferry returns after repairs"));

        var summary = await app.IngestAsync();

        var outcome = Assert.Single(summary.Outcomes);
        Assert.Equal((IngestionResult.Ingested, "D\\xFCsseldorf/rhein.txt"), (outcome.Result, Path.GetRelativePath(app.SeedsPath, outcome.Path)));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Ingest_Latin1LinkToAFileOutsideSeeds_IsNotFollowed(bool followLinks)
    {
        var app = App(followLinks);
        var outside = Path.Combine(app.Root, "outside");
        Directory.CreateDirectory(outside);
        File.WriteAllText(Path.Combine(outside, "secret.txt"), Seeds.TextArticle("Private memo on harbour budget"));
        RawNameFiles.Link(app.SeedsPath, RawNameFiles.Latin1("mémo.txt"), Path.Combine(outside, "secret.txt"));
        RawNameFiles.Link(app.SeedsPath, RawNameFiles.Latin1("dossier-é"), outside);

        var summary = await app.SeedAsync(("real.txt", Seeds.TextArticle("Ferry timetable changes for winter")));

        Assert.Equal(["real.txt"], summary.Outcomes.Select(o => Path.GetFileName(o.Path)));
        Assert.DoesNotContain("Private memo", (await app.GetPageAsync("/")).Document.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ingest_Latin1NameWhoseEscapeIsARealName_IsRefusedWithAReason()
    {
        var app = App();
        File.WriteAllText(Path.Combine(app.SeedsPath, "caf\\xE9.txt"), Seeds.TextArticle("Cafe with a backslash in its file name"));
        RawNameFiles.Write(app.SeedsPath, RawNameFiles.Latin1("café.txt"), Seeds.TextArticle("Café owners protest harbour parking"));

        var summary = await app.IngestAsync();

        Assert.Equal(
            [(IngestionResult.Ingested, "caf\\xE9.txt"), (IngestionResult.Failed, "caf\uFFFD.txt")],
            summary.Outcomes.Select(o => (o.Result, Path.GetFileName(o.Path))).OrderBy(o => o.Result));
        Assert.Contains("not valid UTF-8", summary.Outcomes.Single(o => o.Result == IngestionResult.Failed).Reason, StringComparison.Ordinal);
    }

    private NewsReaderApp App(bool followLinks = false)
    {
        var app = new NewsReaderApp(settings: new Dictionary<string, string?> { ["NewsReader:FollowLinksInsideSeeds"] = followLinks ? "true" : "false" });
        _apps.Add(app);
        return app;
    }
}
