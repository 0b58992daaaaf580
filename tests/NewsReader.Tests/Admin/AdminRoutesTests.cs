using System.Net;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using NewsReader.Admin;
using NewsReader.Tests.Infrastructure;

namespace NewsReader.Tests.Admin;

/// <summary>Every /admin endpoint the app actually has, found from its endpoint data source, refuses those who may not use it.</summary>
public sealed class AdminRoutesTests : IDisposable
{
    private readonly NewsReaderApp _app = new();

    public void Dispose() => _app.Dispose();

    private List<RouteEndpoint> AdminEndpoints()
    {
        _ = _app.Server;
        return _app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => ("/" + e.RoutePattern.RawText!.TrimStart('/')).StartsWith("/admin", StringComparison.OrdinalIgnoreCase))
            .ToList();
    }

    private static string SamplePath(RoutePattern pattern) => "/" + string.Join("/", pattern.PathSegments.Select(s => string.Concat(s.Parts.Select(p => p switch
    {
        RoutePatternLiteralPart literal => literal.Content,
        RoutePatternParameterPart parameter => parameter.ParameterPolicies.Any(x => x.Content is "long" or "int") ? "1" : "some-article",
        _ => "",
    }))));

    private static string Method(Endpoint e) =>
        e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.OrderBy(m => m == "GET" ? 0 : 1).First() ?? "GET";

    /// <summary>Every method the endpoint answers: Blazor pages take GET and form POSTs, and both must be guarded.</summary>
    private static IEnumerable<string> Methods(Endpoint e) => e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"];

    private static bool AdminOnly(Endpoint e) => e.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => a.Policy == Policies.Admin);

    [Fact]
    public void OnlyTheLoginPageAndFormAreOpen()
    {
        var endpoints = AdminEndpoints();
        Assert.True(endpoints.Count >= 10, $"found only {endpoints.Count} admin endpoints");
        var open = endpoints.Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is not null).Select(e => SamplePath(e.RoutePattern)).Order();
        Assert.Equal(["/admin/login", "/admin/sign-in"], open);
        Assert.Contains(endpoints, e => SamplePath(e.RoutePattern) == "/admin/users" && AdminOnly(e));
        Assert.Contains(endpoints, e => SamplePath(e.RoutePattern) == "/admin/audit" && AdminOnly(e));
    }

    [Fact]
    public async Task EveryAdminEndpoint_SendsAnAnonymousVisitorToSignIn()
    {
        var client = Newsroom.Browser(_app);
        foreach (var endpoint in AdminEndpoints().Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is null))
        foreach (var method in Methods(endpoint))
        {
            var path = SamplePath(endpoint.RoutePattern);
            var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = new FormUrlEncodedContent([]) });

            Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Unauthorized, $"{method} {path} gave {(int)response.StatusCode}");
            if (response.StatusCode == HttpStatusCode.Redirect)
            {
                Assert.StartsWith("http://localhost/admin/login?ReturnUrl=", response.Headers.Location!.ToString());
            }
        }
    }

    [Fact]
    public async Task EveryAdminOnlyEndpoint_RefusesAnEditorWith403()
    {
        var editor = await Newsroom.SignedInAsync(_app, "edna", Roles.Editor);
        var adminOnly = AdminEndpoints().Where(AdminOnly).ToList();
        Assert.NotEmpty(adminOnly);
        foreach (var endpoint in adminOnly)
        foreach (var method in Methods(endpoint))
        {
            var path = SamplePath(endpoint.RoutePattern);
            var response = await editor.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = new FormUrlEncodedContent([]) });

            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{method} {path} gave {(int)response.StatusCode} to an editor");
        }
    }

    [Fact]
    public async Task EveryEditorPage_OpensForAnEditor()
    {
        var editor = await Newsroom.SignedInAsync(_app, "edna", Roles.Editor);
        var pages = AdminEndpoints().Where(e => !AdminOnly(e) && e.Metadata.GetMetadata<IAllowAnonymous>() is null && Method(e) == "GET"
            && !e.RoutePattern.Parameters.Any()).ToList();
        Assert.True(pages.Count >= 4);
        foreach (var endpoint in pages)
        {
            var response = await editor.GetAsync(SamplePath(endpoint.RoutePattern));
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{SamplePath(endpoint.RoutePattern)} gave {(int)response.StatusCode} to an editor");
        }
    }

    [Fact]
    public async Task AnAdmin_OpensUsersAndAuditLog()
    {
        var admin = await Newsroom.SignedInAsync(_app, "ada", Roles.Admin);

        var users = await Newsroom.PageAsync(admin, "/admin/users");
        Assert.Contains("ada", users.QuerySelector("table")!.TextContent);
        var audit = await Newsroom.PageAsync(admin, "/admin/audit");
        Assert.Contains("signed in", audit.QuerySelector("table")!.TextContent);
    }
}
