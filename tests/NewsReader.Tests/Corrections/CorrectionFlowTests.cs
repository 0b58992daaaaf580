using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using NewsReader.Admin;
using NewsReader.Ingestion;
using NewsReader.Tests.Admin;
using NewsReader.Tests.Infrastructure;
using static NewsReader.Tests.Corrections.CorrectionDesk;

namespace NewsReader.Tests.Corrections;

public sealed class CorrectionFlowTests : IAsyncLifetime
{
    private const string MisspeltNote = "An earlier version of this article misspelled the mayor's name. He is John Smyth.";

    private readonly NewsReaderApp _app = new();
    private HttpClient _editor = null!;

    public async Task InitializeAsync()
    {
        await SeedAsync(_app);
        _editor = await Newsroom.SignedInAsync(_app, "edna", Roles.Editor);
    }

    public Task DisposeAsync()
    {
        _app.Dispose();
        return Task.CompletedTask;
    }

    private static string Smyth(string body) => body.Replace("John Smith", "John Smyth", StringComparison.Ordinal);

    [Fact]
    public async Task EditorsSeeFileACorrection_ReadersDoNot()
    {
        var (_, anonymous) = await _app.GetPageAsync($"/articles/{Slug}");
        var asEditor = await Newsroom.PageAsync(_editor, $"/articles/{Slug}");

        Assert.DoesNotContain(anonymous.QuerySelectorAll("a"), a => a.TextContent == "File a correction");
        Assert.Equal(CorrectUrl, asEditor.QuerySelectorAll("a").Single(a => a.TextContent == "File a correction").GetAttribute("href"));
    }

    [Fact]
    public async Task Preview_ShowsTheNoteAndAWordLevelDiff_WithoutPublishing()
    {
        var response = await SubmitAsync(_editor, "Preview", "Correction", MisspeltNote, Smyth);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Newsroom.ParseAsync(response, CorrectUrl);
        Assert.Contains("misspelled the mayor", page.QuerySelector(".preview .correction")!.TextContent);
        Assert.Equal("Smith", page.QuerySelector(".preview .diff del")!.TextContent);
        Assert.Equal("Smyth", page.QuerySelector(".preview .diff ins")!.TextContent);
        Assert.Equal("Smyth", ((AngleSharp.Html.Dom.IHtmlTextAreaElement)page.QuerySelector("#correction-body")!).Value.Split("John ")[1][..5]);
        var (_, article) = await _app.GetPageAsync($"/articles/{Slug}");
        Assert.Contains("John Smith", BodyText(article));
        Assert.Null(article.QuerySelector("aside.corrections"));
    }

    [Fact]
    public async Task PublishedAmendment_ChangesTheText_ShowsTheNoteAtTop_AndKeepsTheOriginal()
    {
        var id = await PublishAsync(_editor, "Correction", MisspeltNote, Smyth);

        var (_, article) = await _app.GetPageAsync($"/articles/{Slug}");
        Assert.Contains("John Smyth", BodyText(article));
        Assert.DoesNotContain("John Smith", BodyText(article));
        var box = article.QuerySelector($"aside.corrections-top #correction-{id}")!;
        Assert.Equal("Correction", box.QuerySelector(".correction-kind")!.TextContent);
        Assert.Contains("misspelled the mayor's name", box.QuerySelector(".correction-note")!.TextContent);
        Assert.NotNull(box.QuerySelector("time[datetime]"));
        Assert.Equal($"/articles/{Slug}/changes", article.QuerySelectorAll("a").Single(a => a.TextContent == "See what changed").GetAttribute("href"));
        Assert.Equal($"/articles/{Slug}/changes#change-2", box.QuerySelectorAll("a").Single(a => a.TextContent == "See what this correction changed").GetAttribute("href"));
        var (_, log) = await _app.GetPageAsync("/corrections");
        Assert.Equal($"/articles/{Slug}/changes#change-2", log.QuerySelector($"#correction-{id}")!.QuerySelectorAll("a").Single(a => a.TextContent == "See what this correction changed").GetAttribute("href"));

        var stored = await _app.Services.GetRequiredService<NewsReader.Corrections.CorrectionStore>().FindAsync(id, CancellationToken.None);
        Assert.Equal(2, stored!.RevisionNumber);
        var (_, source) = await _app.GetPageAsync($"/articles/{Slug}/source");
        var statuses = source.QuerySelectorAll(".revisions tbody tr").Select(r => r.Children[1].TextContent).ToList();
        Assert.Equal(["live", "superseded"], statuses);
        Assert.Contains("correction by edna", source.QuerySelector(".revisions tbody tr")!.TextContent);
    }

