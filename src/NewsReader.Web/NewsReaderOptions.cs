using NewsReader.Extraction.Limits;

namespace NewsReader;

/// <summary>The "NewsReader" configuration section.</summary>
public sealed class NewsReaderOptions
{
    public const string Section = "NewsReader";

    /// <summary>Folder of article files to ingest and watch. Relative paths resolve against the working directory.</summary>
    public string SeedsPath { get; set; } = "seeds";

    /// <summary>The store: SQLite (default) or PostgreSQL ("NewsReader:Database:Provider").</summary>
    public Store.DatabaseOptions Database { get; set; } = new();

    /// <summary>SQLite database file; created with its folder when missing.</summary>
    public string DatabasePath { get; set; } = "data/newsreader.db";

    /// <summary>Whether the app ingests and watches the seeds folder while it serves.</summary>
    public bool WatchSeeds { get; set; } = true;

    /// <summary>
    /// Files larger than this are refused with a reason rather than parsed. 8 MB is five times the largest of 990 real
    /// saved news pages (1.6 MB, median 94 KB); parsing a file costs up to ~40 times its size in memory (its text as
    /// UTF-16, the DOM or Markdown tree, the Markdown and plain-text output), so 25 MB files took the process past 1 GB
    /// (bench-parse) while 8 MB keeps it under 500 MB.
    /// </summary>
    public long MaxFileBytes { get; set; } = 8 * 1024 * 1024;

    /// <summary>Images saved beside an article file larger than this are not stored (a warning says so); the article still is.</summary>
    public long MaxImageBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>Follow symbolic links in the seeds folder whose target file is inside it; links are skipped by default.</summary>
    public bool FollowLinksInsideSeeds { get; set; }

    /// <summary>What one file may cost to parse (the "NewsReader:Parse" settings).</summary>
    public ParseLimits Parse { get; set; } = new();

    /// <summary>Safety-net rescan interval behind the file-system watcher.</summary>
    public TimeSpan RescanInterval { get; set; } = TimeSpan.FromMinutes(1);
}
