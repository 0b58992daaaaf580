namespace NewsReader.Store;

public static class StoreExtensions
{
    /// <summary>Registers the SQLite store; the schema is migrated before the app serves its first request.</summary>
    public static IHostApplicationBuilder AddStore(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<NewsReaderOptions>().Bind(builder.Configuration.GetSection(NewsReaderOptions.Section));
        builder.Services.AddSingleton<Db>();
        builder.Services.AddSingleton<Migrator>();
        builder.Services.AddHostedService<MigrateOnStart>();
        Dapper.DefaultTypeMap.MatchNamesWithUnderscores = true;
        return builder;
    }

    private sealed class MigrateOnStart(Migrator migrator) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => migrator.MigrateAsync(cancellationToken);

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
