using System.Net;
using System.Xml.Linq;
using Dapper;
using Microsoft.Data.Sqlite;
using NewsReader.Admin;
using NewsReader.Tests.Admin;
using NewsReader.Tests.Corrections;
using NewsReader.Tests.Infrastructure;

namespace NewsReader.Tests.Hostile;

/// <summary>Control characters in files, notes, reports and queries never reach a feed as an error or the store as text.</summary>
public sealed class ControlCharacterTests : IDisposable
{
    // NUL stays out of files: a file holding one is refused as binary, as it should be.
    private const string Hostile = "\u000B\u000E\u0001\u009D\uFFFE";

    private readonly NewsReaderApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Ingest_MarkdownWithControlCharacters_StoresCleanText_AndEveryFeedAnswers()
    {
        await _app.SeedAsync(("controls.md", $"---\ntitle: Minister{Hostile} resigns\nsite: Harbour{Hostile} Gazette\n---\n\nThe minister{Hostile} said on Monday that she would step down after the harbour inquiry.\n"));

        await using (var c = Connect())
        {
            var stored = await c.QuerySingleAsync<(string Title, string Body)>("SELECT a.title, r.body_text FROM articles a JOIN article_revisions r ON r.id = a.current_revision_id");
            Assert.Equal("Minister resigns", stored.Title);
            Assert.DoesNotContain(stored.Body, ch => char.IsControl(ch) && ch != '\n' && ch != '\t');
        }

        foreach (var url in new[] { "/feed", "/feed/rss", "/feed?content=full", "/sources/harbour-gazette/feed", "/search/feed?q=minister", "/corrections/feed" })
        {
            await AssertXmlAsync(url);
        }
    }

    [Fact]
    public async Task Feeds_TextStoredWithControlCharactersBeforeTheDoorWasShut_StillAnswerValidXml()
    {
        await _app.SeedAsync(("plain.txt", Seeds.TextArticle("Harbour minister resigns")));
        await using (var c = Connect())
        {
            await c.ExecuteAsync("UPDATE articles SET title = @t, excerpt = @t", new { t = $"Harbour{Hostile} minister resigns" });
            await c.ExecuteAsync("UPDATE article_revisions SET body_html = @h", new { h = $"<p>The minister{Hostile} resigned.</p>" });
        }

        foreach (var url in new[] { "/feed", "/feed/rss", "/feed?content=full", "/search/feed?q=minister" })
        {
            await AssertXmlAsync(url);
        }
    }

    [Fact]
    public async Task CorrectionNoteWithControlCharacters_IsStoredClean_AndTheCorrectionsFeedAnswers()
    {
        await CorrectionDesk.SeedAsync(_app);
        var editor = await Newsroom.SignedInAsync(_app, "edna", Roles.Editor);

        var r = await CorrectionDesk.SubmitAsync(editor, "Publish correction", "Correction", $"An earlier version{Hostile} misnamed the mayor.");
        Assert.True(r.StatusCode == HttpStatusCode.Redirect, r.StatusCode + await r.Content.ReadAsStringAsync());

        await using (var c = Connect())
        {
            Assert.Equal("An earlier version misnamed the mayor.", await c.QuerySingleAsync<string>("SELECT note_markdown FROM corrections"));
        }

        await AssertXmlAsync("/corrections/feed");
    }

    [Theory]
    [InlineData("/search?q=minister%0B%0E%00%C2%9D")]
    [InlineData("/api/search?q=%0E%00minister%C2%9D")]
    [InlineData("/search/feed?q=minister%C2%9D")]
    public async Task Query_WithControlCharacters_IsAnsweredAsIfTheyWereNotThere(string url)
    {
        await _app.SeedAsync(("plain.txt", Seeds.TextArticle("Harbour minister resigns")));

        var response = await _app.CreateClient().GetAsync(url);

        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        // The results page marks the searched word in the headline: compare the text without markup.
        var text = System.Text.RegularExpressions.Regex.Replace(await response.Content.ReadAsStringAsync(), "</?mark>", "");
        Assert.Contains("Harbour minister resigns", text, StringComparison.Ordinal);
    }

    private async Task AssertXmlAsync(string url)
    {
        var response = await _app.CreateClient().GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url} answered {(int)response.StatusCode}");
        var xml = XDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.NotNull(xml.Root);
    }

    private SqliteConnection Connect()
    {
        var c = new SqliteConnection($"Data Source={Path.Combine(_app.Root, "newsreader.db")};Pooling=False");
        c.Open();
        return c;
    }
}
