namespace NewsReader.Cli;

public static class CommandLineServices
{
    /// <summary>Services only the verbs use; the web app's areas register the rest.</summary>
    public static IHostApplicationBuilder AddCommandLineServices(this IHostApplicationBuilder builder) => builder;
}
