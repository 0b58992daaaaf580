using System.Text;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using NewsReader.Ingestion;
using NewsReader.Extraction;
using NewsReader.Extraction.Limits;
using NewsReader.Extraction.Markdown;
using NewsReader.Extraction.Text;
using NewsReader.Tests.Infrastructure;

namespace NewsReader.Tests.Hostile;

/// <summary>Each file is parsed under limits: no file stops the process or the folder, and a refused file waits until it changes.</summary>
public sealed class ParseLimitTests : IDisposable
{
    private const string SelfAlias = "---\na: &a [*a]\ntitle: *a\n---\n";

    private const string Story = "# Ferry resumes after storm\n\nThe harbour ferry ran again on Monday after three days of gales kept it at the quay.\n";

    private readonly NewsReaderApp _app = new(settings: new Dictionary<string, string?> { ["NewsReader:Parse:WallTime"] = "00:00:01" });
    private readonly SpinParser _spin = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public void Parse_YamlAliasThatHoldsItself_GivesTheArticleInsteadOfOverflowingTheStack()
    {
        var registry = new ParserRegistry([new MarkdownArticleParser()]);

        var result = registry.Parse("alias.md", Encoding.UTF8.GetBytes(SelfAlias + Story));

        Assert.Null(result.Error);
        Assert.Equal("Ferry resumes after storm", result.Article!.Title);
    }

    // Found by the fuzzer (a mutated Markdown file): YamlDotNet's scanner throws InvalidOperationException, not
    // YamlException, on a flow collection left open to the end of the front matter.
    [Theory]
    [InlineData("tags: [harbour\nferry\n")]
    [InlineData(": {\ne\n")]
    [InlineData("title: Ferry resumes\nauthors: [Ana Ruiz,\n  Tomás Ortega\n")]
    public void Parse_FrontMatterWithAnUnclosedFlowCollection_GivesTheArticleWithAWarning(string yaml)
    {
        var registry = new ParserRegistry([new MarkdownArticleParser()]);

        var result = registry.Parse("open-flow.md", Encoding.UTF8.GetBytes($"---\n{yaml}---\n" + Story));

        Assert.Null(result.Error);
        Assert.Equal("Ferry resumes after storm", result.Article!.Title);
        Assert.Contains("The harbour ferry ran again on Monday after three days of gales kept it at the quay.", result.Article.Body);
        Assert.Contains(result.Article.Warnings, w => w.StartsWith("The front matter is not valid YAML", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Ingest_BareSelfAliasFileAmongOthers_TheRestIngest()
    {
        var summary = await _app.SeedAsync(
            ("a.txt", Seeds.TextArticle("Quay walls repaired after winter storms")),
            ("b-alias.md", SelfAlias),
            ("c.md", SelfAlias + Story));

        Assert.Equal(IngestionResult.Ingested, summary.Outcomes.Single(o => o.Path.EndsWith("a.txt", StringComparison.Ordinal)).Result);
        Assert.Equal(IngestionResult.Failed, summary.Outcomes.Single(o => o.Path.EndsWith("b-alias.md", StringComparison.Ordinal)).Result);
        Assert.Equal(IngestionResult.Ingested, summary.Outcomes.Single(o => o.Path.EndsWith("c.md", StringComparison.Ordinal)).Result);
    }

    [Fact]
    public async Task Ingest_FileParsingPastTheWallTime_IsRefusedWithAReason_AndNotParsedAgainUntilItChanges()
    {
        await using var app = _app.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<IArticleParser>(_spin)));
        var ingester = app.Services.GetRequiredService<Ingester>();
        File.WriteAllText(Path.Combine(_app.SeedsPath, "a.txt"), Seeds.TextArticle("Lifeboat crew honoured for rescue"));
        var slow = Path.Combine(_app.SeedsPath, "slow.spin");
        File.WriteAllText(slow, Seeds.TextArticle("Harbour dredging finishes early"));

        var first = await ingester.IngestFolderAsync(_app.SeedsPath, CancellationToken.None);
        var second = await ingester.IngestFolderAsync(_app.SeedsPath, CancellationToken.None);
        File.WriteAllText(slow, Seeds.TextArticle("Harbour dredging finishes early, council says"));
        await ingester.IngestFolderAsync(_app.SeedsPath, CancellationToken.None);

        var refused = first.Outcomes.Single(o => o.Path == slow);
        Assert.Equal(IngestionResult.Failed, refused.Result);
        Assert.Equal("Parsing took longer than the 1-second limit; the file was refused.", refused.Reason);
        Assert.Equal(IngestionResult.Ingested, first.Outcomes.Single(o => o.Path.EndsWith("a.txt", StringComparison.Ordinal)).Result);
        Assert.True(second.Outcomes.Single(o => o.Path == slow).Repeated);
        Assert.Equal(2, _spin.Calls);
    }

    // A refused parse must not go on burning a core behind the files after it: each parser checks its budget as it reads.
    [Theory]
    [InlineData("txt", "huge-line")]
    [InlineData("txt", "repeated-dateline")]
    [InlineData("md", "huge-line")]
    [InlineData("html", "huge-line")]
    [InlineData("html", "deep-nesting")]
    public async Task Parse_WhoseBudgetIsSpent_StopsInsteadOfRunningOn(string format, string shape)
    {
        var file = NewsReader.Corpus.HostileFiles.Shape(format, shape, 256 * 1024);
        IArticleParser parser = format switch { "txt" => new TextArticleParser(), "md" => new MarkdownArticleParser(), _ => new NewsReader.Extraction.Html.HtmlArticleParser() };
        using var stopping = new CancellationTokenSource();
        stopping.Cancel();
        var outcome = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => ParseSandbox.RunAsync(() =>
        {
            try
            {
                parser.Parse(file.Bytes, file.Name);
                outcome.SetResult("ran to the end");
            }
            catch (OperationCanceledException)
            {
                outcome.SetResult("stopped");
            }

            return "";
        }, new ParseLimits(), stopping.Token));

        Assert.Equal("stopped", await outcome.Task.WaitAsync(TimeSpan.FromMinutes(1)));
    }

