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

    /// <param name="progress">Told how many of the folder's files are done, after each one (for the <c>ingest</c> verb's progress line).</param>
    public async Task<IngestionSummary> IngestFolderAsync(string folder, CancellationToken ct, IProgress<IngestionProgress>? progress = null)
    {
        var root = Path.GetFullPath(folder);
        if (!Directory.Exists(root))
        {
            throw new DirectoryNotFoundException($"Seeds folder '{root}' does not exist.");
        }

        var files = ArticleFiles(root, options.Value.FollowLinksInsideSeeds).ToList();
        await using var c = await db.OpenAsync(ct);
        var known = await store.KnownFilesAsync(c, ct);
        var refused = await store.RefusedFilesAsync(c, ct);
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
                var refusedFile = refused.GetValueOrDefault(path);
                window.Enqueue(Task.Run(() => PrepareAsync(root, path, knownFile, refusedFile, ct), ct));
            }

            var preparing = window.Dequeue();
            if (batch.IsOpen && !preparing.IsCompleted && await Task.WhenAny(preparing, Task.Delay(IdleCommit, ct)) != preparing)
            {
                // The next file is still being read or parsed (a large page): commit what is stored rather than hold the
                // write lock, which editors' corrections wait for, and keep readers from the articles before it.
                outcomes.AddRange(Announce(await batch.CommitAsync(ct)));
            }

            await batch.AddAsync(await preparing, ct);
            progress?.Report(new IngestionProgress(next - window.Count, files.Count));
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
        var root = Path.GetFullPath(options.Value.SeedsPath);
        if (!SeedFiles.MayRead(root, path, options.Value.FollowLinksInsideSeeds))
        {
            return new IngestionOutcome(path, IngestionResult.Failed, "Not read: a symbolic link, a hidden file, or outside the seeds folder.");
        }

        await using var c = await db.OpenAsync(ct);
        var known = await store.KnownFileAsync(c, path, ct);
        var refused = await store.RefusedFileAsync(c, path, ct);
        await using var batch = new WriteBatch(c, store, logger);
        await batch.AddAsync(await PrepareAsync(root, path, known, refused, ct), ct);
        return Announce(await batch.CommitAsync(ct)).Single();
    }

    /// <summary>Every file under the folder that could be an article (<see cref="SeedFiles"/>: no hidden files, no links unless allowed).</summary>
    public static IEnumerable<string> ArticleFiles(string root, bool followLinks = false) => SeedFiles.Enumerate(root, followLinks);

    public static bool IsHidden(string root, string path) =>
        Path.GetRelativePath(root, path).Split(Path.DirectorySeparatorChar).Any(part => part.StartsWith('.'));

    private static readonly int PrepareAhead = Math.Max(2, Environment.ProcessorCount * 4);

    // How long the writer may wait for the next file with a transaction open. Short, as a correction waits with it; long
    // enough that a folder of ordinary files, prepared ahead on the other cores, still goes many files to a commit.
    private static readonly TimeSpan IdleCommit = TimeSpan.FromMilliseconds(20);

    /// <summary>Appended to the reason of a file skipped because it was refused before and has not changed.</summary>
    public const string StillRefused = " (refused earlier; not parsed again until the file changes)";

    private async Task<PreparedFile> PrepareAsync(string root, string path, KnownFile? known, RefusedFile? refused, CancellationToken ct)
    {
        try
        {
            using var raw = RawFileNames.Open(path); // null unless the name is not UTF-8
            var (length, mtime) = raw is null ? SizeAndTime(new FileInfo(path)) : (RandomAccess.GetLength(raw), File.GetLastWriteTimeUtc(raw).Ticks);
            var prepared = new PreparedFile(path, known, mtime);
            var version = parsers.For(path)?.Version;
            if (refused is not null && refused.ParserVersion != version)
            {
                refused = null; // a new parser may read what the old one refused
            }

            if (refused is not null && refused.SizeBytes == length && refused.FileMtime == prepared.Mtime)
            {
                return prepared with { Unchanged = new IngestionOutcome(path, IngestionResult.Failed, refused.Reason + StillRefused) { Repeated = true } };
            }

            if (known is { Missing: false } && known.SizeBytes == length && known.FileMtime == prepared.Mtime)
            {
                return prepared with { Unchanged = new IngestionOutcome(path, IngestionResult.Unchanged) };
            }

            var refusal = new RefusedFile { Path = path, SizeBytes = length, FileMtime = prepared.Mtime, ParserVersion = version };
            byte[] bytes;
            try
            {
                bytes = raw is null ? await ParserRegistry.ReadAsync(path, options.Value.MaxFileBytes, ct) : await ParserRegistry.ReadAsync(raw, options.Value.MaxFileBytes, ct);
            }
            catch (ArticleRejectedException e)
            {
                return prepared with { Unreadable = e.Message, Refusal = refusal with { Reason = e.Message } };
            }

            var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
            if (known is not null && known.Sha256 == sha)
            {
                return prepared with { Sha = sha };
            }

            refusal = refusal with { Sha256 = sha, SizeBytes = bytes.LongLength };
            var parsed = refused is not null && refused.Sha256 == sha
                ? new ParseResult(path, parsers.For(path), null, refused.Reason) // only touched: the same bytes are refused again, unparsed
                : await parsers.ParseAsync(path, bytes, ct);
            var (article, images) = parsed.Article is { } found ? await LocalImages.StoreAsync(found, root, options.Value, ct) : (null, []);
            return prepared with
            {
                Sha = sha, Size = bytes.LongLength, Parsed = parsed,
                ToStore = article is null ? null : new ArticleToStore(article) { Images = images },
                Refusal = parsed.Article is null ? refusal with { Reason = parsed.Error ?? "Not an article." } : null,
            };
        }
        catch (FileNotFoundException) when (path.Contains('\uFFFD', StringComparison.Ordinal))
        {
            // .NET decodes names as UTF-8; a Latin-1 "café.txt" comes back with U+FFFD and cannot be opened by that name.
            // RawFileNames opens such names by their bytes, except off Linux and when the escaped name is another file's.
            return new PreparedFile(path, known, 0) { Unreadable = "The file name is not valid UTF-8 and could not be read by its bytes (not on Linux, or another file has its escaped name); rename the file." };
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

    private static (long Length, long Mtime) SizeAndTime(FileInfo file) => (file.Length, file.LastWriteTimeUtc.Ticks);

    /// <summary>Logs the failures among committed files and tells caches when readers would see a change.</summary>
    private IReadOnlyList<IngestionOutcome> Announce(IReadOnlyList<IngestionOutcome> committed)
    {
        foreach (var failed in committed.Where(o => o.Result == IngestionResult.Failed && !o.Repeated))
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
