using System.Diagnostics;
using System.Data.Common;

namespace NewsReader.Ingestion;

/// <summary>
/// Stores prepared files many to a write transaction. A commit costs a WAL sync and a new search-index segment that
/// later has to be merged, so one commit per file made storing the slowest stage of ingestion. Each file runs in its
/// own savepoint: a file that fails to store rolls back alone, is logged as failed, and the rest of the batch commits.
/// Should SQLite drop the whole transaction (disk full, I/O error), every file of the batch is stored again on its own.
/// </summary>
internal sealed class WriteBatch(DbConnection c, IngestionStore store, ILogger logger) : IAsyncDisposable
{
    /// <summary>Commit at least this often, so readers see new articles while a large folder is still being ingested.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromMilliseconds(250);

    public const int MaxFiles = 1000;

    private const string Savepoint = "ingest_file";

    private readonly List<PreparedFile> _files = [];
    private readonly List<IngestionOutcome> _outcomes = [];
    private readonly List<IngestionOutcome> _final = [];
    private DbTransaction? _tx;
    private long _started;

    /// <summary>True while a write transaction is open, holding the database's write lock.</summary>
    public bool IsOpen => _tx is not null;

    public bool IsDue => _files.Count >= MaxFiles || (_tx is not null && Stopwatch.GetElapsedTime(_started) >= MaxAge);

    public async Task AddAsync(PreparedFile file, CancellationToken ct)
    {
        if (file.Unchanged is { } unchanged)
        {
            // Nothing to write, but the outcome keeps its place among the files of the batch.
            _files.Add(file);
            _outcomes.Add(unchanged);
            return;
        }

        if (_tx is null)
        {
            try
            {
                _tx = await c.BeginTransactionAsync(ct);
            }
            catch (DbException e)
            {
                // Another writer held the database past the busy timeout: this file tries on its own and reports why it
                // failed, and the next file tries a new batch, so one locked moment does not stop the folder.
                logger.LogError(e, "Beginning a write transaction failed");
                _final.AddRange(_outcomes);
                _outcomes.Clear();
                _files.Clear();
                _final.Add(await StoreAloneAsync(file, ct));
                return;
            }

            _started = Stopwatch.GetTimestamp();
        }

        _files.Add(file);
        var (outcome, lost) = await StoreInSavepointAsync(_tx, file, ct);
        if (lost)
        {
            await RecoverAsync(ct);
            return;
        }

        _outcomes.Add(outcome);
    }

    /// <summary>Commits the batch; returns the outcome of every file added since the last commit, in order.</summary>
    public async Task<IReadOnlyList<IngestionOutcome>> CommitAsync(CancellationToken ct)
    {
        if (_tx is not null)
        {
            try
            {
                await _tx.CommitAsync(ct);
                await EndTransactionAsync();
            }
            catch (DbException e)
            {
                logger.LogError(e, "Committing {Count} files failed; storing them one by one", _files.Count);
                await RecoverAsync(ct);
            }
        }

        _final.AddRange(_outcomes);
        var committed = _final.ToList();
        _final.Clear();
        _outcomes.Clear();
        _files.Clear();
        return committed;
    }

    public async ValueTask DisposeAsync() => await EndTransactionAsync();

    private async Task EndTransactionAsync()
    {
        if (_tx is not null)
        {
            // Rolls back only what was not committed (cancellation).
            await _tx.DisposeAsync();
            _tx = null;
        }
    }

    /// <summary>The transaction is gone with everything stored in it: each of its files is stored again in a transaction of its own.</summary>
    private async Task RecoverAsync(CancellationToken ct)
    {
        await EndTransactionAsync();
        _outcomes.Clear();
        foreach (var file in _files)
        {
            _final.Add(file.Unchanged ?? await StoreAloneAsync(file, ct));
        }

        _files.Clear();
    }

    private async Task<IngestionOutcome> StoreAloneAsync(PreparedFile file, CancellationToken ct)
    {
        try
        {
            IngestionOutcome outcome;
            bool lost;
            await using (var tx = await c.BeginTransactionAsync(ct))
            {
                (outcome, lost) = await StoreInSavepointAsync(tx, file, ct);
                if (!lost)
                {
                    await tx.CommitAsync(ct);
                    return outcome;
                }
            }

            // The failure took even this file's own transaction: the failure is logged in a fresh one.
            await using var logTx = await c.BeginTransactionAsync(ct);
            outcome = await store.LogFailureAsync(logTx, file.Path, file.Sha, outcome.Reason!, ct);
            await logTx.CommitAsync(ct);
            return outcome;
        }
        catch (DbException e)
        {
            logger.LogError(e, "Storing {Path} failed", file.Path);
            return new IngestionOutcome(file.Path, IngestionResult.Failed, $"Could not be stored: {e.Message}");
        }
    }

    /// <summary>The file's outcome, and whether its failure took the whole transaction with it.</summary>
    private async Task<(IngestionOutcome Outcome, bool TransactionLost)> StoreInSavepointAsync(DbTransaction tx, PreparedFile file, CancellationToken ct)
    {
        await tx.SaveAsync(Savepoint, ct);
        try
        {
            var outcome = await StoreAsync(tx, file, ct);
            await tx.ReleaseAsync(Savepoint, ct);
            return (outcome, false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // One file must never stop the rest of the folder; the error is logged with its stack for a bug report.
            logger.LogError(e, "Storing {Path} failed", file.Path);
            var reason = e is DbException ? $"Could not be stored: {e.Message}" : $"Could not be ingested: {e.GetType().Name}: {e.Message}";
            try
            {
                await tx.RollbackAsync(Savepoint, ct);
                await tx.ReleaseAsync(Savepoint, ct);
                return (await store.LogFailureAsync(tx, file.Path, file.Sha, reason, ct), false);
            }
            catch (Exception lost) when (lost is DbException or InvalidOperationException)
            {
                return (new IngestionOutcome(file.Path, IngestionResult.Failed, reason), true);
            }
        }
    }

    private async Task<IngestionOutcome> StoreAsync(DbTransaction tx, PreparedFile file, CancellationToken ct)
    {
        var path = file.Path;
        if (file.Unreadable is { } reason)
        {
            return await store.LogFailureAsync(tx, path, file.Refusal?.Sha256, reason, ct, file.Refusal);
        }

        if (file.Parsed is not { } parsed)
        {
            // Same bytes as stored, only a new modification time.
            await store.TouchAsync(tx, path, file.Mtime, ct);
            return new IngestionOutcome(path, IngestionResult.Unchanged, file.Known?.Missing == true ? Ingester.SourceRestored : null);
        }

        if (file.ToStore is not { } article)
        {
            return await store.LogFailureAsync(tx, path, file.Sha, parsed.Error ?? "Not an article.", ct, file.Refusal);
        }

        return await store.SaveAsync(tx, new FileFacts(path, file.Sha!, file.Size, file.Mtime), parsed.Parser!, article);
    }
}
