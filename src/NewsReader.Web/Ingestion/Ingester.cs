using System.Security.Cryptography;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using NewsReader.Store;

namespace NewsReader.Ingestion;

/// <summary>Ingests a folder or single files: skips what is unchanged, parses the rest, stores articles and logs failures.</summary>
public sealed class Ingester(Db db, ParserRegistry parsers, IngestionStore store, IOptions<NewsReaderOptions> options, ILogger<Ingester> logger)
{
    /// <summary>The reason given when a removed file reappears unchanged: readers see its article lose the "removed" notice.</summary>
    public const string SourceRestored = "Source file is back; its article is unchanged.";

    /// <summary>Raised after a run that changed what readers see, so caches can be dropped.</summary>
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
        foreach (var path in files)
        {
            outcomes.Add(await IngestAsync(c, path, known.GetValueOrDefault(path), ct));
        }

        var present = files.ToHashSet(StringComparer.Ordinal);
        var gone = known.Values.Where(k => !k.Missing && k.Path.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal) && !present.Contains(k.Path))
            .Select(k => k.Path);
        var missing = await store.MarkMissingAsync(c, gone, ct);
        var summary = new IngestionSummary(outcomes, missing);
        Announce(summary);
        return summary;
    }

    public async Task<IngestionOutcome> IngestFileAsync(string path, CancellationToken ct)
    {
        path = Path.GetFullPath(path);
        await using var c = await db.OpenAsync(ct);
        var known = (await store.KnownFilesAsync(c, ct)).GetValueOrDefault(path);
        var outcome = await IngestAsync(c, path, known, ct);
        Announce(new IngestionSummary([outcome], 0));
        return outcome;
    }

    /// <summary>Every file under the folder that could be an article: hidden files and folders (".git", ".DS_Store") are not.</summary>
    public static IEnumerable<string> ArticleFiles(string root) =>
        Directory.EnumerateFiles(root, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.Hidden | FileAttributes.System, IgnoreInaccessible = true })
            .Where(p => !IsHidden(root, p))
            .Order(StringComparer.Ordinal);

    public static bool IsHidden(string root, string path) =>
        Path.GetRelativePath(root, path).Split(Path.DirectorySeparatorChar).Any(part => part.StartsWith('.'));

    private async Task<IngestionOutcome> IngestAsync(SqliteConnection c, string path, KnownFile? known, CancellationToken ct)
    {
        try
        {
            var info = new FileInfo(path);
            if (known is { Missing: false } && known.SizeBytes == info.Length && known.FileMtime == info.LastWriteTimeUtc.Ticks)
            {
                return new IngestionOutcome(path, IngestionResult.Unchanged);
            }

            byte[] bytes;
            try
            {
                bytes = await ParserRegistry.ReadAsync(path, options.Value.MaxFileBytes, ct);
            }
            catch (ArticleRejectedException e)
            {
                return await store.LogFailureAsync(c, path, null, e.Message, ct);
            }

            var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
            if (known is not null && known.Sha256 == sha)
            {
                await store.TouchAsync(c, path, info.LastWriteTimeUtc.Ticks, ct);
                return new IngestionOutcome(path, IngestionResult.Unchanged, known.Missing ? SourceRestored : null);
            }

            var parsed = parsers.Parse(path, bytes);
            if (parsed.Article is null)
            {
                return await store.LogFailureAsync(c, path, sha, parsed.Error ?? "Not an article.", ct);
            }

            return await store.SaveAsync(c, new FileFacts(path, sha, bytes.LongLength, info.LastWriteTimeUtc.Ticks), parsed.Parser!, parsed.Article, ct);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return await store.LogFailureAsync(c, path, null, $"File cannot be read: {e.Message}", ct);
        }
        catch (SqliteException e)
        {
            logger.LogError(e, "Storing {Path} failed", path);
            return new IngestionOutcome(path, IngestionResult.Failed, $"Could not be stored: {e.Message}");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // One file must never stop the rest of the folder; the error is logged with its stack for a bug report.
            logger.LogError(e, "Ingesting {Path} failed", path);
            return new IngestionOutcome(path, IngestionResult.Failed, $"Could not be ingested: {e.GetType().Name}: {e.Message}");
        }
    }

    private void Announce(IngestionSummary summary)
    {
        foreach (var failed in summary.Outcomes.Where(o => o.Result == IngestionResult.Failed))
        {
            logger.LogWarning("Skipped {Path}: {Reason}", failed.Path, failed.Reason);
        }

        if (summary.MarkedMissing > 0 || summary.Outcomes.Any(o => o.Result is not IngestionResult.Unchanged and not IngestionResult.Failed || o.Reason == SourceRestored))
        {
            ArticlesChanged?.Invoke();
        }
    }
}
