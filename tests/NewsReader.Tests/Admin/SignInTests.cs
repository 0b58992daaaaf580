using System.Net;
using NewsReader.Admin;
using NewsReader.Tests.Infrastructure;

namespace NewsReader.Tests.Admin;

public sealed class SignInTests : IDisposable
{
    private readonly NewsReaderApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task WithNoUserYet_AdminExplainsHowToCreateTheFirst()
    {
        var client = Newsroom.Browser(_app);

        var response = await client.GetAsync("/admin");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await Newsroom.PageAsync(client, response.Headers.Location!.PathAndQuery);

        Assert.Contains("users add <name> --role admin", page.QuerySelector("#main pre")!.TextContent);
        Assert.Null(page.QuerySelector("input[type=password]"));
    }

    [Fact]
    public async Task SignIn_WithLabelledFields_OpensTheDeskAndSetsAStrictHttpOnlyCookie()
    {
        await Newsroom.AddUserAsync(_app, "edna", Roles.Editor);
        var client = Newsroom.Browser(_app);
        var login = await Newsroom.PageAsync(client, "/admin/login");
        Assert.Equal("User name", login.QuerySelector("label[for=user-name]")!.TextContent);
        Assert.Equal("Password", login.QuerySelector("label[for=password]")!.TextContent);
        Assert.Equal("Sign in", login.QuerySelector("form[action='/admin/sign-in'] button")!.TextContent);

        var response = await Newsroom.SignInAsync(client, "edna", Newsroom.Password);

        Assert.Equal("/admin", response.Headers.Location!.OriginalString);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(SessionCookie.Name + "=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        var desk = await Newsroom.PageAsync(client, "/admin");
        Assert.Equal("Newsroom desk", desk.QuerySelector("h1")!.TextContent);
        Assert.Contains("Signed in as edna", desk.QuerySelector(".admin-nav")!.TextContent);
    }

    [Fact]
    public async Task WrongPassword_ShowsAMessageAndNoSession()
    {
        await Newsroom.AddUserAsync(_app, "edna", Roles.Editor);
        var client = Newsroom.Browser(_app);

        var response = await Newsroom.SignInAsync(client, "edna", "not-the-password-at-all");

        Assert.StartsWith("/admin/login?failed=1", response.Headers.Location!.OriginalString);
        var page = await Newsroom.PageAsync(client, response.Headers.Location.OriginalString);
        Assert.Contains("do not match", page.QuerySelector("[role=alert]")!.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/admin")).StatusCode);
    }

    [Fact]
    public async Task TenthBadPassword_Gets429WithRetryAfter_EvenWithTheRightPassword()
    {
        await Newsroom.AddUserAsync(_app, "edna", Roles.Editor);
        var client = Newsroom.Browser(_app);
        for (var i = 1; i <= 9; i++)
        {
            var bad = await Newsroom.SignInAsync(client, "edna", $"wrong-password-number-{i}");
            Assert.Equal(HttpStatusCode.Redirect, bad.StatusCode);
        }

        var tenth = await Newsroom.SignInAsync(client, "edna", "wrong-password-number-10");
        var right = await Newsroom.SignInAsync(client, "edna", Newsroom.Password);

        Assert.Equal(HttpStatusCode.TooManyRequests, tenth.StatusCode);
        var retryAfter = tenth.Headers.RetryAfter!.Delta!.Value;
        Assert.InRange(retryAfter, TimeSpan.FromSeconds(1), LoginThrottle.MaxLockout);
        Assert.Equal(HttpStatusCode.TooManyRequests, right.StatusCode);
    }

    [Fact]
    public async Task SignInWithoutAntiforgeryToken_Is400()
    {
        await Newsroom.AddUserAsync(_app, "edna", Roles.Editor);
        var client = Newsroom.Browser(_app);

        var response = await client.PostAsync("/admin/sign-in", new FormUrlEncodedContent(new Dictionary<string, string> { ["UserName"] = "edna", ["Password"] = Newsroom.Password }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task AdminFormWithoutAntiforgeryToken_Is400AndChangesNothing()
    {
        var admin = await Newsroom.SignedInAsync(_app, "ada", Roles.Admin);

        var response = await admin.PostAsync("/admin/users", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "add-user", ["NewName"] = "mallory", ["NewRole"] = "admin", ["NewPassword"] = "mallory-was-here-2024",
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain("mallory", (await Newsroom.PageAsync(admin, "/admin/users")).QuerySelector("table")!.TextContent);
    }

    [Fact]
    public async Task SignOut_RevokesTheSessionEvenIfTheOldCookieIsReplayed()
    {
        await Newsroom.AddUserAsync(_app, "edna", Roles.Editor);
        var client = Newsroom.Browser(_app);
        var signIn = await Newsroom.SignInAsync(client, "edna", Newsroom.Password);
        var copied = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(SessionCookie.Name + "=", StringComparison.Ordinal)).Split(';')[0];
        Assert.Equal(HttpStatusCode.OK, (await Replay(copied)).StatusCode);

        var response = await Newsroom.SubmitAsync(client, "/admin", "form[action='/admin/sign-out']", []);

        Assert.Equal("/admin/login?signedOut=1", response.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/admin")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Replay(copied)).StatusCode);
    }

    [Fact]
    public async Task SignInAgain_StartsANewSession()
    {
        await Newsroom.AddUserAsync(_app, "edna", Roles.Editor);
        var client = Newsroom.Browser(_app);
        var first = SessionCookieOf(await Newsroom.SignInAsync(client, "edna", Newsroom.Password));

        var second = SessionCookieOf(await Newsroom.SignInAsync(client, "edna", Newsroom.Password));

        Assert.NotEqual(first, second);
        Assert.Equal(HttpStatusCode.Redirect, (await Replay(first)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Replay(second)).StatusCode);
    }

    [Fact]
    public async Task DisablingAUser_EndsTheirSession()
    {
        var admin = await Newsroom.SignedInAsync(_app, "ada", Roles.Admin);
        var editor = await Newsroom.SignedInAsync(_app, "edna", Roles.Editor);
        Assert.Equal(HttpStatusCode.OK, (await editor.GetAsync("/admin")).StatusCode);

        await Newsroom.AddUserAsync(_app, "bob", Roles.Editor);

        // Rows are by name (ada, bob, edna): with two toggle forms on the page, edna's must act on edna alone.
        var response = await Newsroom.SubmitAsync(admin, "/admin/users", "tbody tr:nth-child(3) form", [], "Disable edna");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/admin/users", response.Headers.Location!.AbsolutePath);
        var rows = (await Newsroom.PageAsync(admin, "/admin/users")).QuerySelectorAll("tbody tr").Select(r => r.Children[3].TextContent).ToList();
        Assert.Equal(["active", "active", "disabled"], rows);
        Assert.Equal(HttpStatusCode.Redirect, (await editor.GetAsync("/admin")).StatusCode);
        Assert.Contains("disabled edna", (await Newsroom.PageAsync(admin, "/admin/audit")).QuerySelector("table")!.TextContent);
    }

    [Theory]
    [InlineData("https://evil.example/phish")]
    [InlineData("//evil.example/phish")]
    [InlineData("/\\evil.example")]
    public void ReturnUrl_StaysOnThisSite(string url) => Assert.Equal("/admin", SignInEndpoints.LocalUrl(url));

    private static string SessionCookieOf(HttpResponseMessage response) =>
        response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(SessionCookie.Name + "=", StringComparison.Ordinal)).Split(';')[0];

    /// <summary>GET /admin from another client carrying a copy of a session cookie, as a thief would.</summary>
    private Task<HttpResponseMessage> Replay(string cookie)
    {
        var thief = _app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var request = new HttpRequestMessage(HttpMethod.Get, "/admin");
        request.Headers.Add("Cookie", cookie);
        return thief.SendAsync(request);
    }
}
