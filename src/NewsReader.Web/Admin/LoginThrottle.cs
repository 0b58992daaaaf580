using Dapper;
using NewsReader.Store;

namespace NewsReader.Admin;

/// <summary>
/// Progressive lockout after failed logins, kept per account name and per client address.
/// Nine failures are free; the tenth attempt is refused for a minute; after that each failure locks again for twice as long,
/// capped at 15 minutes so an attacker can delay a user but never lock them out for good.
/// Failures older than the window are forgotten, and a successful login clears the account's record.
/// Counted in the database (<c>sign_in_throttle</c>), so several nodes share one count: a guesser spread over them by a
/// load balancer gets no more tries than against one.
/// </summary>
public sealed class LoginThrottle(Db db, TimeProvider time)
{
    public const int FreeFailuresPerAccount = 9;
    public const int FreeFailuresPerAddress = 30;
    public static readonly TimeSpan FirstLockout = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan MaxLockout = TimeSpan.FromMinutes(15);
    public static readonly TimeSpan Window = TimeSpan.FromHours(1);

    private const string LockedUntilSql = "SELECT COALESCE(MAX(locked_until), 0) FROM sign_in_throttle WHERE key = @account OR key = @address";

    // A record whose last failure is older than the window is forgotten (its lockout, at most 15 minutes, is over), so
    // names sprayed at random cannot fill the table.
    private const string ForgetStaleSql = "DELETE FROM sign_in_throttle WHERE last_failure < @before";

    private const string EnsureSql = """
        INSERT INTO sign_in_throttle (key, failures, lockouts, last_failure, locked_until) VALUES (@key, 0, 0, 0, 0)
        ON CONFLICT (key) DO NOTHING
        """;

    private const string UpdateSql = """
        UPDATE sign_in_throttle SET failures = @Failures, lockouts = @Lockouts, last_failure = @LastFailure, locked_until = @LockedUntil
        WHERE key = @key
        """;

    private const string ForgetSql = "DELETE FROM sign_in_throttle WHERE key = @key";

    private const string CountSql = "SELECT COUNT(*) FROM sign_in_throttle";

    // Two nodes counting a failure of the same name at once: the row lock makes the second read the first's count.
    private readonly string _readSql = $"""
        SELECT failures, lockouts, last_failure AS LastFailure, locked_until AS LockedUntil FROM sign_in_throttle WHERE key = @key {db.Dialect.ForUpdate}
        """;

    /// <summary>How long a lockout lasts after <paramref name="lockouts"/> earlier ones (0 for the first).</summary>
    public static TimeSpan LockoutAfter(int lockouts) =>
        TimeSpan.FromTicks(Math.Min(MaxLockout.Ticks, FirstLockout.Ticks << Math.Min(lockouts, 20)));

    /// <summary>Time left before this account or address may try again; null when it may try now.</summary>
    public async Task<TimeSpan?> RetryAfterAsync(string account, string address, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        var lockedUntil = await c.ExecuteScalarAsync<long>(new CommandDefinition(
            LockedUntilSql, new { account = AccountKey(account), address = AddressKey(address) }, cancellationToken: ct));
        var wait = DateTimeOffset.FromUnixTimeMilliseconds(lockedUntil) - time.GetUtcNow();
        return wait > TimeSpan.Zero ? wait : null;
    }

    public async Task FailedAsync(string account, string address, CancellationToken ct)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        await using var c = await db.OpenAsync(ct);
        await c.ExecuteAsync(new CommandDefinition(ForgetStaleSql, new { before = now - (long)Window.TotalMilliseconds }, cancellationToken: ct));
        await using var tx = await c.BeginTransactionAsync(ct);
        // Always the account first, then the address: two nodes lock rows in the same order and cannot deadlock.
        foreach (var (key, free) in new[] { (AccountKey(account), FreeFailuresPerAccount), (AddressKey(address), FreeFailuresPerAddress) })
        {
            await c.ExecuteAsync(new CommandDefinition(EnsureSql, new { key }, tx, cancellationToken: ct));
            var record = await c.QuerySingleAsync<Record>(new CommandDefinition(_readSql, new { key }, tx, cancellationToken: ct));
            var next = Next(record, free, now);
            await c.ExecuteAsync(new CommandDefinition(UpdateSql, new { key, next.Failures, next.Lockouts, next.LastFailure, next.LockedUntil }, tx, cancellationToken: ct));
        }

        await tx.CommitAsync(ct);
    }

    public async Task SucceededAsync(string account, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        await c.ExecuteAsync(new CommandDefinition(ForgetSql, new { key = AccountKey(account) }, cancellationToken: ct));
    }

    /// <summary>How many names and addresses are remembered.</summary>
    internal async Task<long> TrackedCountAsync(CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        return await c.ExecuteScalarAsync<long>(new CommandDefinition(CountSql, cancellationToken: ct));
    }

    private static Record Next(Record r, int free, long now)
    {
        if (now - r.LastFailure > (long)Window.TotalMilliseconds)
        {
            r = new Record();
        }

        // Once locked, every further failure locks again (longer), until the window passes quietly.
        var failures = r.Failures + 1;
        if (failures < (r.Lockouts == 0 ? free : 1))
        {
            return r with { Failures = failures, LastFailure = now };
        }

        return new Record { Lockouts = r.Lockouts + 1, LastFailure = now, LockedUntil = now + (long)LockoutAfter((int)r.Lockouts).TotalMilliseconds };
    }

    private static string AccountKey(string account) => "u:" + account.Trim().ToLowerInvariant();

    private static string AddressKey(string address) => "a:" + address;

    /// <summary>A row of <c>sign_in_throttle</c>; times in Unix milliseconds.</summary>
    private sealed record Record
    {
        public long Failures { get; init; }

        public long Lockouts { get; init; }

        public long LastFailure { get; init; }

        public long LockedUntil { get; init; }
    }
}
