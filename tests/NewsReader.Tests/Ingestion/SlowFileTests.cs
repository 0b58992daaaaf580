using Dapper;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using NewsReader.Extraction;
using NewsReader.Ingestion;
using NewsReader.Extraction.Text;
using NewsReader.Tests.Infrastructure;

namespace NewsReader.Tests.Ingestion;

/// <summary>
/// A file that takes long to parse (a very large page) must not hold up the rest: the articles stored before it are
/// committed, so readers see them, and the write lock is free for an editor's correction while it parses.
/// </summary>
public sealed class SlowFileTests : IDisposable
{
    private readonly NewsReaderApp _app = new();
    private readonly GateParser _gate = new();

    public void Dispose()
    {
        _gate.Release();
        _app.Dispose();
    }

    [Fact]
    public async Task WhileAFileIsStillParsing_ArticlesBeforeItAreVisible_AndTheDatabaseTakesOtherWrites()
    {
        await using var app = _app.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<IArticleParser>(_gate)));
        File.WriteAllText(Path.Combine(_app.SeedsPath, "a.txt"), Seeds.TextArticle("Quay walls repaired after winter storms"));
        File.WriteAllText(Path.Combine(_app.SeedsPath, "b.txt"), Seeds.TextArticle("Lifeboat crew honoured for rescue"));
        File.WriteAllText(Path.Combine(_app.SeedsPath, "c-large.gate"), Seeds.TextArticle("Harbour dredging finishes early"));
        File.WriteAllText(Path.Combine(_app.SeedsPath, "d.txt"), Seeds.TextArticle("Fish market moves to the north quay"));

        var ingesting = app.Services.GetRequiredService<Ingester>().IngestFolderAsync(_app.SeedsPath, CancellationToken.None);
        await _gate.Started.WaitAsync(TimeSpan.FromSeconds(30));

        var visible = await TitlesOnceAsync(titles => titles.Count == 2);
        Assert.Equal(["Lifeboat crew honoured for rescue", "Quay walls repaired after winter storms"], visible);
        await using (var editor = await ConnectAsync())
        {
            // An editor's write, with no waiting allowed: it fails with SQLITE_BUSY if ingestion holds the write lock.
            await editor.ExecuteAsync("PRAGMA busy_timeout = 0; BEGIN IMMEDIATE; ROLLBACK;");
        }

        _gate.Release();
        var summary = await ingesting;
        Assert.All(summary.Outcomes, o => Assert.Equal(IngestionResult.Ingested, o.Result));
        Assert.Equal(4, (await TitlesOnceAsync(titles => titles.Count == 4)).Count);
    }

    private Task<System.Data.Common.DbConnection> ConnectAsync() => _app.OpenDatabaseAsync();

    /// <summary>The stored titles once they satisfy the condition, or as they are after 10 seconds.</summary>
    private async Task<List<string>> TitlesOnceAsync(Func<List<string>, bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            await using var c = await ConnectAsync();
            var titles = (await c.QueryAsync<string>("SELECT title FROM articles ORDER BY title")).AsList();
            if (condition(titles) || DateTime.UtcNow > deadline)
            {
                return titles;
            }

            await Task.Delay(20);
        }
    }

    /// <summary>Parses ".gate" files as text, but only once released: a stand-in for a file that takes long to parse.</summary>
    private sealed class GateParser : IArticleParser
    {
        private readonly TextArticleParser _text = new();
        private readonly ManualResetEventSlim _released = new();
        private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Started => _started.Task;

        public string Format => "text";

        public string Version => _text.Version;

        public bool CanParse(string path) => path.EndsWith(".gate", StringComparison.Ordinal);

        public ParsedArticle Parse(ReadOnlySpan<byte> content, string path)
        {
            _started.TrySetResult();
            _released.Wait(TimeSpan.FromSeconds(30));
            return _text.Parse(content, path);
        }

        public void Release() => _released.Set();
    }
}
