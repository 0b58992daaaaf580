namespace NewsReader.Security;

public static class SecurityExtensions
{
    /// <summary>Early in the pipeline: everything after sees cleaned input.</summary>
    public static WebApplication UseSecurity(this WebApplication app)
    {
        app.UseMiddleware<SafeInput>();
        return app;
    }
}
