using Microsoft.Extensions.DependencyInjection;
using NewsReader.Corrections;
using NewsReader.Tests.Infrastructure;
using Npgsql;

namespace NewsReader.Tests.Postgres;

/// <summary>
/// Reading pages served from a streaming replica that applies each commit late (<c>recovery_min_apply_delay</c>), as a
/// busy replica does: a change must not leave the reading cache full of pages rendered from before it.
/// </summary>
public sealed class ReplicaLagTests : IAsyncLifetime
{
    // A bound on each wait, not a timing goal.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private readonly string _dir = Path.Combine(Path.GetTempPath(), "newsreader-replica-" + Guid.NewGuid().ToString("N")[..8]);

    public async Task InitializeAsync()
    {
        var primary = new NpgsqlConnectionStringBuilder(TestDatabase.ClusterConnectionString()).Host!;
        await PostgresScriptAsync("replica", _dir, primary, "1500ms");
    }

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await PostgresScriptAsync("stop", _dir);
    }

    [Fact]
    public async Task AmendedText_ReplicaLagging_ShowsOnTheCachedArticleOnceFiled()
    {
        var database = TestDatabase.CreatePostgres();
        var replica = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Host = _dir }.ToString();
        using var app = new NewsReaderApp(settings: new Dictionary<string, string?> { ["ConnectionStrings:NewsReaderReadOnly"] = replica }, database: database);
        await app.SeedShippedArticleAsync();
        await UntilTheReplicaHoldsTheArticleAsync(replica);
        var client = app.CreateClient();
        var before = await client.GetStringAsync($"/articles/{Seeds.SeedSlug}");

        var corrections = app.Services.GetRequiredService<CorrectionStore>();
        var live = (await corrections.LiveRevisionAsync(Seeds.SeedSlug, CancellationToken.None))!;
        var amended = live.BodyMarkdown + "\n\nThe mission’s first head, named on 17 January, is the former ambassador to Brussels — a career diplomat.";
        var filed = await corrections.PublishAsync(live.ArticleId, live.Id, new CorrectionDraft(
            CorrectionKind.Update, "This article was updated with the name of the mission’s first head.", amended), "edna", CancellationToken.None);
        var after = await client.GetStringAsync($"/articles/{Seeds.SeedSlug}");

        // The amended text is a new revision the page reads from the replica: without waiting for the replica, the cache
        // would be dropped too early and filled again with the text from before.
        Assert.True(filed.Ok);
        Assert.DoesNotContain("former ambassador to Brussels", before);
        Assert.Contains("former ambassador to Brussels", after);
    }

    private static async Task UntilTheReplicaHoldsTheArticleAsync(string replica)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            try
            {
                await using var c = new NpgsqlConnection(replica);
                await c.OpenAsync();
                await using var count = new NpgsqlCommand("SELECT COUNT(*) FROM articles", c);
                if ((long)(await count.ExecuteScalarAsync())! > 0)
                {
                    return;
                }
            }
            catch (PostgresException) when (DateTime.UtcNow < deadline)
            {
                // The database or its tables are not on the replica yet.
            }

            Assert.True(DateTime.UtcNow < deadline, "the replica never received the article");
            await Task.Delay(100);
        }
    }

    private static async Task PostgresScriptAsync(params string[] arguments)
    {
        var (exit, _, error) = await AppProcess.RunToolAsync(Seeds.RepoRoot, "bash", [Path.Combine("tests", "postgres.sh"), .. arguments]);
        Assert.True(exit == 0, $"tests/postgres.sh {string.Join(' ', arguments)} failed: {error}");
    }
}
