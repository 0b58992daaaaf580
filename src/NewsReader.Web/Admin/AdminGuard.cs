using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;

namespace NewsReader.Admin;

/// <summary>
/// Fallback for everything under /admin: an endpoint that forgot its [Authorize] still requires an editor.
/// Only endpoints marked [AllowAnonymous] on purpose (the login page and form) are open.
/// </summary>
public static class AdminGuard
{
    public static IApplicationBuilder UseAdminGuard(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        var endpoint = http.GetEndpoint();
        if (http.Request.Path.StartsWithSegments("/admin", StringComparison.OrdinalIgnoreCase)
            && endpoint is not null
            && endpoint.Metadata.GetMetadata<IAllowAnonymous>() is null
            && endpoint.Metadata.GetMetadata<IAuthorizeData>() is null
            && !http.User.IsEditor())
        {
            if (http.User.Identity?.IsAuthenticated == true)
            {
                await http.ForbidAsync();
            }
            else
            {
                await http.ChallengeAsync();
            }

            return;
        }

        await next(http);
    });
}
