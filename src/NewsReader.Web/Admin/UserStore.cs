using System.Security.Cryptography;
using Dapper;
using Microsoft.AspNetCore.Identity;
using NewsReader.Store;

namespace NewsReader.Admin;

/// <summary>Accounts and their server-side sessions. Passwords are hashed with ASP.NET Core Identity's PBKDF2 hasher.</summary>
public sealed class UserStore(Db db, TimeProvider time)
{
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromMinutes(30);
    public static readonly TimeSpan AbsoluteTimeout = TimeSpan.FromHours(12);

    private static readonly PasswordHasher<AdminUser> Hasher = new();

    // Verifying against this hash when the name is unknown makes a wrong name take as long as a wrong password.
    private static readonly string DummyHash = Hasher.HashPassword(new AdminUser(), Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)));

    private const string Columns = """
        id, name, role, password_hash AS PasswordHash, disabled, created_at AS CreatedAt, password_changed_at AS PasswordChangedAt
        """;

    private const string ByNameSql = $"SELECT {Columns} FROM users WHERE name = @name";

    private const string ListSql = $"SELECT {Columns} FROM users ORDER BY name";

    private const string AnySql = "SELECT EXISTS (SELECT 1 FROM users)";

    private const string InsertSql = """
        INSERT INTO users (name, role, password_hash, created_at, password_changed_at) VALUES (@name, @role, @hash, @now, @now)
        """;

    private const string SetPasswordSql = "UPDATE users SET password_hash = @hash, password_changed_at = @now WHERE id = @id";

    private const string SetDisabledSql = "UPDATE users SET disabled = @disabled WHERE id = @id";

    private const string InsertSessionSql = """
        INSERT INTO user_sessions (id, user_id, created_at, last_seen_at, expires_at) VALUES (@id, @userId, @now, @now, @expires)
        """;

    private const string SessionSql = """
        SELECT s.id, s.user_id AS UserId, s.created_at AS CreatedAt, s.last_seen_at AS LastSeenAt, s.expires_at AS ExpiresAt,
               s.revoked_at AS RevokedAt, u.name AS UserName, u.role, u.disabled
        FROM user_sessions s JOIN users u ON u.id = s.user_id WHERE s.id = @id
        """;

    private const string TouchSessionSql = "UPDATE user_sessions SET last_seen_at = @now WHERE id = @id";

    private const string RevokeSessionSql = "UPDATE user_sessions SET revoked_at = @now WHERE id = @id AND revoked_at IS NULL";

    private const string RevokeUserSessionsSql = "UPDATE user_sessions SET revoked_at = @now WHERE user_id = @userId AND revoked_at IS NULL";

    public async Task<bool> AnyAsync(CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        return await c.ExecuteScalarAsync<bool>(new CommandDefinition(AnySql, cancellationToken: ct));
    }

    public async Task<AdminUser?> FindAsync(string name, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        return await c.QuerySingleOrDefaultAsync<AdminUser>(new CommandDefinition(ByNameSql, new { name = name.Trim() }, cancellationToken: ct));
    }

    public async Task<IReadOnlyList<AdminUser>> ListAsync(CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        return (await c.QueryAsync<AdminUser>(new CommandDefinition(ListSql, cancellationToken: ct))).AsList();
    }

    /// <summary>Creates a user; null on success, else the reason.</summary>
    public async Task<string?> AddAsync(string name, string role, string password, CancellationToken ct)
    {
        name = name.Trim();
        if (!UserNames.IsValid(name))
        {
            return UserNames.Rule;
        }

        if (!Roles.IsValid(role))
        {
            return "The role must be 'admin' or 'editor'.";
        }

        if (PasswordPolicy.Check(password, name) is { } problem)
        {
            return problem;
        }

        if (await FindAsync(name, ct) is not null)
        {
            return $"A user named '{name}' already exists.";
        }

        await using var c = await db.OpenAsync(ct);
        await c.ExecuteAsync(new CommandDefinition(InsertSql, new { name, role, hash = Hasher.HashPassword(new AdminUser { Name = name }, password), now = Now() }, cancellationToken: ct));
        return null;
    }

    /// <summary>Sets a new password and ends the user's sessions; null on success, else the reason.</summary>
    public async Task<string?> ResetPasswordAsync(AdminUser user, string password, CancellationToken ct)
    {
        if (PasswordPolicy.Check(password, user.Name) is { } problem)
        {
            return problem;
        }

        await using var c = await db.OpenAsync(ct);
        await c.ExecuteAsync(new CommandDefinition(SetPasswordSql, new { id = user.Id, hash = Hasher.HashPassword(user, password), now = Now() }, cancellationToken: ct));
        await c.ExecuteAsync(new CommandDefinition(RevokeUserSessionsSql, new { userId = user.Id, now = Now() }, cancellationToken: ct));
        return null;
    }

    /// <summary>Disables or re-enables an account; disabling ends its sessions at once.</summary>
    public async Task SetDisabledAsync(AdminUser user, bool disabled, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        await c.ExecuteAsync(new CommandDefinition(SetDisabledSql, new { id = user.Id, disabled = disabled ? 1 : 0 }, cancellationToken: ct));
        if (disabled)
        {
            await c.ExecuteAsync(new CommandDefinition(RevokeUserSessionsSql, new { userId = user.Id, now = Now() }, cancellationToken: ct));
        }
    }

    /// <summary>The enabled user with this name and password, or null. Takes the same time whether or not the name exists.</summary>
    public async Task<AdminUser?> VerifyAsync(string name, string password, CancellationToken ct)
    {
        var user = await FindAsync(name, ct);
        var result = Hasher.VerifyHashedPassword(user ?? new AdminUser(), user?.PasswordHash ?? DummyHash, password);
        if (user is null || user.Disabled || result == PasswordVerificationResult.Failed)
        {
            return null;
        }

        if (result == PasswordVerificationResult.SuccessRehashNeeded)
        {
            await using var c = await db.OpenAsync(ct);
            await c.ExecuteAsync(new CommandDefinition(SetPasswordSql, new { id = user.Id, hash = Hasher.HashPassword(user, password), now = user.PasswordChangedAt }, cancellationToken: ct));
        }

        return user;
    }

    /// <summary>Starts a new session (a fresh random id each login, so a planted cookie is useless).</summary>
    public async Task<string> StartSessionAsync(AdminUser user, CancellationToken ct)
    {
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        var now = time.GetUtcNow();
        await using var c = await db.OpenAsync(ct);
        await c.ExecuteAsync(new CommandDefinition(InsertSessionSql, new { id, userId = user.Id, now = Clock.Iso(now), expires = Clock.Iso(now + AbsoluteTimeout) }, cancellationToken: ct));
        return id;
    }

    /// <summary>The session if it is still good (not revoked, user enabled, within idle and absolute limits); it is marked as seen.</summary>
    public async Task<UserSession?> ValidateSessionAsync(string id, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        var session = await c.QuerySingleOrDefaultAsync<UserSession>(new CommandDefinition(SessionSql, new { id }, cancellationToken: ct));
        var now = time.GetUtcNow();
        if (session is null || session.RevokedAt is not null || session.Disabled
            || now >= Clock.Parse(session.ExpiresAt) || now - Clock.Parse(session.LastSeenAt) >= IdleTimeout)
        {
            return null;
        }

        // Writing on every request would serialize readers behind a write; once a minute is precise enough for a 30-minute idle limit.
        if (now - Clock.Parse(session.LastSeenAt) > TimeSpan.FromMinutes(1))
        {
            await c.ExecuteAsync(new CommandDefinition(TouchSessionSql, new { id, now = Clock.Iso(now) }, cancellationToken: ct));
        }

        return session;
    }

    public async Task RevokeSessionAsync(string id, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        await c.ExecuteAsync(new CommandDefinition(RevokeSessionSql, new { id, now = Now() }, cancellationToken: ct));
    }

    private string Now() => Clock.Iso(time.GetUtcNow());
}

/// <summary>User names: short, printable, no spaces, so they read unambiguously in the audit log.</summary>
public static partial class UserNames
{
    public const string Rule = "A user name is 2 to 64 letters, digits, dots, dashes or underscores.";

    public static bool IsValid(string name) => NamePattern().IsMatch(name);

    [System.Text.RegularExpressions.GeneratedRegex(@"^[\p{L}\p{Nd}._-]{2,64}$")]
    private static partial System.Text.RegularExpressions.Regex NamePattern();
}
