using NewsReader.Ingestion;
using NewsReader.Tests.Infrastructure;

namespace NewsReader.Tests.Hostile;

/// <summary>Nothing outside the seeds folder is read, links are not followed unless allowed, and pages show seed-relative paths.</summary>
public sealed class SeedBoundaryTests : IDisposable
{
    private readonly List<NewsReaderApp> _apps = [];

    public void Dispose() => _apps.ForEach(a => a.Dispose());

    [Fact]
    public async Task Ingest_LinksToAFileAndAFolderOutsideSeeds_AreNotRead()
    {
        var app = App(followLinks: false);
        var outside = Path.Combine(app.Root, "outside");
        Directory.CreateDirectory(outside);
        File.WriteAllText(Path.Combine(outside, "secret.txt"), Seeds.TextArticle("Private memo on harbour budget"));
        File.CreateSymbolicLink(Path.Combine(app.SeedsPath, "x.txt"), Path.Combine(outside, "secret.txt"));
        Directory.CreateSymbolicLink(Path.Combine(app.SeedsPath, "linked"), outside);

        var summary = await app.SeedAsync(("real.txt", Seeds.TextArticle("Ferry timetable changes for winter")));

        Assert.Equal(["real.txt"], summary.Outcomes.Select(o => Path.GetFileName(o.Path)));
        Assert.DoesNotContain("Private memo", (await app.GetPageAsync("/")).Document.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ingest_LinksAllowed_FollowsOnlyLinksToFilesInsideSeeds()
    {
        var app = App(followLinks: true);
        var outside = Path.Combine(app.Root, "outside");
        Directory.CreateDirectory(outside);
        File.WriteAllText(Path.Combine(outside, "secret.txt"), Seeds.TextArticle("Private memo on harbour budget"));
        File.CreateSymbolicLink(Path.Combine(app.SeedsPath, "out.txt"), Path.Combine(outside, "secret.txt"));
        Directory.CreateDirectory(Path.Combine(app.SeedsPath, "desk"));
        File.WriteAllText(Path.Combine(app.SeedsPath, "desk", "lifeboat.txt"), Seeds.TextArticle("Lifeboat crew honoured for rescue"));
        File.CreateSymbolicLink(Path.Combine(app.SeedsPath, "in.txt"), Path.Combine(app.SeedsPath, "desk", "lifeboat.txt"));

        var summary = await app.IngestAsync();

        Assert.Equal(["desk/lifeboat.txt", "in.txt"], summary.Outcomes.Select(o => Path.GetRelativePath(app.SeedsPath, o.Path)).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(summary.Outcomes, o => o.Path.EndsWith("out.txt", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SourcePage_ShowsThePathInsideSeeds_NotTheServersPath()
    {
        var app = App(followLinks: false);
        await app.SeedAsync(("desk/2024/minister.txt", Seeds.TextArticle("Harbour minister resigns")));

        var page = (await app.GetPageAsync("/articles/harbour-minister-resigns/source")).Document;

        Assert.Contains("desk/2024/minister.txt", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(app.Root, page.DocumentElement.OuterHtml, StringComparison.Ordinal);
    }

    [Fact]
    public void Display_NameThatWasNotUtf8_IsShownEscaped() =>
        Assert.Equal("desk/caf\\uFFFD.txt", SeedFiles.Display("/srv/seeds", "/srv/seeds/desk/caf\uFFFD.txt"));

    private NewsReaderApp App(bool followLinks)
    {
        var app = new NewsReaderApp(settings: new Dictionary<string, string?> { ["NewsReader:FollowLinksInsideSeeds"] = followLinks ? "true" : "false" });
        _apps.Add(app);
        return app;
    }
}
