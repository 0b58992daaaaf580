using NewsReader.Components;
using NewsReader.Sources;

namespace NewsReader.Articles;

public static class ReaderExtensions
{
    /// <summary>The reading side: stores and Blazor pages for articles and sources.</summary>
    public static IHostApplicationBuilder AddReader(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ArticleStore>();
        builder.Services.AddSingleton<SourceStore>();
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddHttpContextAccessor();
        return builder;
    }

    public static WebApplication MapReader(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error", createScopeForErrors: true);
            app.UseHsts();
        }

        app.UseStatusCodePagesWithReExecute("/not-found");
        app.UseAntiforgery();
        app.MapStaticAssets();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}
