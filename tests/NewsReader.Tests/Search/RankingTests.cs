using System.Globalization;
using NewsReader.Tests.Infrastructure;

namespace NewsReader.Tests.Search;

/// <summary>
/// An archive larger than the ranking window: 1,010 recent articles that mention lanterns, quarries and harbours in
/// passing, and a few older articles about them, so relevance has to look past the newest matches.
/// </summary>
public sealed class LargeArchiveFixture : IAsyncLifetime
{
    public const int Recent = 1_010;

    public NewsReaderApp App { get; } = new();

    public async Task InitializeAsync()
    {
        var start = new DateOnly(2025, 1, 1);
        var files = Enumerable.Range(0, Recent)
            .Select(i => ($"recent-{i:D4}.txt", Seeds.TextArticle($"Council notes for meeting {i}",
                date: start.AddDays(i / 3).ToString("MMMM d, yyyy", CultureInfo.InvariantCulture),
                paragraphs: [$"Item {i}: a lantern was left in the hall, the quarry road was swept and the harbour stayed calm.",
                    "Members agreed the minutes and went home early."]))).ToList();
        files.Add(("old-festival.txt", Seeds.TextArticle("Lantern festival returns to the old town", date: "March 3, 2023",
            paragraphs: ["Thousands carried a lantern through the streets on Saturday night.", "The parade ended at the river."])));
        files.Add(("old-makers.txt", Seeds.TextArticle("Lantern makers open their workshop", date: "March 4, 2023",
            paragraphs: ["Visitors watched a paper dragon take shape beside the lantern benches.", "The workshop opens every weekend."])));
        files.Add(("old-quarry.txt", Seeds.TextArticle("Quarry reopens after ten years", date: "April 1, 2023",
            paragraphs: ["Trucks returned to the quarry at dawn, and neighbours counted them.", "The owners promised quieter engines."])));
        files.Add(("tariffs.txt", Seeds.TextArticle("Dock workers hear the new rules", "Valley Courier", date: "June 1, 2026",
            paragraphs: ["The tariff on steel and the tariff on grain were read out at the harbour."])));
        files.Add(("pilots.txt", Seeds.TextArticle("Dock pilots hear the new rules", "Valley Courier", date: "June 2, 2026",
            paragraphs: ["The harbour master and the harbour pilots were told at noon about the new tariff."])));
        await App.SeedAsync([.. files]);
    }

    public Task DisposeAsync()
    {
        App.Dispose();
        return Task.CompletedTask;
    }
}

public sealed class RankingTests(LargeArchiveFixture archive) : IClassFixture<LargeArchiveFixture>
{
    private static string[] Titles(AngleSharp.Dom.IDocument page) =>
        page.QuerySelectorAll(".search-hit h2 a").Select(a => a.TextContent).ToArray();

    [Fact]
    public async Task OldArticle_WithTheWordInItsTitle_BeatsHundredsOfNewerPassingMentions()
    {
        var (_, page) = await archive.App.GetPageAsync("/search?q=lantern");

        var titles = Titles(page);
        Assert.Equal(25, titles.Length);
        Assert.Equal(["Lantern festival returns to the old town", "Lantern makers open their workshop"], titles[..2].Order());
    }

    [Fact]
    public async Task ExcludedWord_InTheBodyOfAnOldTitleMatch_KeepsItOut()
    {
        var (_, page) = await archive.App.GetPageAsync("/search?q=lantern+-dragon");

        var titles = Titles(page);
        Assert.Equal("Lantern festival returns to the old town", titles[0]);
        Assert.DoesNotContain("Lantern makers open their workshop", titles);
    }

    [Fact]
    public async Task RareWord_WeighsMoreThanAWordInEveryArticle()
    {
        // Each article has one word twice and the other once, and the one with "harbour" twice is newer; but "harbour" is
        // in every article and "tariff" in two, so the article that says "tariff" twice is the better match.
        var (_, page) = await archive.App.GetPageAsync("/search?q=tariff+harbour");

        Assert.Equal(["Dock workers hear the new rules", "Dock pilots hear the new rules"], Titles(page));
    }

    [Fact]
    public async Task MoreThanAThousandMatches_AreCountedAsAThousandPlus()
    {
        var (_, page) = await archive.App.GetPageAsync("/search?q=harbour");

        Assert.Contains("1,000+ articles", page.QuerySelector(".count")!.TextContent);
        Assert.Equal(25, page.QuerySelectorAll(".search-hit").Length);
    }

    [Fact]
    public async Task FewerMatchesThanTheWindow_AreCountedExactly()
    {
        var (_, page) = await archive.App.GetPageAsync("/search?q=lantern+festival");

        Assert.Contains("1 article", page.QuerySelector(".count")!.TextContent);
    }

    [Fact]
    public async Task RetitledOldArticle_IsFoundByItsNewTitleOnly()
    {
        await File.WriteAllTextAsync(Path.Combine(archive.App.SeedsPath, "old-quarry.txt"), Seeds.TextArticle("Gravel pit reopens after ten years", date: "April 1, 2023",
            paragraphs: ["Trucks returned to the pit at dawn, and neighbours counted them.", "The owners promised quieter engines."]));
        await archive.App.IngestAsync();

        var (_, quarry) = await archive.App.GetPageAsync("/search?q=quarry");
        var (_, gravel) = await archive.App.GetPageAsync("/search?q=gravel");

        Assert.DoesNotContain("Quarry reopens after ten years", Titles(quarry));
        Assert.DoesNotContain("Gravel pit reopens after ten years", Titles(quarry));
        Assert.Equal(["Gravel pit reopens after ten years"], Titles(gravel));
    }
}
