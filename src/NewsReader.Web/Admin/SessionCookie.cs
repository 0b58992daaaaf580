using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace NewsReader.Admin;

/// <summary>
/// The admin session cookie. It only names a server-side session, which is checked on every request,
/// so logout, disabling a user or resetting a password ends the session at once.
/// </summary>
public static class SessionCookie
{
    public const string Name = "NewsReader.Admin";

    public static void Configure(CookieAuthenticationOptions options)
    {
        options.Cookie.Name = Name;
        options.Cookie.HttpOnly = true;
        options.Cookie.SameSite = SameSiteMode.Strict;
        // Secure whenever the site is served over HTTPS; plain HTTP on a home network still works.
        options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        options.LoginPath = "/admin/login";
        options.LogoutPath = "/admin/sign-out";
        options.ExpireTimeSpan = UserStore.IdleTimeout;
        options.SlidingExpiration = true;
        options.Events.OnValidatePrincipal = ValidateAsync;
        options.Events.OnRedirectToAccessDenied = DenyAsync;
    }

    public static ClaimsPrincipal Principal(long userId, string name, string role, string sessionId) =>
        new(new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, userId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                new Claim(ClaimTypes.Name, name),
                new Claim(ClaimTypes.Role, role),
                new Claim(AdminClaims.SessionId, sessionId),
            ],
            CookieAuthenticationDefaults.AuthenticationScheme, ClaimTypes.Name, ClaimTypes.Role));

    private static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var users = context.HttpContext.RequestServices.GetRequiredService<UserStore>();
        var sessionId = context.Principal?.FindFirstValue(AdminClaims.SessionId);
        var session = sessionId is null ? null : await users.ValidateSessionAsync(sessionId, context.HttpContext.RequestAborted);
        if (session is null)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return;
        }

        // The role comes from the database, not from the cookie, so a change takes effect on the next request.
        context.ReplacePrincipal(Principal(session.UserId, session.UserName, session.Role, session.Id));
    }

    /// <summary>A signed-in user without the role gets a plain 403, not a redirect loop.</summary>
    private static async Task DenyAsync(RedirectContext<CookieAuthenticationOptions> context)
    {
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync(AdminHtml.Page("Not allowed", "<p>Your account may not open this page. Only admins manage users and read the audit log.</p><p><a href=\"/admin\">Back to the newsroom desk</a></p>"));
    }
}

/// <summary>Minimal standalone pages for answers given outside Blazor (403, 429).</summary>
public static class AdminHtml
{
    /// <param name="bodyHtml">Trusted HTML written in this app; never user input.</param>
    public static string Page(string title, string bodyHtml) =>
        $"""
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{System.Net.WebUtility.HtmlEncode(title)} · NewsReader</title><link rel="stylesheet" href="/app.css"></head>
        <body><main id="main" class="wrap"><h1>{System.Net.WebUtility.HtmlEncode(title)}</h1>{bodyHtml}</main></body></html>
        """;
}
