using System.Net;
using Microsoft.Extensions.DependencyInjection;
using NewsReader.Corrections;
using NewsReader.Tests.Infrastructure;
using static NewsReader.Tests.Corrections.CorrectionDesk;

namespace NewsReader.Tests.Admin;

/// <summary>The newsroom desk as an editor meets it: what waits, finding an article, publishing, and signing in from a page.</summary>
public sealed class DeskTests : IAsyncLifetime
{
    private readonly NewsReaderApp _app = new();

    public Task InitializeAsync() => SeedAsync(_app);

    public Task DisposeAsync()
    {
        _app.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Desk_CountsNewReports_AndLinksToThem()
    {
        var editor = await Newsroom.SignedInAsync(_app, "edna", NewsReader.Admin.Roles.Editor);
        var articleId = (await _app.Services.GetRequiredService<CorrectionStore>().LiveRevisionAsync(Slug, CancellationToken.None))!.ArticleId;
        var reports = _app.Services.GetRequiredService<ErrorReportStore>();
        await reports.AddAsync(articleId, "John Smith", "The mayor is called Smyth.", null, null, CancellationToken.None);
        await reports.AddAsync(articleId, "three weeks", "It was four weeks.", null, null, CancellationToken.None);

        var desk = await Newsroom.PageAsync(editor, "/admin");

        var counts = desk.QuerySelector("[aria-label='Waiting for the newsroom']")!;
        var newReports = counts.QuerySelectorAll("a").Single(a => a.GetAttribute("href") == "/admin/reports?status=new");
        Assert.Equal("2 new error reports", Squash(newReports.TextContent));
        Assert.Equal("0 texts to review", Squash(counts.QuerySelector("a[href='/admin/pending']")!.TextContent));
    }

    [Fact]
    public async Task Publishing_SaysSoOnTheDesk_WithALinkToTheCorrection()
    {
        var editor = await Newsroom.SignedInAsync(_app, "edna", NewsReader.Admin.Roles.Editor);

        var id = await PublishAsync(editor, "Correction", "An earlier version misspelled the mayor's name; he is John Smyth.",
            body => body.Replace("John Smith", "John Smyth", StringComparison.Ordinal));
        var desk = await Newsroom.PageAsync(editor, $"/admin?published={Slug}&correction={id}");

        var message = desk.QuerySelector(".success[role=status]")!;
        Assert.StartsWith("Correction published on", message.TextContent);
        Assert.Equal($"/articles/{Slug}#correction-{id}", message.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal(Title, message.QuerySelector("a")!.TextContent);
    }

    [Fact]
    public async Task CorrectionForm_PreviewIsSecondary_PublishIsPrimary()
    {
        var editor = await Newsroom.SignedInAsync(_app, "edna", NewsReader.Admin.Roles.Editor);

        var form = await Newsroom.PageAsync(editor, CorrectUrl);

        var buttons = form.QuerySelectorAll("form .actions button").ToDictionary(b => b.TextContent.Trim());
        Assert.Contains("secondary", buttons["Preview"].ClassList);
        Assert.DoesNotContain("secondary", buttons["Publish correction"].ClassList);
    }

    [Fact]
    public async Task SignInFromAnArticle_ReturnsToTheArticle()
    {
        await Newsroom.AddUserAsync(_app, "edna", NewsReader.Admin.Roles.Editor);
        var client = Newsroom.Browser(_app);
        var (_, article) = await _app.GetPageAsync($"/articles/{Slug}");
        var signIn = article.QuerySelectorAll("footer a").Single(a => a.TextContent == "Newsroom sign-in").GetAttribute("href")!;

        var response = await Newsroom.SubmitAsync(client, signIn, "form[action='/admin/sign-in']", new() { ["UserName"] = "edna", ["Password"] = Newsroom.Password });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/articles/{Slug}", response.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("/admin/login?ReturnUrl=https%3A%2F%2Fevil.example%2F")]
    [InlineData("/admin/login?ReturnUrl=%2F%2Fevil.example")]
    public async Task SignIn_WithAReturnUrlElsewhere_GoesToTheDesk(string login)
    {
        await Newsroom.AddUserAsync(_app, "edna", NewsReader.Admin.Roles.Editor);
        var client = Newsroom.Browser(_app);

        var response = await Newsroom.SubmitAsync(client, login, "form[action='/admin/sign-in']", new() { ["UserName"] = "edna", ["Password"] = Newsroom.Password });

        Assert.Equal("/admin", response.Headers.Location!.OriginalString);
    }

    private static string Squash(string text) => System.Text.RegularExpressions.Regex.Replace(text, @"\s+", " ").Trim();
}
