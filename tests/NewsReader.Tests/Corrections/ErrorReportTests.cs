using System.Net;
using NewsReader.Admin;
using NewsReader.Tests.Admin;
using NewsReader.Tests.Infrastructure;
using static NewsReader.Tests.Corrections.CorrectionDesk;

namespace NewsReader.Tests.Corrections;

public sealed class ErrorReportTests : IAsyncLifetime
{
    private const string ReportForm = "form[action$='/report-error']";

    private readonly NewsReaderApp _app = new();

    public Task InitializeAsync() => SeedAsync(_app);

    public Task DisposeAsync()
    {
        _app.Dispose();
        return Task.CompletedTask;
    }

    private static Dictionary<string, string> Report(string passage = "John Smith") => new()
    {
        ["Passage"] = passage, ["Problem"] = "The mayor's name is spelled Smyth.", ["Name"] = "Pat Reader", ["Email"] = "pat@example.org",
    };

    [Fact]
    public async Task ArticlePage_LinksToTheReportPage_AndHoldsNoPostForm()
    {
        var page = await Newsroom.PageAsync(Newsroom.Browser(_app), $"/articles/{Slug}");

        Assert.Equal($"/articles/{Slug}/report", page.QuerySelectorAll("main a").Single(a => a.TextContent == "Report an error in this article").GetAttribute("href"));
        Assert.Empty(page.QuerySelectorAll("main form[method=post]"));
    }

    [Fact]
    public async Task AReadersReport_IsStored_AndEditorsTriageItToCorrected()
    {
        var reader = Newsroom.Browser(_app);
        var sent = await Newsroom.SubmitAsync(reader, $"/articles/{Slug}/report", ReportForm, Report());
        Assert.Equal($"/articles/{Slug}/report?report=sent#report-error", sent.Headers.Location!.OriginalString);
        var thanks = await Newsroom.PageAsync(reader, $"/articles/{Slug}/report?report=sent");
        Assert.Contains("Thank you", thanks.QuerySelector("#report-error [role=status]")!.TextContent);

        var editor = await Newsroom.SignedInAsync(_app, "edna", Roles.Editor);
        var reports = await Newsroom.PageAsync(editor, "/admin/reports?status=new");
        var card = reports.QuerySelector("section.report")!;
        Assert.Contains("John Smith", card.QuerySelector("blockquote")!.TextContent);
        Assert.Contains("Pat Reader", card.TextContent);

        var refused = await Newsroom.SubmitAsync(editor, "/admin/reports", "section.report form", new() { ["NewStatus"] = "corrected" }, "Save");
        Assert.Contains("choose the correction", (await Newsroom.ParseAsync(refused, "/admin/reports")).QuerySelector("[role=alert]")!.TextContent);

        var correction = await PublishAsync(editor, "Correction", "An earlier version of this article misspelled the mayor's name. He is John Smyth.");
        var saved = await Newsroom.SubmitAsync(editor, "/admin/reports", "section.report form",
            new() { ["NewStatus"] = "corrected", ["CorrectionId"] = correction.ToString(System.Globalization.CultureInfo.InvariantCulture) }, "Save");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var done = await Newsroom.PageAsync(editor, "/admin/reports?status=corrected");
        Assert.Equal($"/articles/{Slug}#correction-{correction}", done.QuerySelectorAll("section.report a").Single(a => a.TextContent == "see the correction").GetAttribute("href"));
        Assert.Contains("No reports marked new", (await Newsroom.PageAsync(editor, "/admin/reports?status=new")).QuerySelector("#main")!.TextContent);
    }

    [Fact]
    public async Task WithSeveralReports_EachIsTriagedOnItsOwn()
    {
        var reader = Newsroom.Browser(_app);
        await Newsroom.SubmitAsync(reader, $"/articles/{Slug}/report", ReportForm, Report("first passage"));
        await Newsroom.SubmitAsync(reader, $"/articles/{Slug}/report", ReportForm, Report("second passage"));
        var editor = await Newsroom.SignedInAsync(_app, "edna", Roles.Editor);

        var response = await Newsroom.SubmitAsync(editor, "/admin/reports", "section.report:nth-of-type(2) form", new() { ["NewStatus"] = "declined" }, "Save");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var declined = Assert.Single((await Newsroom.PageAsync(editor, "/admin/reports?status=declined")).QuerySelectorAll("section.report"));
        Assert.Contains("first passage", declined.QuerySelector("blockquote")!.TextContent);
        Assert.Contains("second passage", (await Newsroom.PageAsync(editor, "/admin/reports?status=new")).QuerySelector("section.report blockquote")!.TextContent);
    }

    [Fact]
    public async Task AReportWithoutAPassage_IsRefusedWithAMessage()
    {
        var reader = Newsroom.Browser(_app);

        var response = await Newsroom.SubmitAsync(reader, $"/articles/{Slug}/report", ReportForm, Report(passage: " "));

        Assert.EndsWith("?report=invalid#report-error", response.Headers.Location!.OriginalString);
        var page = await Newsroom.PageAsync(reader, $"/articles/{Slug}/report?report=invalid");
        Assert.Contains("quote the passage", page.QuerySelector("#report-error [role=alert]")!.TextContent);
    }

    [Fact]
    public async Task AReportWithoutAntiforgeryToken_Is400()
    {
        var response = await Newsroom.Browser(_app).PostAsync($"/articles/{Slug}/report-error", new FormUrlEncodedContent(Report()));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Reports_AreRateLimitedPerAddress()
    {
        var reader = Newsroom.Browser(_app);
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.Redirect, (await Newsroom.SubmitAsync(reader, $"/articles/{Slug}/report", ReportForm, Report())).StatusCode);
        }

        var sixth = await Newsroom.SubmitAsync(reader, $"/articles/{Slug}/report", ReportForm, Report());

        Assert.Equal(HttpStatusCode.TooManyRequests, sixth.StatusCode);
        Assert.NotNull(sixth.Headers.RetryAfter);
    }
}
