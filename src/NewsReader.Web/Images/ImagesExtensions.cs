namespace NewsReader.Images;

public static class ImagesExtensions
{
    /// <summary>Images stored from beside article files, served from /media.</summary>
    public static IHostApplicationBuilder AddImages(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ImageStore>();
        return builder;
    }

    public static WebApplication MapImages(this WebApplication app)
    {
        app.MapGet("/media/{name}", ImageEndpoints.GetAsync).ExcludeFromDescription();
        return app;
    }
}
