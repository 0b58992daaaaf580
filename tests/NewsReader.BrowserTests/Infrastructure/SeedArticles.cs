namespace NewsReader.BrowserTests.Infrastructure;

/// <summary>The seed article the project ships, plus a few generated ones so lists, filters and outlets have company.</summary>
public static class SeedArticles
{
    public const string SeedSlug = "japan-establishes-diplomatic-mission-to-nato-as-ties-to-russia-china-deteriorate";

    public const string SeedTitle = "Japan establishes diplomatic mission to NATO as ties to Russia, China deteriorate";

    public const string SeedOutlet = "bno IntelliNews";

    public const string SeedOutletSlug = "bno-intellinews";

    public static readonly string[] Outlets = ["Harbour Gazette", "Valley Courier"];

    public static void WriteInto(string seedsPath)
    {
        foreach (var file in Directory.GetFiles(Path.Combine(RepoRoot, "seeds"), "*.txt"))
        {
            File.Copy(file, Path.Combine(seedsPath, Path.GetFileName(file)));
        }

        for (var i = 1; i <= 6; i++)
        {
            var outlet = Outlets[i % Outlets.Length];
            var title = $"Harbour council approves plan number {i} for the old docks";
            var text = $"""
                {title}

                {title} / {outlet}
                By Ana Ruiz March {i}, 2024

                The council voted on plan {i} after a long evening of debate about the future of the old docks and the jobs they could bring.

                Residents said the plan would change the waterfront, while traders asked for more time to study the figures before any work starts.

                """;
            File.WriteAllText(Path.Combine(seedsPath, $"generated-{i:00}.txt"), text);
        }
    }

    private static string RepoRoot
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
}
