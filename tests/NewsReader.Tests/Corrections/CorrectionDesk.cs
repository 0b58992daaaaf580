using System.Net;
using AngleSharp.Dom;
using NewsReader.Tests.Admin;
using NewsReader.Tests.Infrastructure;

namespace NewsReader.Tests.Corrections;

/// <summary>A seeded article and the editor's steps on it, shared by the corrections tests.</summary>
public static class CorrectionDesk
{
    public const string Title = "Harbour bridge reopens after repairs";
    public const string Slug = "harbour-bridge-reopens-after-repairs";
    public const string FileName = "bridge.txt";
    public const string First = "The mayor, John Smith, said the bridge would reopen on Monday after three weeks of repairs.";
    public const string Second = "Traffic was diverted through the old town during the works, officials said.";

    public static string Article(string first = First, string second = Second) =>
        Seeds.TextArticle(Title, "Harbour Gazette", "By Ana Ruiz", "March 3, 2024", first, second);

    public static Task SeedAsync(NewsReaderApp app) => app.SeedAsync((FileName, Article()));

    public static string CorrectUrl => $"/admin/articles/{Slug}/correct";

    /// <summary>Fills the correction form; <paramref name="amend"/> rewrites the body Markdown, null leaves it as it is.</summary>
    public static async Task<HttpResponseMessage> SubmitAsync(HttpClient editor, string button, string kind, string note, Func<string, string>? amend = null)
    {
        var form = await Newsroom.PageAsync(editor, CorrectUrl);
        var body = ((AngleSharp.Html.Dom.IHtmlTextAreaElement)form.QuerySelector("#correction-body")!).Value;
        return await Newsroom.SubmitAsync(editor, CorrectUrl, "form:has(#correction-note)",
            new() { ["Kind"] = kind, ["Note"] = note, ["Body"] = amend is null ? body : amend(body) }, button);
    }

    /// <summary>Publishes a correction and returns its id from the redirect to the desk, which says it is published.</summary>
    public static async Task<long> PublishAsync(HttpClient editor, string kind, string note, Func<string, string>? amend = null)
    {
        var response = await SubmitAsync(editor, "Publish correction", kind, note, amend);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = new Uri(new Uri("http://localhost"), response.Headers.Location!).PathAndQuery;
        var match = System.Text.RegularExpressions.Regex.Match(location, $"^/admin\\?published={Slug}&correction=(\\d+)$");
        Assert.True(match.Success, location);
        return long.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    public static string BodyText(IDocument page) => page.QuerySelector(".article-body")!.TextContent;
}
