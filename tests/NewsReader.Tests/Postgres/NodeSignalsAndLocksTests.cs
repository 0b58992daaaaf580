using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using NewsReader.Store;
using NewsReader.Store.Postgres;
using NewsReader.Tests.Infrastructure;
using Npgsql;

namespace NewsReader.Tests.Postgres;

/// <summary>
/// Signals and locks between nodes (here each node is a <see cref="Db"/> of its own on one PostgreSQL database), and
/// what happens when the database drops their connections, as a restart or a network cut does. Always on the cluster
/// named by NEWSREADER_TEST_POSTGRES.
/// </summary>
public sealed class NodeSignalsAndLocksTests : IAsyncLifetime
{
    // A bound on each wait, not a timing goal: the listener first retries after a second, a lease is checked every three.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private const string Topic = "reading-cache";
    private const long Key = 0x4E_52_74_65_73_74_30_31;

    private readonly TestDatabase _database = TestDatabase.CreatePostgres();
    private readonly List<IAsyncDisposable> _owned = [];

    public async Task InitializeAsync() => await new Migrator(Node(), NullLogger<Migrator>.Instance).MigrateAsync();

    public async Task DisposeAsync()
    {
        foreach (var owned in Enumerable.Reverse(_owned))
        {
            await owned.DisposeAsync();
        }

        _database.Dispose();
    }

    [Fact]
    public async Task ASignal_RunsTheOtherNodesHandler_NotTheSenders()
    {
        var (a, heardByA) = await ListeningNodeAsync();
        var (_, heardByB) = await ListeningNodeAsync();

        await a.SendAsync(Topic, "0/16B3748");

        Assert.Equal("0/16B3748", await heardByB.Reader.ReadAsync().AsTask().WaitAsync(Patience));
        await Task.Delay(300);
        Assert.False(heardByA.Reader.TryRead(out _), "a node does not act on its own signal; it has already dropped its cache");
    }

    [Fact]
    public async Task AListenerWhoseConnectionDropped_Reconnects_ActsOnWhatItMayHaveMissed_AndHearsAgain()
    {
        var (a, _) = await ListeningNodeAsync();
        var (_, heardByB) = await ListeningNodeAsync();

        await DropEveryConnectionAsync();

        // Signals sent while B was away are lost, so once back it runs its handler anyway.
        await heardByB.Reader.ReadAsync().AsTask().WaitAsync(Patience);
        await WaitForListenersAsync(2);
        await a.SendAsync(Topic);
        await heardByB.Reader.ReadAsync().AsTask().WaitAsync(Patience);
    }

    [Fact]
    public async Task ALockHeldByOneNode_IsRefusedToOthers_UntilItsHolderReleasesIt()
    {
        var (a, b) = (Locks(Node()), Locks(Node()));
        var held = await a.TryTakeAsync(Key, CancellationToken.None);
        Assert.NotNull(held);

        Assert.Null(await b.TryTakeAsync(Key, CancellationToken.None));
        await held.DisposeAsync();

        var taken = await b.TryTakeAsync(Key, CancellationToken.None);
        Assert.NotNull(taken);
        await taken.DisposeAsync();
    }

    [Fact]
    public async Task WhenTheHoldersConnectionDrops_ItsLeaseIsLost_AndAnotherNodeTakesTheLock()
    {
        var (a, b) = (Locks(Node()), Locks(Node()));
        await using var held = await a.TryTakeAsync(Key, CancellationToken.None);
        Assert.NotNull(held);
        var lost = new TaskCompletionSource();
        held.Lost.Register(() => lost.TrySetResult());

        await DropEveryConnectionAsync();

        await lost.Task.WaitAsync(Patience);
        await using var taken = await b.TryTakeAsync(Key, CancellationToken.None);
        Assert.NotNull(taken);
    }

    private Db Node()
    {
        var db = Db.ForPostgres(_database.ConnectionString!);
        _owned.Add(db);
        return db;
    }

    private static NodeLocks Locks(Db db) => new(db, NullLogger<NodeLocks>.Instance);

    /// <summary>A node's signals with its listener running; each time its handler runs, the channel gets an item.</summary>
    private async Task<(NodeSignals Signals, System.Threading.Channels.Channel<string?> Heard)> ListeningNodeAsync()
    {
        var db = Node();
        var signals = new NodeSignals(db, NullLogger<NodeSignals>.Instance);
        var heard = System.Threading.Channels.Channel.CreateUnbounded<string?>();
        signals.On(Topic, argument => heard.Writer.TryWrite(argument));
        var listener = new PostgresListener(db, signals, NullLogger<PostgresListener>.Instance);
        await listener.StartAsync(CancellationToken.None);
        _owned.Add(new Stops(listener));
        await WaitForListenersAsync(_owned.OfType<Stops>().Count());
        return (signals, heard);
    }

    /// <summary>Until this many sessions on the test database are listening (a NOTIFY sent before that is not heard).</summary>
    private async Task WaitForListenersAsync(int count)
    {
        await using var c = new NpgsqlConnection(_database.ConnectionString);
        var deadline = DateTime.UtcNow + Patience;
        while (await c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'LISTEN%'") < count)
        {
            Assert.True(DateTime.UtcNow < deadline, $"{count} listeners never started");
            await Task.Delay(50);
        }
    }

    /// <summary>Ends every session on the test database but this one.</summary>
    private async Task DropEveryConnectionAsync()
    {
        await using var c = new NpgsqlConnection(_database.ConnectionString);
        await c.ExecuteAsync("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()");
    }

    private sealed class Stops(PostgresListener listener) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await listener.StopAsync(CancellationToken.None);
            listener.Dispose();
        }
    }
}
