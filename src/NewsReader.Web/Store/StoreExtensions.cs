namespace NewsReader.Store;

public static class StoreExtensions
{
    /// <summary>
    /// Registers the store (SQLite or PostgreSQL), migrated before anything else starts, and what nodes sharing a
    /// PostgreSQL database need: signals between them and locks only one of them holds.
    /// </summary>
    public static IHostApplicationBuilder AddStore(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<NewsReaderOptions>().Bind(builder.Configuration.GetSection(NewsReaderOptions.Section));
        builder.Services.AddSingleton<Db>();
        builder.Services.AddSingleton<Migrator>();
        builder.Services.AddHostedService<MigrateOnStart>();
        builder.Services.AddSingleton<NodeSignals>();
        builder.Services.AddSingleton<ReplicaCatchUp>();
        builder.Services.AddSingleton<NodeLocks>();
        builder.Services.AddHostedService<Postgres.PostgresListener>();
        Dapper.DefaultTypeMap.MatchNamesWithUnderscores = true;
        return builder;
    }

    /// <summary>Migrates while the host is starting, before any hosted service's start (the key ring, the watcher) reads a table.</summary>
    private sealed class MigrateOnStart(Migrator migrator) : Hosting.StartingHook
    {
        public override Task StartingAsync(CancellationToken cancellationToken) => migrator.MigrateAsync(cancellationToken);
    }
}
