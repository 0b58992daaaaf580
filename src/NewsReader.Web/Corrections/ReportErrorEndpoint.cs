using Microsoft.AspNetCore.Mvc;
using NewsReader.Articles;

namespace NewsReader.Corrections;

public sealed record ReportErrorForm
{
    public string? Passage { get; init; }
    public string? Problem { get; init; }
    public string? Name { get; init; }
    public string? Email { get; init; }
}

/// <summary>Readers' "Report an error" form posts here; rate-limited per client address.</summary>
public static class ReportErrorEndpoint
{
    public static void MapReportError(this IEndpointRouteBuilder app) =>
        // One shared filter instance: AddEndpointFilter<T>() would build a new one, with a fresh limiter, per request.
        app.MapPost("/articles/{slug}/report-error", ReportAsync).AddEndpointFilter(app.ServiceProvider.GetRequiredService<ReportRateLimit>());

    // [FromForm] makes the antiforgery token required; the report page's form carries it.
    private static async Task<IResult> ReportAsync(string slug, [FromForm] ReportErrorForm form, ArticleStore articles, ErrorReportStore reports, CancellationToken ct)
    {
        var article = await articles.FindBySlugAsync(slug, ct);
        if (article is null)
        {
            return Results.NotFound();
        }

        var back = $"/articles/{Uri.EscapeDataString(article.Slug)}/report";
        if (ErrorReportStore.Check(form.Passage, form.Problem, form.Name, form.Email).Count > 0)
        {
            // A code, not the message: a crafted link must not put arbitrary text on the report page.
            return Results.Redirect($"{back}?report=invalid#report-error");
        }

        await reports.AddAsync(article.Id, form.Passage!, form.Problem!, form.Name, form.Email, ct);
        return Results.Redirect($"{back}?report=sent#report-error");
    }
}
