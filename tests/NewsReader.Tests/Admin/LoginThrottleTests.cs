using NewsReader.Admin;

namespace NewsReader.Tests.Admin;

public sealed class LoginThrottleTests
{
    private sealed class ManualClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => Now;
    }

    private readonly ManualClock _clock = new();

    [Fact]
    public void NineFailuresAreFree_TheTenthAttemptWaitsAMinute()
    {
        var throttle = new LoginThrottle(_clock);
        for (var i = 0; i < 8; i++)
        {
            throttle.Failed("edna", "10.0.0.1");
            Assert.Null(throttle.RetryAfter("edna", "10.0.0.1"));
        }

        throttle.Failed("edna", "10.0.0.1");

        Assert.Equal(TimeSpan.FromMinutes(1), throttle.RetryAfter("edna", "10.0.0.1"));
        Assert.Equal(TimeSpan.FromMinutes(1), throttle.RetryAfter("EDNA", "10.0.0.2"));
        Assert.Null(throttle.RetryAfter("someone-else", "10.0.0.2"));
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
    public void AfterALockout_EachFurtherFailureLocksLonger_AndTheLockExpires()
    {
        var throttle = new LoginThrottle(_clock);
        for (var i = 0; i < 9; i++)
        {
            throttle.Failed("edna", "10.0.0.1");
        }

        _clock.Now += TimeSpan.FromMinutes(1);
        Assert.Null(throttle.RetryAfter("edna", "10.0.0.1"));
        throttle.Failed("edna", "10.0.0.1");
        Assert.Equal(TimeSpan.FromMinutes(2), throttle.RetryAfter("edna", "10.0.0.1"));

        _clock.Now += TimeSpan.FromMinutes(2);
        Assert.Null(throttle.RetryAfter("edna", "10.0.0.1"));
    }

    [Fact]
    public void AQuietHour_ForgetsOldFailures()
    {
        var throttle = new LoginThrottle(_clock);
        for (var i = 0; i < 8; i++)
        {
            throttle.Failed("edna", "10.0.0.1");
        }

        _clock.Now += TimeSpan.FromHours(2);
        throttle.Failed("edna", "10.0.0.1");

        Assert.Null(throttle.RetryAfter("edna", "10.0.0.1"));
    }

    [Fact]
    public void Success_ClearsTheAccountsFailures()
    {
        var throttle = new LoginThrottle(_clock);
        for (var i = 0; i < 8; i++)
        {
            throttle.Failed("edna", "10.0.0.1");
        }

        throttle.Succeeded("edna");
        throttle.Failed("edna", "10.0.0.1");

        Assert.Null(throttle.RetryAfter("edna", "10.0.0.1"));
    }

    [Fact]
    public void SprayingManyAccountsFromOneAddress_LocksTheAddress()
    {
        var throttle = new LoginThrottle(_clock);
        for (var i = 0; i < LoginThrottle.FreeFailuresPerAddress; i++)
        {
            throttle.Failed($"user{i}", "10.0.0.9");
        }

        Assert.NotNull(throttle.RetryAfter("user-never-tried", "10.0.0.9"));
        Assert.Null(throttle.RetryAfter("user-never-tried", "10.0.0.8"));
    }

    [Fact]
    public void SprayedNames_AreForgottenOnceStale_SoMemoryStaysBounded()
    {
        var throttle = new LoginThrottle(_clock);
        for (var i = 0; i <= LoginThrottle.PruneAbove; i++)
        {
            throttle.Failed($"random-{i}", $"10.1.{i / 250}.{i % 250}");
        }

        _clock.Now += LoginThrottle.Window + TimeSpan.FromMinutes(1);
        throttle.Failed("edna", "10.0.0.1");

        Assert.Equal(2, throttle.TrackedCount);
    }
}
