using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using NewsReader.Admin;

namespace NewsReader.Tests.Admin;

/// <summary>The fallback for an /admin endpoint that forgot its [Authorize].</summary>
public sealed class AdminGuardTests
{
    private static async Task<(int Status, bool Reached)> RunAsync(string path, Endpoint endpoint, System.Security.Claims.ClaimsPrincipal? user = null)
    {
        var services = new ServiceCollection().AddLogging();
        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(SessionCookie.Configure);
        using var provider = services.BuildServiceProvider();
        var reached = false;
        var app = new ApplicationBuilder(provider);
        app.UseAdminGuard();
        app.Run(_ =>
        {
            reached = true;
            return Task.CompletedTask;
        });
        var http = new DefaultHttpContext { RequestServices = provider };
        http.Request.Path = path;
        http.Response.Body = new MemoryStream();
        http.SetEndpoint(endpoint);
        if (user is not null)
        {
            http.User = user;
        }

        await app.Build()(http);
        return (http.Response.StatusCode, reached);
    }

    private static Endpoint Unprotected => new(_ => Task.CompletedTask, new EndpointMetadataCollection(), "forgotten");

    [Fact]
    public async Task AnUnprotectedAdminEndpoint_StillSendsAnonymousVisitorsToSignIn()
    {
        var (status, reached) = await RunAsync("/admin/forgotten", Unprotected);

        Assert.Equal(302, status);
        Assert.False(reached);
    }

    [Fact]
    public async Task AnUnprotectedAdminEndpoint_RefusesASignedInUserWithoutARole()
    {
        var stranger = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity([new(System.Security.Claims.ClaimTypes.Name, "x")], "test"));

        var (status, reached) = await RunAsync("/admin/forgotten", Unprotected, stranger);

        Assert.Equal(403, status);
        Assert.False(reached);
    }

    [Fact]
    public async Task AnEditor_AndEndpointsOutsideAdmin_AndDeliberatelyOpenOnes_PassThrough()
    {
        var editor = SessionCookie.Principal(1, "edna", Roles.Editor, "s");
        var open = new Endpoint(_ => Task.CompletedTask, new EndpointMetadataCollection(new AllowAnonymousAttribute()), "login");

        Assert.True((await RunAsync("/admin/forgotten", Unprotected, editor)).Reached);
        Assert.True((await RunAsync("/articles/x", Unprotected)).Reached);
        Assert.True((await RunAsync("/admin/login", open)).Reached);
    }
}
