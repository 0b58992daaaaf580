using System.Net;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using NewsReader.Admin;
using NewsReader.Tests.Infrastructure;

namespace NewsReader.Tests.Admin;

/// <summary>Signs people in and submits forms the way a browser does: token and hidden fields read from the page.</summary>
public static class Newsroom
{
    public const string Password = "tangerine-harbour-lamp";

    public static async Task AddUserAsync(NewsReaderApp app, string name, string role)
    {
        _ = app.Server;
        Assert.Null(await app.Services.GetRequiredService<UserStore>().AddAsync(name, role, Password, CancellationToken.None));
    }

    /// <summary>A cookie-keeping client that does not follow redirects, so tests see them.</summary>
    public static HttpClient Browser(NewsReaderApp app) =>
        app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    public static async Task<HttpClient> SignedInAsync(NewsReaderApp app, string name, string role)
    {
        await AddUserAsync(app, name, role);
        var client = Browser(app);
        var response = await SignInAsync(client, name, Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/admin", response.Headers.Location!.OriginalString);
        return client;
    }

    public static Task<HttpResponseMessage> SignInAsync(HttpClient client, string name, string password) =>
        SubmitAsync(client, "/admin/login", "form[action='/admin/sign-in']", new() { ["UserName"] = name, ["Password"] = password });

    public static async Task<IDocument> PageAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.IsSuccessStatusCode, $"GET {url} gave {(int)response.StatusCode}");
        return await ParseAsync(response, url);
    }

    public static async Task<IDocument> ParseAsync(HttpResponseMessage response, string url)
    {
        var html = await response.Content.ReadAsStringAsync();
        return await BrowsingContext.New(Configuration.Default).OpenAsync(req => req.Content(html).Address("http://localhost" + url));
    }

    /// <summary>Loads the page, fills the form's fields (hidden ones included), overrides some and posts it like a browser.</summary>
    public static async Task<HttpResponseMessage> SubmitAsync(HttpClient client, string pageUrl, string formSelector, Dictionary<string, string> values, string? button = null)
    {
        var page = await PageAsync(client, pageUrl);
        var form = page.QuerySelector(formSelector) as IHtmlFormElement ?? throw new InvalidOperationException($"No form {formSelector} on {pageUrl}");
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            var name = element.GetAttribute("name");
            if (string.IsNullOrEmpty(name) || element is IHtmlButtonElement)
            {
                continue;
            }

            var value = element switch
            {
                IHtmlSelectElement select => select.SelectedOptions.FirstOrDefault()?.Value ?? select.Options.FirstOrDefault()?.Value ?? "",
                IHtmlTextAreaElement area => area.Value,
                IHtmlInputElement input => input.Value,
                _ => "",
            };
            fields.Add(new(name, values.TryGetValue(name, out var v) ? v : value));
        }

        foreach (var (name, value) in values.Where(v => fields.All(f => f.Key != v.Key)))
        {
            fields.Add(new(name, value));
        }

        if (button is not null)
        {
            var b = form.QuerySelectorAll("button").OfType<IHtmlButtonElement>().Single(x => x.TextContent.Trim() == button);
            fields.Add(new(b.Name!, b.Value));
        }

        var action = form.GetAttribute("action") is { Length: > 0 } a ? a : pageUrl;
        return await client.PostAsync(action, new FormUrlEncodedContent(fields));
    }
}
