using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NewsReader.Ingestion;
using NewsReader.Tests.Infrastructure;

namespace NewsReader.Tests.Ingestion;

/// <summary>The running app picks up files dropped into the seeds folder without being asked.</summary>
public sealed class SeedWatcherTests : IDisposable
{
    // A bound on the wait, not a timing goal: events normally arrive within a second, the safety-net rescan every two.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    private readonly NewsReaderApp _app = new(watchSeeds: true);

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Watcher_FileDroppedAfterStart_AppearsOnTheHomePage()
    {
        File.Copy(Seeds.SeedFile, Path.Combine(_app.SeedsPath, "seed.txt"));
        _ = _app.Server;
        await _app.Services.GetRequiredService<SeedWatcher>().FirstScan.WaitAsync(Patience);
        Assert.Single((await _app.GetPageAsync("/")).Document.QuerySelectorAll("article.card"));

        await File.WriteAllTextAsync(Path.Combine(_app.SeedsPath, "dropped.txt"), Seeds.TextArticle("Lifeboat crew rescues kayakers off Gull Point"));

        Assert.True(await EventuallyAsync(async () =>
            (await _app.GetPageAsync("/")).Document.QuerySelectorAll("article.card h2").Any(h => h.TextContent.Trim() == "Lifeboat crew rescues kayakers off Gull Point")),
            "the dropped article never appeared on /");
    }

    [Fact]
    public async Task Watcher_FileDeletedWhileRunning_MarksArticleSourceMissing()
    {
        var path = Path.Combine(_app.SeedsPath, "seed.txt");
        File.Copy(Seeds.SeedFile, path);
        _ = _app.Server;
        await _app.Services.GetRequiredService<SeedWatcher>().FirstScan.WaitAsync(Patience);

        File.Delete(path);

        Assert.True(await EventuallyAsync(async () =>
            (await _app.GetPageAsync($"/articles/{Seeds.SeedSlug}/source")).Document.QuerySelector(".notice") is not null),
            "the source page never said the file was removed");
    }

    [Fact]
    public async Task Watcher_FolderMovedIn_ItsArticlesAppear()
    {
        _ = _app.Server;
        await _app.Services.GetRequiredService<SeedWatcher>().FirstScan.WaitAsync(Patience);
        var outside = Path.Combine(_app.Root, "incoming");
        Directory.CreateDirectory(outside);
        await File.WriteAllTextAsync(Path.Combine(outside, "storm.txt"), Seeds.TextArticle("Storm closes coast road at Gannet Head"));

        Directory.Move(outside, Path.Combine(_app.SeedsPath, "batch-1"));

        Assert.True(await EventuallyAsync(async () =>
            (await _app.GetPageAsync("/")).Document.QuerySelectorAll("article.card h2").Any(h => h.TextContent.Trim() == "Storm closes coast road at Gannet Head")),
            "the article in the moved folder never appeared on /");
    }

    [Fact]
    public async Task Watcher_FileDroppedWhileTheFirstScanRuns_IsIngestedWithoutWaitingForARescan()
    {
        // The rescan is an hour away here: only the watcher can see a file that lands after the first scan listed the folder.
        using var app = new NewsReaderApp(watchSeeds: true, settings: new Dictionary<string, string?> { ["NewsReader:RescanInterval"] = "01:00:00" });
        for (var i = 0; i < 1500; i++)
        {
            await File.WriteAllTextAsync(Path.Combine(app.SeedsPath, $"early-{i:D4}.txt"), Seeds.TextArticle($"Harbour notes № {i}: the tide’s early report"));
        }

        _ = app.Server;
        var watcher = app.Services.GetRequiredService<SeedWatcher>();
        await EventuallyAsync(async () => await ArticleCountAsync(app) > 0, TimeSpan.FromMilliseconds(10));
        await File.WriteAllTextAsync(Path.Combine(app.SeedsPath, "late.txt"), Seeds.TextArticle("Late edition: ferry “Kittiwake” back in service"));
        Assert.False(watcher.FirstScan.IsCompleted, "the first scan ended before the late file was written; the test needs more early files");

        await watcher.FirstScan.WaitAsync(Patience);

        Assert.True(await EventuallyAsync(async () => await ArticleCountAsync(app, "Late edition: ferry “Kittiwake” back in service") == 1),
            "the file dropped during the first scan was not ingested");
    }

