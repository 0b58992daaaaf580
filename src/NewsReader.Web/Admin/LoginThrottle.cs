using System.Collections.Concurrent;

namespace NewsReader.Admin;

/// <summary>
/// Progressive lockout after failed logins, kept per account name and per client address.
/// Nine failures are free; the tenth attempt is refused for a minute; after that each failure locks again for twice as long,
/// capped at 15 minutes so an attacker can delay a user but never lock them out for good.
/// Failures older than the window are forgotten, and a successful login clears the account's record.
/// </summary>
public sealed class LoginThrottle(TimeProvider time)
{
    public const int FreeFailuresPerAccount = 9;
    public const int FreeFailuresPerAddress = 30;
    public static readonly TimeSpan FirstLockout = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan MaxLockout = TimeSpan.FromMinutes(15);
    public static readonly TimeSpan Window = TimeSpan.FromHours(1);

    /// <summary>Above this many remembered names and addresses, stale ones are dropped, so sprayed random names cannot fill memory.</summary>
    public const int PruneAbove = 10_000;

    private readonly ConcurrentDictionary<string, Record> _records = new(StringComparer.Ordinal);

    internal int TrackedCount => _records.Count;

    /// <summary>How long a lockout lasts after <paramref name="lockouts"/> earlier ones (0 for the first).</summary>
    public static TimeSpan LockoutAfter(int lockouts) =>
        TimeSpan.FromTicks(Math.Min(MaxLockout.Ticks, FirstLockout.Ticks << Math.Min(lockouts, 20)));

    /// <summary>Time left before this account or address may try again; null when it may try now.</summary>
    public TimeSpan? RetryAfter(string account, string address)
    {
        var now = time.GetUtcNow();
        var wait = new[] { Wait(AccountKey(account), now), Wait(AddressKey(address), now) }.Max();
        return wait > TimeSpan.Zero ? wait : null;
    }

    public void Failed(string account, string address)
    {
        var now = time.GetUtcNow();
        if (_records.Count > PruneAbove)
        {
            Prune(now);
        }

        Fail(AccountKey(account), FreeFailuresPerAccount, now);
        Fail(AddressKey(address), FreeFailuresPerAddress, now);
    }

    public void Succeeded(string account) => _records.TryRemove(AccountKey(account), out _);

    private void Prune(DateTimeOffset now)
    {
        foreach (var (key, r) in _records)
        {
            if (r.LockedUntil <= now && now - r.LastFailure > Window)
            {
                _records.TryRemove(key, out _);
            }
        }
    }

    private TimeSpan Wait(string key, DateTimeOffset now) =>
        _records.TryGetValue(key, out var r) && r.LockedUntil > now ? r.LockedUntil - now : TimeSpan.Zero;

    private void Fail(string key, int free, DateTimeOffset now) =>
        _records.AddOrUpdate(key, _ => Next(new Record(0, 0, now, DateTimeOffset.MinValue), free, now), (_, r) => Next(r, free, now));

    private static Record Next(Record r, int free, DateTimeOffset now)
    {
        if (now - r.LastFailure > Window)
        {
            r = new Record(0, 0, now, DateTimeOffset.MinValue);
        }

        // Once locked, every further failure locks again (longer), until the window passes quietly.
        var failures = r.Failures + 1;
        if (failures < (r.Lockouts == 0 ? free : 1))
        {
            return r with { Failures = failures, LastFailure = now };
        }

        return new Record(0, r.Lockouts + 1, now, now + LockoutAfter(r.Lockouts));
    }

    private static string AccountKey(string account) => "u:" + account.Trim().ToLowerInvariant();

    private static string AddressKey(string address) => "a:" + address;

    private sealed record Record(int Failures, int Lockouts, DateTimeOffset LastFailure, DateTimeOffset LockedUntil);
}
