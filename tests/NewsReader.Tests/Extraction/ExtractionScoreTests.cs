using System.Text.Json;
using NewsReader.Extraction.Html;
using NewsReader.Tests.Infrastructure;
using Xunit.Abstractions;

namespace NewsReader.Tests.Extraction;

/// <summary>
/// Runs the HTML extractor over every fixture page and scores it against the page's expected.json.
/// Set NEWSREADER_WRITE_REPORT=1 to also rewrite docs/extraction-report.md from this run.
/// </summary>
public sealed class ExtractionScoreTests(ITestOutputHelper output)
{
    public static string FixtureFolder => Path.Combine(AppContext.BaseDirectory, "Fixtures", "html");

    [Fact]
    public void Html_fixtures_meet_the_extraction_goals()
    {
        var parser = new HtmlArticleParser();
        var pages = Directory.GetFiles(FixtureFolder, "*.html").Order(StringComparer.Ordinal).ToList();
        Assert.True(pages.Count >= 40, $"Expected at least 40 fixture pages, found {pages.Count}.");

        var scores = pages.Select(page =>
        {
            var name = Path.GetFileNameWithoutExtension(page);
            var expected = JsonSerializer.Deserialize<ExpectedArticle>(File.ReadAllText(Path.ChangeExtension(page, ".expected.json")), ExtractionScorer.Json)!;
            try
            {
                return ExtractionScorer.Score(name, expected, parser.Parse(File.ReadAllBytes(page), page), null);
            }
            catch (Exception e) when (e is NewsReader.Extraction.ArticleRejectedException)
            {
                return ExtractionScorer.Score(name, expected, null, e.Message);
            }
        }).ToList();

        var report = ExtractionScorer.Report(scores);
        output.WriteLine(report);
        if (Environment.GetEnvironmentVariable("NEWSREADER_WRITE_REPORT") == "1")
        {
            File.WriteAllText(Path.Combine(Seeds.RepoRoot, "docs", "extraction-report.md"), report);
        }

        Assert.All(scores, s => Assert.Null(s.Error));
        Assert.True(scores.Average(s => s.BodyF1) >= 0.97, $"Mean body F1 {scores.Average(s => s.BodyF1):0.000} is under 0.97.\n{report}");
        Assert.True(ExtractionScorer.Rate(scores, s => s.Title) >= 0.95, report);
        Assert.True(ExtractionScorer.Rate(scores, s => s.Site) >= 0.95, report);
        Assert.True(ExtractionScorer.Rate(scores, s => s.Authors) >= 0.95, report);
        Assert.True(ExtractionScorer.Rate(scores, s => s.Date) >= 0.95, report);
    }
}
