using System.Text.RegularExpressions;
using System.Xml.Linq;
using NewsReader.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace NewsReader.BrowserTests.Newsroom;

/// <summary>
/// Issue 5 end to end: an editor signs in, files a correction that amends one paragraph, previews it and publishes;
/// a reader then sees the note, the badge, the word-level diff, the public log and the feed entry.
/// </summary>
[Collection(NewsroomFlowCollection.Name)]
public sealed class CorrectionFlowTests(BrowserFixture fx)
{
    private const string Before = "formally launched";

    private const string After = "officially opened";

    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    [Fact]
    public async Task Editor_FilesAmendingCorrection_ReaderSeesNoteBadgeDiffLogAndFeed()
    {
        var reference = Guid.NewGuid().ToString("N");
        var note = $"An earlier version said Japan had *{Before}* the mission on the day of the talks (ref {reference}).";
        var noteText = note.Replace("*", "", StringComparison.Ordinal);

        await using (var editor = await fx.NewContextAsync())
        {
            var page = await editor.NewPageAsync();
            await SignIn.AsAsync(page, NewsroomSetup.EditorName, fx.Newsroom.Password);

            await page.GotoAsync($"/articles/{SeedArticles.SeedSlug}");
            await page.GetByRole(AriaRole.Link, new() { Name = "File a correction" }).ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex($"/admin/articles/{SeedArticles.SeedSlug}/correct$"));

            await page.GetByLabel("Type").SelectOptionAsync(new SelectOptionValue { Label = "Clarification" });
            await page.GetByLabel("Note").FillAsync(note);
            var body = page.GetByLabel("Article text");
            var original = await body.InputValueAsync();
            Assert.Contains(Before, original);
            await body.FillAsync(original.Replace(Before, After, StringComparison.Ordinal));

            await page.GetByRole(AriaRole.Button, new() { Name = "Preview" }).ClickAsync();
            var preview = page.Locator(".preview");
            await Expect(preview.Locator(".correction")).ToContainTextAsync(noteText);
            await Expect(preview.Locator(".correction em")).ToHaveTextAsync(Before);
            await Expect(preview.Locator(".diff del")).ToContainTextAsync([new Regex("formally")]);
            await Expect(preview.Locator(".diff ins")).ToContainTextAsync([new Regex("officially")]);

            await page.GetByRole(AriaRole.Button, new() { Name = "Publish correction" }).ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex($"/admin\\?published={SeedArticles.SeedSlug}&correction=\\d+$"));
            var published = page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Correction published" });
            await published.GetByRole(AriaRole.Link, new() { Name = SeedArticles.SeedTitle }).ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex($"/articles/{SeedArticles.SeedSlug}#correction-\\d+$"));
        }

        await using var reader = await fx.NewContextAsync();
        var read = await reader.NewPageAsync();

        await read.GotoAsync($"/articles/{SeedArticles.SeedSlug}");
        var box = read.GetByRole(AriaRole.Complementary, new() { Name = "Corrections" });
        await Expect(box).ToContainTextAsync("Clarification");
        await Expect(box.Locator(".correction-note")).ToContainTextAsync(noteText);
        await Expect(read.Locator(".article-body p").First).ToContainTextAsync($"Japan has {After}");
        await Expect(read.GetByRole(AriaRole.Link, new() { Name = "File a correction" })).ToHaveCountAsync(0);

        await read.GetByRole(AriaRole.Link, new() { Name = "See what changed" }).ClickAsync();
        await Expect(read).ToHaveURLAsync(new Regex($"/articles/{SeedArticles.SeedSlug}/changes$"));
        var change = read.Locator("section.change").First;
        await Expect(change.Locator(".correction-note")).ToContainTextAsync(noteText);
        await Expect(change.Locator(".diff del")).ToContainTextAsync([new Regex("formally")]);
        await Expect(change.Locator(".diff ins")).ToContainTextAsync([new Regex("officially")]);

        await read.GotoAsync("/");
        var card = read.Locator("article.card").Filter(new() { Has = read.GetByRole(AriaRole.Link, new() { Name = SeedArticles.SeedTitle }) });
        await Expect(card.Locator(".badge")).ToHaveTextAsync("Corrected");

        await read.GotoAsync("/corrections");
        var entry = read.Locator("ol.correction-log > li").First;
        await Expect(entry.Locator(".card-title").GetByRole(AriaRole.Link)).ToHaveTextAsync(SeedArticles.SeedTitle);
        await Expect(entry.GetByRole(AriaRole.Link, new() { Name = "See what this correction changed" })).ToHaveAttributeAsync("href", new Regex($"/articles/{SeedArticles.SeedSlug}/changes#change-\\d+$"));
        await Expect(entry).ToContainTextAsync("Clarification");
        await Expect(entry).ToContainTextAsync(SeedArticles.SeedOutlet);
        await Expect(entry.Locator(".correction-note")).ToContainTextAsync(noteText);

        var feed = await read.APIRequest.GetAsync("/corrections/feed");
        Assert.Equal(200, feed.Status);
        var atom = XDocument.Parse(await feed.TextAsync());
        var item = atom.Root!.Elements(Atom + "entry").FirstOrDefault(e => (string?)e.Element(Atom + "title") == $"Clarification: {SeedArticles.SeedTitle}");
        Assert.NotNull(item);
        var content = (string?)item.Element(Atom + "content") ?? "";
        Assert.Contains($"<em>{Before}</em>", content);
        Assert.Contains(reference, content);
        Assert.EndsWith($"/articles/{SeedArticles.SeedSlug}", item.Element(Atom + "link")!.Attribute("href")!.Value.Split('#')[0]);
    }
}
