using System.Security.Claims;

namespace NewsReader.Admin;

/// <summary>The two roles: editors file corrections and triage reports; admins also manage users and read the audit log.</summary>
public static class Roles
{
    public const string Admin = "admin";
    public const string Editor = "editor";

    public static bool IsValid(string role) => role is Admin or Editor;
}

/// <summary>Authorization policy names.</summary>
public static class Policies
{
    /// <summary>Any signed-in editor or admin.</summary>
    public const string Editor = "Editor";

    /// <summary>Admins only.</summary>
    public const string Admin = "Admin";
}

/// <summary>A user account as stored.</summary>
public sealed record AdminUser
{
    public long Id { get; init; }
    public string Name { get; init; } = "";
    public string Role { get; init; } = Roles.Editor;
    public string PasswordHash { get; init; } = "";
    public bool Disabled { get; init; }
    public string CreatedAt { get; init; } = "";
    public string PasswordChangedAt { get; init; } = "";
}

/// <summary>A server-side session row: the cookie only names it.</summary>
public sealed record UserSession
{
    public string Id { get; init; } = "";
    public long UserId { get; init; }
    public string CreatedAt { get; init; } = "";
    public string LastSeenAt { get; init; } = "";
    public string ExpiresAt { get; init; } = "";
    public string? RevokedAt { get; init; }
    public string UserName { get; init; } = "";
    public string Role { get; init; } = "";
    public bool Disabled { get; init; }
}

/// <summary>Claims the session cookie carries.</summary>
public static class AdminClaims
{
    public const string SessionId = "newsreader:session";

    /// <summary>The signed-in user's name, for audit rows and revision authorship.</summary>
    public static string UserName(this ClaimsPrincipal user) =>
        user.Identity?.Name ?? throw new InvalidOperationException("No signed-in user.");

    public static bool IsEditor(this ClaimsPrincipal? user) =>
        user?.Identity?.IsAuthenticated == true && (user.IsInRole(Roles.Editor) || user.IsInRole(Roles.Admin));
}

/// <summary>Timestamps stored as ISO 8601 text, like the rest of the schema.</summary>
public static class Clock
{
    public static string Iso(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", System.Globalization.CultureInfo.InvariantCulture);

    public static DateTimeOffset Parse(string iso) => DateTimeOffset.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);
}