    [Fact]
    public async Task CorrectedArticle_HasTheBadge_TheDiffPage_AndJsonLdCorrection()
    {
        await PublishAsync(_editor, "Correction", MisspeltNote, Smyth);

        var (_, home) = await _app.GetPageAsync("/");
        Assert.Equal("Corrected", home.QuerySelector("article.card .badge")!.TextContent);

        var (changesResponse, changes) = await _app.GetPageAsync($"/articles/{Slug}/changes");
        Assert.Equal(HttpStatusCode.OK, changesResponse.StatusCode);
        Assert.Equal(["Smith"], changes.QuerySelectorAll(".change .diff del").Select(d => d.TextContent));
        Assert.Equal(["Smyth"], changes.QuerySelectorAll(".change .diff ins").Select(d => d.TextContent));
        Assert.Contains("misspelled", changes.QuerySelector(".change .correction-note")!.TextContent);

        var (_, article) = await _app.GetPageAsync($"/articles/{Slug}");
        var jsonLd = JsonDocument.Parse(article.QuerySelector("script[type='application/ld+json']")!.TextContent).RootElement;
        var correction = jsonLd.GetProperty("correction")[0];
        Assert.Equal("CorrectionComment", correction.GetProperty("@type").GetString());
        Assert.StartsWith("Correction: An earlier version", correction.GetProperty("text").GetString());
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T", correction.GetProperty("datePublished").GetString());
    }

    [Fact]
    public async Task NoteOnlyUpdate_SitsAtTheBottom_AndStillEarnsTheBadge()
    {
        var id = await PublishAsync(_editor, "Update", "After publication the council confirmed the reopening date in a statement.");

        var (_, article) = await _app.GetPageAsync($"/articles/{Slug}");
        Assert.NotNull(article.QuerySelector($"aside.corrections-bottom #correction-{id}"));
        Assert.Null(article.QuerySelector("aside.corrections-top"));
        Assert.Contains("John Smith", BodyText(article));
        Assert.DoesNotContain(article.QuerySelectorAll("a"), a => a.TextContent == "See what changed");
        var (_, home) = await _app.GetPageAsync("/");
        Assert.Equal("Corrected", home.QuerySelector("article.card .badge")!.TextContent);
    }

    [Fact]
    public async Task ATooShortNote_IsRefusedWithAReason()
    {
        var response = await SubmitAsync(_editor, "Publish correction", "Correction", "Fixed name.", Smyth);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Newsroom.ParseAsync(response, CorrectUrl);
        Assert.Contains("makes sense on its own", page.QuerySelector("[role=alert]")!.TextContent);
        var (_, article) = await _app.GetPageAsync($"/articles/{Slug}");
        Assert.Contains("John Smith", BodyText(article));
    }

    [Fact]
    public async Task AmendingFromAStaleForm_IsRefused()
    {
        var stale = await Newsroom.PageAsync(_editor, CorrectUrl);
        var baseId = stale.QuerySelector("input[name=BaseRevisionId]")!.GetAttribute("value")!;
        await PublishAsync(_editor, "Correction", MisspeltNote, Smyth);

        var response = await Newsroom.SubmitAsync(_editor, CorrectUrl, "form:has(#correction-note)", new()
        {
            ["BaseRevisionId"] = baseId, ["Kind"] = "Clarification", ["Note"] = "The bridge reopens to cyclists first, then to cars a day later.",
            ["Body"] = Article().Replace("Monday", "Tuesday", StringComparison.Ordinal),
        }, "Publish correction");

        var page = await Newsroom.ParseAsync(response, CorrectUrl);
        Assert.Contains("changed since you opened it", page.QuerySelector("[role=alert]")!.TextContent);
    }

