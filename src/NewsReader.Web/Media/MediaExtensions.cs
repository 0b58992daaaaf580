namespace NewsReader.Media;

public static class MediaExtensions
{
    /// <summary>Images stored from beside article files, served from /media.</summary>
    public static IHostApplicationBuilder AddMedia(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<MediaStore>();
        return builder;
    }

    public static WebApplication MapMedia(this WebApplication app)
    {
        app.MapGet("/media/{name}", MediaEndpoints.GetAsync).ExcludeFromDescription();
        return app;
    }
}
