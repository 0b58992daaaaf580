using Dapper;
using NewsReader.Store;
using NewsReader.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace NewsReader.Tests.Search;

/// <summary>The index follows the live text whoever changes it: re-ingestion of a rewritten file, or an editor's correction.</summary>
public sealed class SearchIndexTests : IDisposable
{
    private readonly NewsReaderApp _app = new();

    public void Dispose() => _app.Dispose();

    private Task<List<string>> TitlesAsync(string q) => _app.SearchTitlesAsync(q);

    [Fact]
    public async Task RewrittenFile_ReplacesTheOldWordsInTheIndex()
    {
        await _app.SeedAsync(("tide.txt", Seeds.TextArticle("Tide report", paragraphs: ["The high tide carried seaweed onto the promenade overnight."])));
        Assert.Equal(["Tide report"], await TitlesAsync("seaweed"));

        var summary = await _app.SeedAsync(("tide.txt", Seeds.TextArticle("Tide report", paragraphs: ["The high tide carried driftwood onto the promenade overnight, again."])));

        Assert.Equal(NewsReader.Ingestion.IngestionResult.Revised, Assert.Single(summary.Outcomes).Result);
        Assert.Empty(await TitlesAsync("seaweed"));
        Assert.Equal(["Tide report"], await TitlesAsync("driftwood"));
    }

    [Fact]
    public async Task Correction_IsSearchableAndBadged()
    {
        await _app.SeedAsync(("bridge.txt", Seeds.TextArticle("Bridge reopens", paragraphs: ["The bridge reopened on Tuesday after repairs to the cables."])));

        // An editor's correction, written the way any writer would: a new live revision and the article pointed at it.
        var db = _app.Services.GetRequiredService<Db>();
        await using (var c = await db.OpenAsync())
        {
            await c.ExecuteAsync("""
                UPDATE article_revisions SET status = 'superseded' WHERE status = 'live';
                INSERT INTO article_revisions (article_id, number, origin, status, title, byline, body_markdown, body_html, body_text, created_at)
                SELECT id, 2, 'correction', 'live', 'Bridge reopens on Wednesday', byline, 'x', '<p>x</p>',
                       'The bridge reopened on Wednesday after repairs to the suspension cables.', '2024-03-04T10:00:00Z' FROM articles;
                UPDATE articles SET current_revision_id = (SELECT MAX(id) FROM article_revisions), title = 'Bridge reopens on Wednesday';
                """);
        }

        Assert.Empty(await TitlesAsync("tuesday"));
        Assert.Equal(["Bridge reopens on Wednesday"], await TitlesAsync("suspension"));
        var (_, page) = await _app.GetPageAsync("/search?q=bridge");
        Assert.Equal("Corrected", page.QuerySelector(".search-hit .badge")!.TextContent);
    }

    [Fact]
    public async Task ManyResults_ArePagedTwentyFiveAtATime()
    {
        var files = Enumerable.Range(1, 30)
            .Select(i => ($"regatta-{i:D2}.txt", Seeds.TextArticle($"Regatta day {i}", date: $"May {i}, 2024",
                paragraphs: [$"Boats raced in the regatta for the {i} time this season, watched by crowds on the quay number {i * 7}."])))
            .ToArray();
        await _app.SeedAsync(files);

        var (_, first) = await _app.GetPageAsync("/search?q=regatta&sort=date");
        var (_, second) = await _app.GetPageAsync("/search?q=regatta&sort=date&page=2");

        Assert.Contains("30 articles", first.QuerySelector(".count")!.TextContent);
        Assert.Equal(25, first.QuerySelectorAll(".search-hit").Length);
        Assert.Equal("Regatta day 30", first.QuerySelector(".search-hit h2 a")!.TextContent);
        Assert.Equal("/search?q=regatta&sort=date&page=2", first.QuerySelector(".pager a[rel=next]")!.GetAttribute("href"));
        Assert.Equal(["Regatta day 5", "Regatta day 4", "Regatta day 3", "Regatta day 2", "Regatta day 1"],
            second.QuerySelectorAll(".search-hit h2 a").Select(a => a.TextContent));
    }
}
