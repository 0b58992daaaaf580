using System.Diagnostics;
using Dapper;
using Microsoft.Data.Sqlite;
using NewsReader.Tests.Infrastructure;

namespace NewsReader.Tests.Hostile;

/// <summary>
/// Ingestion killed (SIGKILL) at seeded random points, three times, then run to the end: the database passes its
/// integrity checks (SQLite and both full-text indexes) and every file is stored exactly once.
/// </summary>
public sealed class IngestionFaultTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("newsreader-fault-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public async Task IngestKilledAtRandomPoints_ThenFinished_LeavesAnIntactDatabaseWithEveryFileOnce()
    {
        var corpus = Path.Combine(_root, "corpus");
        var db = Path.Combine(_root, "fault.db");
        var (generated, _, error) = await AppProcess.RunAsync(_root, "generate-corpus", "--count", "1500", "--out", corpus, "--seed", "15");
        Assert.True(generated == 0, error);
        var files = Directory.GetFiles(corpus, "*.txt", SearchOption.AllDirectories).Length;
        Assert.Equal(1500, files);
        var random = new Random(15);

        for (var kill = 0; kill < 3; kill++)
        {
            await KillAfterAsync(TimeSpan.FromMilliseconds(random.Next(800, 4_000)), "ingest", corpus, $"--NewsReader:DatabasePath={db}");
        }

        var (exit, stdout, stderr) = await AppProcess.RunAsync(_root, "ingest", corpus, $"--NewsReader:DatabasePath={db}");

        Assert.True(exit == 0, stdout + stderr);
        await using var c = new SqliteConnection($"Data Source={db};Pooling=False");
        Assert.Equal("ok", await c.ExecuteScalarAsync<string>("PRAGMA integrity_check"));
        await c.ExecuteAsync("INSERT INTO search_index(search_index) VALUES ('integrity-check')");
        await c.ExecuteAsync("INSERT INTO search_headlines(search_headlines) VALUES ('integrity-check')");
        Assert.Equal(files, await c.ExecuteScalarAsync<long>("SELECT COUNT(DISTINCT path) FROM source_files"));
        Assert.Equal(files, await c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM source_files"));
        Assert.Equal(0, await c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM articles WHERE current_revision_id IS NULL"));
    }

    private async Task KillAfterAsync(TimeSpan after, params string[] args)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet") { WorkingDirectory = _root, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "NewsReader.Web.dll"));
        args.ToList().ForEach(start.ArgumentList.Add);
        using var process = Process.Start(start)!;
        _ = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        await Task.WhenAny(process.WaitForExitAsync(), Task.Delay(after));
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        await process.WaitForExitAsync();
    }
}
