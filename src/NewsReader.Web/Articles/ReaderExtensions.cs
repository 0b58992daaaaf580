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
        var runtimeManifest = Path.Combine(AppContext.BaseDirectory, $"{builder.Environment.ApplicationName}.staticwebassets.runtime.json");
        if (builder is WebApplicationBuilder web && File.Exists(runtimeManifest))
        {
            // Run from a build folder (dotnet run), not published: wwwroot stays in the project, so serve it from there in
            // every environment, not only Development. A published app has its assets beside it and no such manifest.
            web.WebHost.UseStaticWebAssets();
            builder.Configuration["ReloadStaticAssetsAtRuntime"] ??= "true";
        }

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
