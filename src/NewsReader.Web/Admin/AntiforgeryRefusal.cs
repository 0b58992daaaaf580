using Microsoft.AspNetCore.Antiforgery;

namespace NewsReader.Admin;

/// <summary>
/// Answers a form post whose antiforgery token is missing or wrong with a plain 400 page, before any endpoint reads the form.
/// Without this, the status-code page re-executes the POST, reads the refused form again and turns the 400 into a 500.
/// </summary>
public static class AntiforgeryRefusal
{
    public static IApplicationBuilder UseAntiforgeryRefusal(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        if (http.Features.Get<IAntiforgeryValidationFeature>() is { IsValid: false })
        {
            http.Response.StatusCode = StatusCodes.Status400BadRequest;
            http.Response.ContentType = "text/html; charset=utf-8";
            await http.Response.WriteAsync(AdminHtml.Page("Form expired", "<p>This form was missing its security token, or the token had expired. Go back, reload the page and send it again.</p>"));
            return;
        }

        await next(http);
    });
}
