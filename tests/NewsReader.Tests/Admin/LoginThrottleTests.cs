using Microsoft.Extensions.Logging.Abstractions;
using NewsReader.Admin;
using NewsReader.Store;
using NewsReader.Tests.Infrastructure;

namespace NewsReader.Tests.Admin;

/// <summary>The sign-in throttle, counted in the database (SQLite, or PostgreSQL with NEWSREADER_TEST_DATABASE=postgres).</summary>
public sealed class LoginThrottleTests : IAsyncLifetime
{
    private sealed class ManualClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => Now;
    }

    private static readonly CancellationToken None = CancellationToken.None;

    private readonly string _folder = Directory.CreateTempSubdirectory("newsreader-throttle-").FullName;
    private readonly ManualClock _clock = new();
    private TestDatabase _database = null!;
    private Db _db = null!;

    public async Task InitializeAsync()
    {
        _database = TestDatabase.Create(_folder);
        _db = _database.OpenStore();
        await new Migrator(_db, NullLogger<Migrator>.Instance).MigrateAsync();
    }

    public async Task DisposeAsync()
    {
        await _db.DisposeAsync();
        _database.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>A throttle of its own, as each node has: only the database is shared.</summary>
    private LoginThrottle Node() => new(_db, _clock);

    private static async Task FailAsync(LoginThrottle throttle, int times, string account = "edna", string address = "10.0.0.1")
    {
        for (var i = 0; i < times; i++)
        {
            await throttle.FailedAsync(account, address, None);
        }
    }

    [Fact]
    public async Task NineFailuresAreFree_TheTenthAttemptWaitsAMinute()
    {
        var throttle = Node();
        for (var i = 0; i < 8; i++)
        {
            await throttle.FailedAsync("edna", "10.0.0.1", None);
            Assert.Null(await throttle.RetryAfterAsync("edna", "10.0.0.1", None));
        }

        await throttle.FailedAsync("edna", "10.0.0.1", None);

        Assert.Equal(TimeSpan.FromMinutes(1), await throttle.RetryAfterAsync("edna", "10.0.0.1", None));
        Assert.Equal(TimeSpan.FromMinutes(1), await throttle.RetryAfterAsync("EDNA", "10.0.0.2", None));
        Assert.Null(await throttle.RetryAfterAsync("someone-else", "10.0.0.2", None));
    }

    [Fact]
    public async Task FailuresOnTwoNodes_AddUpToOneLockout()
    {
        var (a, b) = (Node(), Node());
        await FailAsync(a, 5);
        await FailAsync(b, 3);
        Assert.Null(await b.RetryAfterAsync("edna", "10.0.0.1", None));

        await a.FailedAsync("edna", "10.0.0.3", None);

        Assert.Equal(TimeSpan.FromMinutes(1), await b.RetryAfterAsync("edna", "10.0.0.4", None));
    }

    [Fact]
    public async Task FailuresAtTheSameMomentOnManyNodes_AreEachCounted()
    {
        // Nine nodes fail one sign-in each, concurrently: none is lost, so the ninth locks the account.
        await Task.WhenAll(Enumerable.Range(0, LoginThrottle.FreeFailuresPerAccount).Select(i => Node().FailedAsync("edna", $"10.0.1.{i}", None)));

        Assert.Equal(TimeSpan.FromMinutes(1), await Node().RetryAfterAsync("edna", "10.0.0.9", None));
    }

    [Fact]
    public void LockoutsDouble_ButNeverExceedFifteenMinutes()
    {
        Assert.Equal(
            [1, 2, 4, 8, 15, 15, 15],
            Enumerable.Range(0, 7).Select(n => LoginThrottle.LockoutAfter(n).TotalMinutes));
        Assert.Equal(LoginThrottle.MaxLockout, LoginThrottle.LockoutAfter(int.MaxValue));
    }

    [Fact]
    public async Task AfterALockout_EachFurtherFailureLocksLonger_AndTheLockExpires()
    {
        var throttle = Node();
        await FailAsync(throttle, 9);

        _clock.Now += TimeSpan.FromMinutes(1);
        Assert.Null(await throttle.RetryAfterAsync("edna", "10.0.0.1", None));
        await throttle.FailedAsync("edna", "10.0.0.1", None);
        Assert.Equal(TimeSpan.FromMinutes(2), await throttle.RetryAfterAsync("edna", "10.0.0.1", None));

        _clock.Now += TimeSpan.FromMinutes(2);
        Assert.Null(await throttle.RetryAfterAsync("edna", "10.0.0.1", None));
    }

    [Fact]
    public async Task AQuietHour_ForgetsOldFailures()
    {
        var throttle = Node();
        await FailAsync(throttle, 8);

        _clock.Now += TimeSpan.FromHours(2);
        await throttle.FailedAsync("edna", "10.0.0.1", None);

        Assert.Null(await throttle.RetryAfterAsync("edna", "10.0.0.1", None));
    }

    [Fact]
    public async Task Success_ClearsTheAccountsFailures()
    {
        var throttle = Node();
        await FailAsync(throttle, 8);

        await throttle.SucceededAsync("edna", None);
        await throttle.FailedAsync("edna", "10.0.0.1", None);

        Assert.Null(await throttle.RetryAfterAsync("edna", "10.0.0.1", None));
    }

    [Fact]
    public async Task SprayingManyAccountsFromOneAddress_LocksTheAddress()
    {
        var throttle = Node();
        for (var i = 0; i < LoginThrottle.FreeFailuresPerAddress; i++)
        {
            await throttle.FailedAsync($"user{i}", "10.0.0.9", None);
        }

        Assert.NotNull(await throttle.RetryAfterAsync("user-never-tried", "10.0.0.9", None));
        Assert.Null(await throttle.RetryAfterAsync("user-never-tried", "10.0.0.8", None));
    }

    [Fact]
    public async Task SprayedNames_AreForgottenOnceStale_SoTheTableStaysSmall()
    {
        var throttle = Node();
        for (var i = 0; i < 200; i++)
        {
            await throttle.FailedAsync($"random-{i}", $"10.1.{i / 250}.{i % 250}", None);
        }

        _clock.Now += LoginThrottle.Window + TimeSpan.FromMinutes(1);
        await throttle.FailedAsync("edna", "10.0.0.1", None);

        Assert.Equal(2, await throttle.TrackedCountAsync(None));
    }
}
