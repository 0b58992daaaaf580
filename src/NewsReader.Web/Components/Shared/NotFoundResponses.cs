using Microsoft.AspNetCore.Diagnostics;

namespace NewsReader.Components.Shared;

public static class NotFoundResponses
{
    /// <summary>
    /// Sets a 404 for a page that renders its own not-found message (an unknown slug), and keeps the status-code-pages
    /// middleware from re-running the request for the generic page.
    /// </summary>
    public static void MarkNotFound(this HttpContext? context)
    {
        if (context is null || context.Response.HasStarted)
        {
            return;
        }

        context.Response.StatusCode = StatusCodes.Status404NotFound;
        if (context.Features.Get<IStatusCodePagesFeature>() is { } statusPages)
        {
            statusPages.Enabled = false;
        }
    }
}