    private static async Task<int> ArticleCountAsync(NewsReaderApp app, string? title = null)
    {
        await using var c = await app.OpenDatabaseAsync();
        return title is null
            ? await Dapper.SqlMapper.ExecuteScalarAsync<int>(c, "SELECT COUNT(*) FROM articles")
            : await Dapper.SqlMapper.ExecuteScalarAsync<int>(c, "SELECT COUNT(*) FROM articles WHERE title = @title", new { title });
    }

    [Fact]
    public async Task Watcher_SeedsPathIsAFile_AppStillServesPages()
    {
        var notAFolder = Path.Combine(_app.Root, "seeds-is-a-file");
        await File.WriteAllTextAsync(notAFolder, "not a folder");
        using var app = new NewsReaderApp(watchSeeds: true, settings: new Dictionary<string, string?> { ["NewsReader:SeedsPath"] = notAFolder });
        _ = app.Server;

        await app.Services.GetRequiredService<SeedWatcher>().FirstScan.WaitAsync(Patience);

        var (response, page) = await app.GetPageAsync("/");
        Assert.Equal(200, (int)response.StatusCode);
        Assert.Contains("No articles yet", page.QuerySelector(".empty")!.TextContent);
    }

    [Fact]
    public async Task Watcher_ZeroRescanInterval_StillIngestsAndServes()
    {
        using var app = new NewsReaderApp(watchSeeds: true, settings: new Dictionary<string, string?> { ["NewsReader:RescanInterval"] = "00:00:00" });
        File.Copy(Seeds.SeedFile, Path.Combine(app.SeedsPath, "seed.txt"));
        _ = app.Server;

        await app.Services.GetRequiredService<SeedWatcher>().FirstScan.WaitAsync(Patience);

        Assert.True(await EventuallyAsync(async () => (await app.GetPageAsync($"/articles/{Seeds.SeedSlug}")).Response.StatusCode == System.Net.HttpStatusCode.OK),
            "the seed never became readable");
    }

    [Fact]
    public async Task Watcher_RescanThatFindsNothingNew_LogsNothing_AndABrokenFileIsToldOnce()
    {
        File.Copy(Seeds.SeedFile, Path.Combine(_app.SeedsPath, "seed.txt"));
        await File.WriteAllTextAsync(Path.Combine(_app.SeedsPath, "empty.txt"), "");
        var logs = new CapturedLogs();
        using var app = _app.WithWebHostBuilder(b => b.ConfigureLogging(l => l.AddProvider(logs).AddFilter<CapturedLogs>(null, LogLevel.Debug)));
        _ = app.Server;

        // The rescan runs every 2 s here; wait for the start-up scan and two rescans.
        Assert.True(await EventuallyAsync(() => Task.FromResult(Scans(logs).Count >= 3)), "fewer than three scans ran");

        var scans = Scans(logs);
        Assert.Equal(LogLevel.Information, scans[0].Level);
        Assert.All(scans.Skip(1), s => Assert.Equal(LogLevel.Debug, s.Level));
        Assert.Single(logs.Entries, e => e.Level >= LogLevel.Warning && e.Message.Contains("empty.txt", StringComparison.Ordinal));
    }

    private static List<(string Category, LogLevel Level, string Message)> Scans(CapturedLogs logs) =>
        logs.Entries.Where(e => e.Category == typeof(SeedWatcher).FullName && e.Message.StartsWith("Scanned", StringComparison.Ordinal)).ToList();

    private static async Task<bool> EventuallyAsync(Func<Task<bool>> condition, TimeSpan? poll = null)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (DateTime.UtcNow < deadline)
        {
            if (await condition())
            {
                return true;
            }

            await Task.Delay(poll ?? TimeSpan.FromMilliseconds(200));
        }

        return await condition();
    }
}
