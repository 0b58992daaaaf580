using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace NewsReader.Admin;

public static class AdminExtensions
{
    /// <summary>Accounts, cookie sessions (keys in the database), authorization policies, login throttling and the audit log.</summary>
    public static IHostApplicationBuilder AddAdmin(this IHostApplicationBuilder builder)
    {
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<UserStore>();
        builder.Services.AddSingleton<AuditLog>();
        builder.Services.AddSingleton<LoginThrottle>();
        builder.Services.AddSharedKeyRing();
        builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(SessionCookie.Configure);
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Editor, p => p.RequireAuthenticatedUser().RequireRole(Roles.Editor, Roles.Admin))
            .AddPolicy(Policies.Admin, p => p.RequireAuthenticatedUser().RequireRole(Roles.Admin));
        builder.Services.AddCascadingAuthenticationState();
        return builder;
    }

    /// <summary>
    /// Authentication and authorization middleware are NOT added here on purpose: WebApplication inserts them
    /// before the app's own middleware, ahead of UseAntiforgery, which must see the signed-in user to validate tokens.
    /// </summary>
    public static WebApplication MapAdmin(this WebApplication app)
    {
        app.UseAntiforgeryRefusal();
        app.UseAdminGuard();
        app.MapSignIn();
        return app;
    }
}