    [Fact]
    public void Parse_OutputPastTheLimit_IsRefused()
    {
        var registry = new ParserRegistry([new MarkdownArticleParser()], new ParseLimits { MaxOutputChars = 1_000 });
        var body = string.Concat(Enumerable.Repeat("The council met again on Tuesday to hear the harbour master's report on dredging.\n\n", 40));

        var result = registry.Parse("long.md", Encoding.UTF8.GetBytes("# Council meets\n\n" + body));

        Assert.Null(result.Article);
        Assert.Matches("^The file gives [0-9,]+ characters of text, over the 1,000-character limit", result.Error);
    }

    [Theory]
    [InlineData("md", "nested-list", "Markdown is nested too deeply to read safely: lists or quotes about")]
    [InlineData("md", "link-references", "The Markdown has ")]
    [InlineData("md", "table-bomb", "The Markdown has tables of about")]
    [InlineData("html", "table-bomb", "The page has tables of")]
    public void Parse_ShapesNoArticleHas_AreRefusedBeforeParsing_WithTheShapeAndLimit(string format, string shape, string reason)
    {
        var registry = new ParserRegistry([new MarkdownArticleParser(), new NewsReader.Extraction.Html.HtmlArticleParser()]);
        var file = NewsReader.Corpus.HostileFiles.Shape(format, shape, 1024 * 1024);

        var result = registry.Parse(file.Name, file.Bytes);

        Assert.Null(result.Article);
        Assert.StartsWith(reason, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_RealArticleWithListsQuotesTableAndReferences_IsNotRefused()
    {
        var md = "---\ntags:\n  - harbour\n  - ferry\n---\n# Ferry terminal reopens\n\n> The terminal is open, said the mayor.\n>> Quoted twice.\n\n- one\n  - two\n    - three\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\nSee [the report][1].\n\n[1]: https://example.org/report\n";

        var result = new ParserRegistry([new MarkdownArticleParser()]).Parse("real.md", Encoding.UTF8.GetBytes(md));

        Assert.Null(result.Error);
    }

    /// <summary>Parses ".spin" files as text after spinning for up to 20 s, checking its budget as parsers do.</summary>
    private sealed class SpinParser : IArticleParser
    {
        private readonly TextArticleParser _text = new();
        private int _calls;

        public int Calls => _calls;

        public string Format => "text";

        public string Version => "spin/1";

        public bool CanParse(string path) => path.EndsWith(".spin", StringComparison.Ordinal);

        public ParsedArticle Parse(ReadOnlySpan<byte> content, string path)
        {
            Interlocked.Increment(ref _calls);
            var until = DateTime.UtcNow.AddSeconds(20);
            while (DateTime.UtcNow < until)
            {
                ParseBudget.Check();
                Thread.Sleep(10);
            }

            return _text.Parse(content, path);
        }
    }
}
