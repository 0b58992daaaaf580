namespace NewsReader.Security;

public static class SecurityExtensions
{
    /// <summary>
    /// The security headers go on through a startup filter: WebApplication puts authentication and authorization ahead
    /// of the app's own middleware, and their redirects and 403s must carry the headers too.
    /// </summary>
    public static IHostApplicationBuilder AddSecurity(this IHostApplicationBuilder builder)
    {
        builder.Services.AddTransient<IStartupFilter, HeadersFirst>();
        return builder;
    }

    /// <summary>Early in the pipeline: everything after sees cleaned input.</summary>
    public static WebApplication UseSecurity(this WebApplication app)
    {
        app.UseMiddleware<SafeInput>();
        return app;
    }

    private sealed class HeadersFirst : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(SecurityHeaders.AddAsync);
            next(app);
        };
    }
}
