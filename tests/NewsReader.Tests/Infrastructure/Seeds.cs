namespace NewsReader.Tests.Infrastructure;

/// <summary>The seed article the project ships, and small text articles for tests.</summary>
public static class Seeds
{
    public static string SeedFolder => Path.Combine(RepoRoot, "seeds");

    public static string SeedFile => Directory.GetFiles(SeedFolder, "*.txt").Single();

    public static string SeedText => File.ReadAllText(SeedFile);

    public const string SeedSlug = "japan-establishes-diplomatic-mission-to-nato-as-ties-to-russia-china-deteriorate";

    public static string RepoRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "NewsReader.sln")))
            {
                dir = dir.Parent;
            }

            return dir?.FullName ?? throw new InvalidOperationException("Cannot find the repository root (NewsReader.sln).");
        }
    }

    /// <summary>A well-formed text article in the seed's shape.</summary>
    public static string TextArticle(string title, string outlet = "Harbour Gazette", string byline = "By Ana Ruiz", string date = "March 3, 2024", params string[] paragraphs)
    {
        paragraphs = paragraphs.Length > 0 ? paragraphs : [$"First paragraph of {title}, long enough to read as body text of a news article.", "A second paragraph follows with more reporting and quotes from officials."];
        return $"{title}\n\n{title}\n{title} / {outlet}\n{byline} {date}\n\n{string.Join("\n\n", paragraphs)}\n\nShare\n";
    }
}