    [Fact]
    public async Task ReIngestAfterACorrection_KeepsTheCorrectedTextLive_AndStoresAPendingRevision()
    {
        await PublishAsync(_editor, "Correction", MisspeltNote, Smyth);

        await File.WriteAllTextAsync(Path.Combine(_app.SeedsPath, FileName), Article(second: "Traffic was diverted along the harbour road during the works, officials said."));
        var summary = await _app.IngestAsync();

        Assert.Equal(1, summary.Count(IngestionResult.PendingReview));
        var (_, article) = await _app.GetPageAsync($"/articles/{Slug}");
        Assert.Contains("John Smyth", BodyText(article));
        Assert.Contains("old town", BodyText(article));
        var pending = await Newsroom.PageAsync(_editor, "/admin/pending");
        var review = pending.QuerySelector("section.review")!;
        Assert.Contains(Title, review.QuerySelector("h2")!.TextContent);
        Assert.Contains(review.QuerySelectorAll(".diff ins"), i => i.TextContent.Contains("harbour", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AcceptingThePendingText_MakesItLive_AndTheCorrectionNoteStays()
    {
        var id = await PublishAsync(_editor, "Correction", MisspeltNote, Smyth);
        await File.WriteAllTextAsync(Path.Combine(_app.SeedsPath, FileName), Article(first: First.Replace("Smith", "Smyth", StringComparison.Ordinal), second: "Traffic was diverted along the harbour road during the works."));
        await _app.IngestAsync();

        var response = await Newsroom.SubmitAsync(_editor, "/admin/pending", "section.review form", [], "Accept new text");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var (_, article) = await _app.GetPageAsync($"/articles/{Slug}");
        Assert.Contains("harbour road", BodyText(article));
        Assert.NotNull(article.QuerySelector($"#correction-{id}"));
        Assert.Contains("Nothing waits", (await Newsroom.PageAsync(_editor, "/admin/pending")).QuerySelector("#main")!.TextContent);
    }

    [Fact]
    public async Task DismissingThePendingText_KeepsTheCorrectedText()
    {
        await PublishAsync(_editor, "Correction", MisspeltNote, Smyth);
        await File.WriteAllTextAsync(Path.Combine(_app.SeedsPath, FileName), Article(second: "Traffic was diverted along the harbour road during the works."));
        await _app.IngestAsync();

        await Newsroom.SubmitAsync(_editor, "/admin/pending", "section.review form", [], "Dismiss");

        var (_, article) = await _app.GetPageAsync($"/articles/{Slug}");
        Assert.Contains("John Smyth", BodyText(article));
        Assert.Contains("old town", BodyText(article));
        Assert.Null((await Newsroom.PageAsync(_editor, "/admin/pending")).QuerySelector("section.review"));
    }

    [Fact]
    public async Task EditingAndWithdrawing_AreLogged_AndTheCorrectionStaysOnRecord()
    {
        var id = await PublishAsync(_editor, "Correction", MisspeltNote);
        var url = $"/admin/corrections/{id}";

        await Newsroom.SubmitAsync(_editor, url, "form:has(#correction-note)", new() { ["Note"] = "An earlier version misspelled the mayor's surname; it is Smyth, not Smith." }, "Save changes");
        await Newsroom.SubmitAsync(_editor, url, "form:has(#withdraw-reason)", new() { ["Reason"] = "The original spelling was right after all." }, "Withdraw correction");

        var (_, article) = await _app.GetPageAsync($"/articles/{Slug}");
        var box = article.QuerySelector($"#correction-{id}")!;
        Assert.Contains("surname; it is Smyth", box.TextContent);
        Assert.Contains("withdrawn", box.TextContent);
        Assert.Contains("original spelling was right", box.TextContent);
        var (_, log) = await _app.GetPageAsync("/corrections");
        Assert.Contains("withdrawn", log.QuerySelector($"#correction-{id}")!.TextContent);
        var (_, home) = await _app.GetPageAsync("/");
        Assert.Null(home.QuerySelector("article.card .badge"));

        var again = await Newsroom.PageAsync(_editor, url);
        Assert.Null(again.QuerySelector("#correction-note"));
        var admin = await Newsroom.SignedInAsync(_app, "ada", Roles.Admin);
        var audit = (await Newsroom.PageAsync(admin, "/admin/audit")).QuerySelector("table")!.TextContent;
        Assert.Contains($"published correction #{id}", audit);
        Assert.Contains($"edited correction #{id}", audit);
        Assert.Contains($"withdrew correction #{id}", audit);
        Assert.Contains(Title, audit);
    }

    [Fact]
    public async Task FindingAnArticleByKeyword_OnTheDesk_LinksToTheCorrectionForm()
    {
        var desk = await Newsroom.PageAsync(_editor, "/admin?q=bridge");

        Assert.Equal(CorrectUrl, desk.QuerySelector("ul.results a.button")!.GetAttribute("href"));
        Assert.Contains("No headline", (await Newsroom.PageAsync(_editor, "/admin?q=%25_nothing")).QuerySelector("#main")!.TextContent);
    }
}
