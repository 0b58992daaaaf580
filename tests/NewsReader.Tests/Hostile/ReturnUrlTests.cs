using System.Net;
using NewsReader.Admin;
using NewsReader.Tests.Admin;
using NewsReader.Tests.Infrastructure;

namespace NewsReader.Tests.Hostile;

/// <summary>After sign-in the browser goes only to a page of this site, whatever ReturnUrl says, and never meets a 500.</summary>
public sealed class ReturnUrlTests : IDisposable
{
    private readonly NewsReaderApp _app = new();

    public void Dispose() => _app.Dispose();

    [Theory]
    [InlineData("%2F%09%2Fevil.example%2Fx")]
    [InlineData("%2F%09%5Cevil.example%2Fx")]
    [InlineData("%2F%0A%2Fevil.example")]
    [InlineData("%2F%0D%0A%2Fevil.example")]
    [InlineData("%2F%0B%2Fevil.example")]
    [InlineData("%2F%E3%80%80%2Fevil.example")]
    [InlineData("%2F%5C%2Fevil.example")]
    [InlineData("%5C%5Cevil.example")]
    [InlineData("%20%2F%2Fevil.example")]
    [InlineData("https%3A%2F%2Fevil.example")]
    [InlineData("%2F%2Fevil.example")]
    public async Task SignIn_HostileReturnUrl_LandsOnTheDesk(string returnUrl)
    {
        var location = await SignInWithAsync(returnUrl);

        Assert.Equal("/admin", location);
    }

    [Theory]
    [InlineData("%2F%C2%85%2Fevil.example")] // NEL, read as the Windows-1252 ellipsis it usually is: a path on this site
    [InlineData("%2F%ED%A0%80")]             // a lone surrogate in UTF-8: not decodable
    [InlineData("%2F%FF%FE%2F%2Fevil")]
    public async Task SignIn_UndecodableReturnUrl_StaysOnThisSite(string returnUrl)
    {
        var location = await SignInWithAsync(returnUrl);

        Assert.Matches("^/(?![/\\\\])[\\x21-\\x7E]*$", location);
    }

    [Theory]
    [InlineData("%2Fadmin%2Fcorrections%3Fpage%3D2", "/admin/corrections?page=2")]
    [InlineData("%2Farticles%2Fcaf%C3%A9", "/articles/caf%C3%A9")]
    public async Task SignIn_LocalReturnUrl_IsKept(string returnUrl, string expected) =>
        Assert.Equal(expected, await SignInWithAsync(returnUrl));

    [Theory]
    [InlineData("/\t/evil.example")]
    [InlineData("/\\evil.example")]
    [InlineData("/ /evil.example")]
    [InlineData("/\u3000/evil.example")]
    public void LocalUrl_PathsABrowserWouldTakeOffSite_AreRefused(string url) => Assert.Equal("/admin", SignInEndpoints.LocalUrl(url));

    /// <summary>Opens the login page with the ReturnUrl, signs in through its form, and returns where the browser is sent.</summary>
    private async Task<string> SignInWithAsync(string returnUrl)
    {
        await Newsroom.AddUserAsync(_app, "edna", Roles.Editor);
        var client = Newsroom.Browser(_app);
        var login = $"/admin/login?ReturnUrl={returnUrl}";
        var page = await client.GetAsync(login);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);

        var response = await Newsroom.SubmitAsync(client, login, "form[action='/admin/sign-in']", new() { ["UserName"] = "edna", ["Password"] = Newsroom.Password });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        // What a browser does with a Location: drops tabs and line breaks, reads '\' as '/', resolves against the page.
        var followed = new Uri(new Uri("http://localhost/admin/sign-in"), location.Replace("\t", "").Replace("\n", "").Replace("\r", "").Replace('\\', '/'));
        Assert.Equal("localhost", followed.Host);
        return location;
    }
}
