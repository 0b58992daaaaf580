using Microsoft.Extensions.DependencyInjection.Extensions;
using NewsReader.Admin;

namespace NewsReader.Cli;

public static class CommandLineServices
{
    /// <summary>Services the verbs use beyond the store and ingestion; the web app's areas register these for themselves.</summary>
    public static IHostApplicationBuilder AddCommandLineServices(this IHostApplicationBuilder builder)
    {
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton<UserStore>();
        builder.Services.TryAddSingleton<AuditLog>();
        builder.Services.TryAddSingleton<Performance.ContentVersion>();
        return builder;
    }
}
