using System.Diagnostics;
using System.Net;
using AngleSharp.Dom;
using Dapper;
using NewsReader.Admin;
using NewsReader.Store;
using NewsReader.Tests.Admin;
using NewsReader.Tests.Corrections;
using NewsReader.Tests.Infrastructure;
using Npgsql;
using Xunit.Abstractions;

namespace NewsReader.Tests.Postgres;

/// <summary>
/// Two app processes on one PostgreSQL database, as two web nodes behind a load balancer, behave as one site. Always on
/// the cluster named by NEWSREADER_TEST_POSTGRES (a database of its own), whatever NEWSREADER_TEST_DATABASE says.
/// </summary>
public sealed class SeveralNodesTests(ITestOutputHelper output) : IAsyncLifetime
{
    // Bounds on waits, not timing goals (the test prints how long each took): a node that stopped ingesting must be
    // replaced within 30 s, so that is the wait for the takeover.
    private static readonly TimeSpan Takeover = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan AtOnce = TimeSpan.FromSeconds(5);

    private readonly string _root = Directory.CreateTempSubdirectory("newsreader-nodes-").FullName;
    private readonly List<AppNode> _nodes = [];
    private TestDatabase _database = null!;

    private string SeedsPath => Path.Combine(_root, "seeds");

    public Task InitializeAsync()
    {
        _database = TestDatabase.CreatePostgres();
        Directory.CreateDirectory(SeedsPath);
        File.WriteAllText(Path.Combine(SeedsPath, CorrectionDesk.FileName), CorrectionDesk.Article());
        File.WriteAllText(Path.Combine(SeedsPath, "ferry.txt"), Seeds.TextArticle("Ferry timetable changes for the winter"));
        File.WriteAllText(Path.Combine(SeedsPath, "école.txt"), Seeds.TextArticle("L’école du port rouvre — « enfin », disent les parents", "Gazette du Port", "Par Zoé Müller", "3 mars 2024"));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        foreach (var node in _nodes)
        {
            await node.DisposeAsync();
        }

        _database.Dispose();
        Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public async Task TwoNodesOnOneDatabase_ActAsOneSite()
    {
        var (a, b) = await StartTwoNodesAsync();
        await AddAdminAsync("ada");
        Assert.True(await UntilAsync(Patience, async () => (await TitlesAsync(b)).Count == 3), "B never showed the three seeded articles");

        var ingester = OneNodeIngests(a, b);
        await TheIngestVerb_WaitsItsTurn();
        await CookieFromA_SignsInOnB(a, b);
        await CorrectionOnA_IsOnBsPageAtOnce(a, b);
        await KillingTheIngester_HandsIngestionToTheOther(ingester, ingester == a ? b : a);
        await EachFileWasIngestedOnce(expectedFiles: 4);
    }

    /// <summary>Both nodes watch the same seeds folder and rescan every second; only the lock's holder scans.</summary>
    private AppNode OneNodeIngests(AppNode a, AppNode b)
    {
        var ingesters = new[] { a, b }.Where(n => n.Log.Contains(") is the ingester", StringComparison.Ordinal)).ToList();
        var ingester = Assert.Single(ingesters);
        var other = ingester == a ? b : a;
        Assert.Contains($"Scanned {SeedsPath}: 3 ingested", ingester.Log, StringComparison.Ordinal);
        Assert.Contains("Another node ingests the seeds folder", other.Log, StringComparison.Ordinal);
        Assert.DoesNotContain("Scanned ", other.Log, StringComparison.Ordinal);
        return ingester;
    }

    /// <summary>A one-shot ingest on a third machine while a node holds the ingester lock: it says so and stores nothing.</summary>
    private async Task TheIngestVerb_WaitsItsTurn()
    {
        var (exit, _, stderr) = await AppProcess.RunAsync(_root, "ingest", SeedsPath,
            "--NewsReader:Database:Provider=Postgres", $"--ConnectionStrings:NewsReader={_database.ConnectionString}");

        Assert.Equal(1, exit);
        Assert.Contains("Another node is ingesting", stderr, StringComparison.Ordinal);
    }

    private static async Task CookieFromA_SignsInOnB(AppNode a, AppNode b)
    {
        var cookies = new CookieContainer();
        using var onA = a.Client(cookies);
        var signIn = await Newsroom.SignInAsync(onA, "ada", Newsroom.Password);
        Assert.Equal("/admin", signIn.Headers.Location!.OriginalString);
        var session = cookies.GetCookies(a.BaseAddress)[SessionCookie.Name]!;

        using var onB = b.Client();
        Assert.Equal(HttpStatusCode.Redirect, (await onB.GetAsync("/admin")).StatusCode);
        var request = new HttpRequestMessage(HttpMethod.Get, "/admin");
        request.Headers.Add("Cookie", $"{session.Name}={session.Value}");
        var desk = await Newsroom.ParseAsync(await onB.SendAsync(request), "/admin");

        Assert.Equal("Newsroom desk", desk.QuerySelector("h1")?.TextContent);
        Assert.Contains("Signed in as ada", desk.QuerySelector(".admin-nav")!.TextContent);
    }

    private async Task CorrectionOnA_IsOnBsPageAtOnce(AppNode a, AppNode b)
    {
        var page = $"/articles/{CorrectionDesk.Slug}";
        using var reader = b.Client();
        await reader.GetAsync(page);
        var cached = await reader.GetAsync(page);
        Assert.True(cached.Headers.Age is not null, "B served the article page from its cache, so only a signal can make it fresh");

        var cookies = new CookieContainer();
        using var editor = a.Client(cookies);
        await Newsroom.SignInAsync(editor, "ada", Newsroom.Password);
        var id = await CorrectionDesk.PublishAsync(editor, "Correction", "An earlier version misspelled the mayor’s name.", body => body.Replace("John Smith", "John Smyth", StringComparison.Ordinal));

        IDocument? seen = null;
        var clock = Stopwatch.StartNew();
        var reads = 0;
        Assert.True(
            await UntilAsync(AtOnce, async () =>
            {
                reads++;
                seen = await Newsroom.ParseAsync(await reader.GetAsync(page), page);
                return seen.QuerySelector($"#correction-{id}") is not null;
            }),
            "B kept serving its cached copy of the article after A published a correction");
        output.WriteLine($"B showed the correction {clock.ElapsedMilliseconds} ms after A's publish answered, on read {reads}");
        Assert.Contains("John Smyth", CorrectionDesk.BodyText(seen!));
    }

    private async Task KillingTheIngester_HandsIngestionToTheOther(AppNode ingester, AppNode survivor)
    {
        Assert.DoesNotContain("Scanned ", survivor.Log, StringComparison.Ordinal);
        await ingester.KillAsync();
        var clock = Stopwatch.StartNew();
        const string title = "Lighthouse keeper’s logbooks go on show";
        await File.WriteAllTextAsync(Path.Combine(SeedsPath, "logbooks.txt"), Seeds.TextArticle(title));

        Assert.True(await UntilAsync(Takeover, async () => (await TitlesAsync(survivor)).Contains(title)), $"the survivor did not ingest the new file within {Takeover.TotalSeconds} s:\n{survivor.Log}");
        output.WriteLine($"The survivor showed the new file {clock.ElapsedMilliseconds} ms after the ingester was killed");
        Assert.Contains(") is the ingester", survivor.Log, StringComparison.Ordinal);
    }

    private async Task EachFileWasIngestedOnce(int expectedFiles)
    {
        await using var c = new NpgsqlConnection(_database.ConnectionString);
        var perPath = (await c.QueryAsync<(string Path, long Rows)>("SELECT path, COUNT(*) FROM ingestion_log GROUP BY path")).ToList();
        Assert.Equal(expectedFiles, perPath.Count);
        Assert.All(perPath, p => Assert.Equal(1, p.Rows));
        Assert.Equal(expectedFiles, await c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM articles"));
    }

    private async Task<(AppNode A, AppNode B)> StartTwoNodesAsync()
    {
        var settings = new Dictionary<string, string?>
        {
            ["NewsReader:Database:Provider"] = "Postgres",
            ["ConnectionStrings:NewsReader"] = _database.ConnectionString,
            ["NewsReader:SeedsPath"] = SeedsPath,
            ["NewsReader:WatchSeeds"] = "true",
            ["NewsReader:RescanInterval"] = "00:00:01",
        };
        var starting = new[] { "A", "B" }.Select(name => AppNode.StartAsync(name, _root, settings)).ToList();
        try
        {
            await Task.WhenAll(starting);
        }
        finally
        {
            _nodes.AddRange(starting.Where(t => t.IsCompletedSuccessfully).Select(t => t.Result));
        }

        return (starting[0].Result, starting[1].Result);
    }

    private async Task AddAdminAsync(string name)
    {
        await using var db = Db.ForPostgres(_database.ConnectionString!);
        Assert.Null(await new UserStore(db, TimeProvider.System).AddAsync(name, Roles.Admin, Newsroom.Password, CancellationToken.None));
    }

    private static async Task<IReadOnlyList<string>> TitlesAsync(AppNode node)
    {
        using var client = node.Client();
        var page = await Newsroom.PageAsync(client, "/");
        return page.QuerySelectorAll("article.card h2").Select(h => h.TextContent.Trim()).ToList();
    }

    private static async Task<bool> UntilAsync(TimeSpan limit, Func<Task<bool>> condition)
    {
        var clock = Stopwatch.StartNew();
        do
        {
            if (await condition())
            {
                return true;
            }

            await Task.Delay(100);
        }
        while (clock.Elapsed < limit);

        return false;
    }
}
