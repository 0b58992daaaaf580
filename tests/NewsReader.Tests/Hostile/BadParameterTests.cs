using NewsReader.Admin;
using NewsReader.Tests.Admin;
using NewsReader.Tests.Infrastructure;

namespace NewsReader.Tests.Hostile;

/// <summary>
/// Walks every route with a table of bad query values, as a reader and as an admin: nothing answers 5xx. Each route gets
/// every bad value in every parameter at once, and every parameter alone with a value from the table; the whole
/// route × parameter × value product runs in the fuzz benchmark (tests/fuzz).
/// </summary>
public sealed class BadParameterTests : IDisposable
{
    private readonly NewsReaderApp _app = new(settings: new Dictionary<string, string?> { ["NewsReader:Api:RateLimitPermits"] = "0" });

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task EveryRoute_EveryParameter_EveryBadValue_AnswersWithoutA5xx()
    {
        await _app.SeedAsync(("minister.txt", Seeds.TextArticle("Harbour minister resigns over ferry contract")));
        var reader = _app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var admin = await Newsroom.SignedInAsync(_app, "ada", Roles.Admin);
        var failures = new List<string>();

        for (var r = 0; r < RouteTable.Routes.Length; r++)
        {
            var route = RouteTable.Routes[r];
            var client = route.StartsWith("/admin", StringComparison.Ordinal) ? admin : reader;
            var urls = RouteTable.BadValues.Select(value => $"{route}?{string.Join("&", RouteTable.Parameters.Select(p => $"{p}={value}"))}")
                .Concat(RouteTable.Parameters.SelectMany((p, i) => new[] { 0, 7, 13 }.Select(k => $"{route}?{p}={RouteTable.BadValues[(r + i + k) % RouteTable.BadValues.Length]}")))
                .Concat(RouteTable.BadValues.Select(value => $"{route}?page={value}"));
            foreach (var url in urls)
            {
                var response = await client.GetAsync(url);
                if ((int)response.StatusCode >= 500)
                {
                    failures.Add($"{(int)response.StatusCode} {(url.Length > 120 ? url[..120] + "…" : url)}");
                }
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} answers were 5xx:\n{string.Join("\n", failures.Take(60))}");
    }
}
