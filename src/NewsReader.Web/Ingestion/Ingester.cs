using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using NewsReader.Extraction;
using NewsReader.Store;

namespace NewsReader.Ingestion;

/// <summary>Ingests a folder or single files: skips what is unchanged, parses the rest, stores articles and logs failures.</summary>
public sealed class Ingester(Db db, ParserRegistry parsers, IngestionStore store, IOptions<NewsReaderOptions> options, ILogger<Ingester> logger)
{
    /// <summary>The reason given when a removed file reappears unchanged: readers see its article lose the "removed" notice.</summary>
    public const string SourceRestored = "Source file is back; its article is unchanged.";

    /// <summary>Raised after each commit that changed what readers see, so caches can be dropped.</summary>
    public event Action? ArticlesChanged;

    public async Task<IngestionSummary> IngestFolderAsync(string folder, CancellationToken ct)
    {
        var root = Path.GetFullPath(folder);
        if (!Directory.Exists(root))
        {
            throw new DirectoryNotFoundException($"Seeds folder '{root}' does not exist.");
        }

        var files = ArticleFiles(root).ToList();
        await using var c = await db.OpenAsync(ct);
        var known = await store.KnownFilesAsync(c, ct);
        var outcomes = new List<IngestionOutcome>(files.Count);
        await using var batch = new WriteBatch(c, store, logger);
        // Reading, hashing, parsing and rendering need no database, so they run ahead on the other cores while this thread stores,
        // in file order. The window bounds how many parsed files wait in memory.
        var window = new Queue<Task<PreparedFile>>();
        var next = 0;
        while (next < files.Count || window.Count > 0)
        {
            while (next < files.Count && window.Count < PrepareAhead)
            {
                var path = files[next++];
                var knownFile = known.GetValueOrDefault(path);
                window.Enqueue(Task.Run(() => PrepareAsync(path, knownFile, ct), ct));
            }

            var preparing = window.Dequeue();
            if (batch.IsOpen && !preparing.IsCompleted && await Task.WhenAny(preparing, Task.Delay(IdleCommit, ct)) != preparing)
            {
                // The next file is still being read or parsed (a large page): commit what is stored rather than hold the
                // write lock, which editors' corrections wait for, and keep readers from the articles before it.
                outcomes.AddRange(Announce(await batch.CommitAsync(ct)));
            }

            await batch.AddAsync(await preparing, ct);
            if (batch.IsDue)
            {
                outcomes.AddRange(Announce(await batch.CommitAsync(ct)));
            }
        }

        outcomes.AddRange(Announce(await batch.CommitAsync(ct)));
        var present = files.ToHashSet(StringComparer.Ordinal);
        var gone = known.Values.Where(k => !k.Missing && k.Path.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal) && !present.Contains(k.Path))
            .Select(k => k.Path);
        var missing = await store.MarkMissingAsync(c, gone, ct);
        if (missing > 0)
        {
            ArticlesChanged?.Invoke();
        }

        return new IngestionSummary(outcomes, missing);
    }

    public async Task<IngestionOutcome> IngestFileAsync(string path, CancellationToken ct)
    {
        path = Path.GetFullPath(path);
        await using var c = await db.OpenAsync(ct);
        var known = await store.KnownFileAsync(c, path, ct);
        await using var batch = new WriteBatch(c, store, logger);
        await batch.AddAsync(await PrepareAsync(path, known, ct), ct);
        return Announce(await batch.CommitAsync(ct)).Single();
    }

    /// <summary>Every file under the folder that could be an article: hidden files and folders (".git", ".DS_Store") are not.</summary>
    public static IEnumerable<string> ArticleFiles(string root) =>
        Directory.EnumerateFiles(root, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.Hidden | FileAttributes.System, IgnoreInaccessible = true })
            .Where(p => !IsHidden(root, p))
            .Order(StringComparer.Ordinal);

    public static bool IsHidden(string root, string path) =>
        Path.GetRelativePath(root, path).Split(Path.DirectorySeparatorChar).Any(part => part.StartsWith('.'));

    private static readonly int PrepareAhead = Math.Max(2, Environment.ProcessorCount * 4);

    // How long the writer may wait for the next file with a transaction open. Short, as a correction waits with it; long
    // enough that a folder of ordinary files, prepared ahead on the other cores, still goes many files to a commit.
    private static readonly TimeSpan IdleCommit = TimeSpan.FromMilliseconds(20);

    private async Task<PreparedFile> PrepareAsync(string path, KnownFile? known, CancellationToken ct)
    {
        try
        {
            var info = new FileInfo(path);
            var prepared = new PreparedFile(path, known, info.LastWriteTimeUtc.Ticks);
            if (known is { Missing: false } && known.SizeBytes == info.Length && known.FileMtime == prepared.Mtime)
            {
                return prepared with { Unchanged = new IngestionOutcome(path, IngestionResult.Unchanged) };
            }

            byte[] bytes;
            try
            {
                bytes = await ParserRegistry.ReadAsync(path, options.Value.MaxFileBytes, ct);
            }
            catch (ArticleRejectedException e)
            {
                return prepared with { Unreadable = e.Message };
            }

            var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
            if (known is not null && known.Sha256 == sha)
            {
                return prepared with { Sha = sha };
            }

            var parsed = parsers.Parse(path, bytes);
            return prepared with { Sha = sha, Size = bytes.LongLength, Parsed = parsed, ToStore = parsed.Article is { } article ? new ArticleToStore(article) : null };
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new PreparedFile(path, known, 0) { Unreadable = $"File cannot be read: {e.Message}" };
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // One file must never stop the rest of the folder; the error is logged with its stack for a bug report.
            logger.LogError(e, "Preparing {Path} failed", path);
            return new PreparedFile(path, known, 0) { Unreadable = $"Could not be ingested: {e.GetType().Name}: {e.Message}" };
        }
    }

    /// <summary>Logs the failures among committed files and tells caches when readers would see a change.</summary>
    private IReadOnlyList<IngestionOutcome> Announce(IReadOnlyList<IngestionOutcome> committed)
    {
        foreach (var failed in committed.Where(o => o.Result == IngestionResult.Failed))
        {
            logger.LogWarning("Skipped {Path}: {Reason}", failed.Path, failed.Reason);
        }

        if (committed.Any(o => o.Result is not IngestionResult.Unchanged and not IngestionResult.Failed || o.Reason == SourceRestored))
        {
            ArticlesChanged?.Invoke();
        }

        return committed;
    }
}
