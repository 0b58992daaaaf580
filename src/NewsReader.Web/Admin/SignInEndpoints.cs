using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using NewsReader.Extraction;

namespace NewsReader.Admin;

/// <summary>The login form posts here; a plain endpoint so it can answer 429 with Retry-After.</summary>
public sealed record SignInForm
{
    public string? UserName { get; init; }
    public string? Password { get; init; }
    public string? ReturnUrl { get; init; }
}

public static class SignInEndpoints
{
    public static void MapSignIn(this IEndpointRouteBuilder app)
    {
        // [FromForm] makes the endpoint require a valid antiforgery token: a post without one gets 400.
        app.MapPost("/admin/sign-in", SignInAsync).AllowAnonymous();
        app.MapPost("/admin/sign-out", SignOutAsync).RequireAuthorization(Policies.Editor);
    }

    private static async Task<IResult> SignInAsync([FromForm] SignInForm form, HttpContext http, UserStore users, LoginThrottle throttle, AuditLog audit, CancellationToken ct)
    {
        var name = (form.UserName ?? "").Trim();
        var returnUrl = LocalUrl(form.ReturnUrl);
        var address = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (await throttle.RetryAfterAsync(name, address, ct) is { } wait)
        {
            var seconds = (int)Math.Ceiling(wait.TotalSeconds);
            http.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Results.Content(
                AdminHtml.Page("Too many attempts", $"<p role=\"alert\">Too many failed sign-ins. Try again in {Math.Max(1, (seconds + 59) / 60)} minute(s).</p><p><a href=\"/admin/login\">Back to sign in</a></p>"),
                "text/html; charset=utf-8", statusCode: StatusCodes.Status429TooManyRequests);
        }

        var user = name.Length == 0 || string.IsNullOrEmpty(form.Password) ? null : await users.VerifyAsync(name, form.Password, ct);
        if (user is null)
        {
            // Counted even if the client hangs up now: aborting the request must not buy a free guess.
            await throttle.FailedAsync(name, address, CancellationToken.None);
            // Failures are logged (name cut short: it is whatever was typed); lockouts cap how many an attacker can add.
            await audit.WriteAsync(name.Length > 64 ? name[..64] : name, "sign-in failed", $"from {address}", null, ct);
            return Results.Redirect($"/admin/login?failed=1&ReturnUrl={Uri.EscapeDataString(returnUrl)}");
        }

        await throttle.SucceededAsync(name, ct);
        // A session that came in with the request (another user, or a planted cookie) ends; the login gets a fresh one.
        if (http.User.FindFirstValue(AdminClaims.SessionId) is { } previous)
        {
            await users.RevokeSessionAsync(previous, ct);
        }

        var sessionId = await users.StartSessionAsync(user, ct);
        await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, SessionCookie.Principal(user.Id, user.Name, user.Role, sessionId),
            new AuthenticationProperties { IsPersistent = false, AllowRefresh = true });
        await audit.WriteAsync(user.Name, "signed in", null, null, ct);
        return Results.Redirect(returnUrl);
    }

    private static async Task<IResult> SignOutAsync([FromForm] IFormCollection form, HttpContext http, UserStore users, AuditLog audit, CancellationToken ct)
    {
        if (http.User.FindFirstValue(AdminClaims.SessionId) is { } sessionId)
        {
            await users.RevokeSessionAsync(sessionId, ct);
            await audit.WriteAsync(http.User.UserName(), "signed out", null, null, ct);
        }

        await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return Results.Redirect("/admin/login?signedOut=1");
    }

    /// <summary>
    /// Only paths on this site (<c>Url.IsLocalUrl</c>'s rule, stricter): one leading '/', not "//" or "/\", and no
    /// whitespace or control character anywhere, since browsers drop tabs and line breaks from a Location ("/\t/host"
    /// is "//host"). An open redirect after login would hand the session to a phishing page. Characters past ASCII are
    /// percent-encoded, so the Location header is always valid; anything else sends the editor to the desk.
    /// </summary>
    public static string LocalUrl(string? url)
    {
        if (url is not { Length: > 0 and <= MaxReturnUrl } || url[0] != '/' || (url.Length > 1 && url[1] is '/' or '\\')
            || !SafeText.IsSafe(url) || url.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c == '\\'))
        {
            return "/admin";
        }

        if (url.All(char.IsAscii))
        {
            return url;
        }

        var sb = new System.Text.StringBuilder(url.Length * 2);
        foreach (var rune in url.EnumerateRunes())
        {
            if (rune.IsAscii)
            {
                sb.Append((char)rune.Value);
            }
            else
            {
                sb.Append(Uri.EscapeDataString(rune.ToString()));
            }
        }

        return sb.ToString();
    }

    private const int MaxReturnUrl = 2048;
}
