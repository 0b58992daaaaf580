using System.Text.Json;
using System.Text.RegularExpressions;
using NewsReader.Cli;
using NewsReader.Ingestion;
using Microsoft.Data.Sqlite;
using NewsReader.Tests.Infrastructure;

namespace NewsReader.Tests.Ingestion;

/// <summary>The <c>parse</c> and <c>ingest</c> verbs, run as a user runs them: the app's own executable in a process.</summary>
public sealed class CommandLineVerbTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("newsreader-cli-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Parse_Seed_PrintsOneJsonLineWithTheIssueFields()
    {
        var (exit, stdout, _) = await RunAsync("parse", Seeds.SeedFile);

        Assert.Equal(0, exit);
        var line = JsonDocument.Parse(Assert.Single(Lines(stdout))).RootElement;
        Assert.Equal(["file", "format", "title", "site", "authors", "published", "body", "dropped", "warnings"], line.EnumerateObject().Select(p => p.Name));
        Assert.Equal(Seeds.SeedFile, line.GetProperty("file").GetString());
        Assert.Equal("text", line.GetProperty("format").GetString());
        Assert.Equal("Japan establishes diplomatic mission to NATO as ties to Russia, China deteriorate", line.GetProperty("title").GetString());
        Assert.Equal("bno IntelliNews", line.GetProperty("site").GetString());
        Assert.Equal(["bno"], Strings(line.GetProperty("authors")));
        Assert.Equal("2025-01-17", line.GetProperty("published").GetString());
        Assert.Equal(9, line.GetProperty("body").GetArrayLength());
        Assert.StartsWith("Japan has formally launched", line.GetProperty("body")[0].GetString());
        Assert.Equal(["Features", "Dismiss"], Strings(line.GetProperty("dropped")));
        Assert.Empty(Strings(line.GetProperty("warnings")));
    }

    [Fact]
    public async Task Parse_FileWithoutDateOrOutlet_PrintsNullsAndWarnings()
    {
        var path = Write("plain.txt", "Volunteers restore the lighthouse\n\nThe tower on Gull Point opens to visitors in June after four summers of repairs.\n");

        var (exit, stdout, _) = await RunAsync("parse", path);

        Assert.Equal(0, exit);
        var line = JsonDocument.Parse(Assert.Single(Lines(stdout))).RootElement;
        Assert.Equal(JsonValueKind.Null, line.GetProperty("site").ValueKind);
        Assert.Equal(JsonValueKind.Null, line.GetProperty("published").ValueKind);
        Assert.Empty(Strings(line.GetProperty("authors")));
        Assert.Equal(["No outlet found.", "No publication date found."], Strings(line.GetProperty("warnings")));
    }

    [Fact]
    public async Task Parse_FolderWithBadFiles_PrintsALineForEveryFileAndExitsOne()
    {
        Write("good.txt", Seeds.TextArticle("Quay walls repaired after winter storms"));
        Write("empty.txt", "");
        await File.WriteAllBytesAsync(Path.Combine(_folder, "binary.txt"), [0x50, 0x4B, 0x03, 0x04, 0x00, 0x00]);
        var missing = Path.Combine(_folder, "nowhere.txt");

        var (exit, stdout, _) = await RunAsync("parse", _folder, missing);

        Assert.Equal(1, exit);
        var lines = Lines(stdout).Select(l => JsonDocument.Parse(l).RootElement).ToDictionary(l => Path.GetFileName(l.GetProperty("file").GetString()!));
        Assert.Equal(["binary.txt", "empty.txt", "good.txt", "nowhere.txt"], lines.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("Quay walls repaired after winter storms", lines["good.txt"].GetProperty("title").GetString());
        Assert.Equal("File is empty.", Error(lines["empty.txt"]));
        Assert.Equal("File looks binary, not text.", Error(lines["binary.txt"]));
        Assert.Equal("No such file or folder.", Error(lines["nowhere.txt"]));
    }

    [Fact]
    public async Task Parse_NoArguments_ShowsUsageAndExitsTwo()
    {
        var (exit, stdout, stderr) = await RunAsync("parse");

        Assert.Equal(2, exit);
        Assert.Equal("", stdout);
        Assert.Contains("Usage: parse", stderr);
    }

    [Fact]
    public async Task Ingest_Folder_PrintsSummaryWithFailureReasonsAndIsIdempotent()
    {
        var seeds = Path.Combine(_folder, "seeds");
        Directory.CreateDirectory(seeds);
        File.Copy(Seeds.SeedFile, Path.Combine(seeds, "seed.txt"));
        await File.WriteAllTextAsync(Path.Combine(seeds, "quay.txt"), Seeds.TextArticle("Quay walls repaired after winter storms"));
        await File.WriteAllTextAsync(Path.Combine(seeds, "empty.txt"), "");
        var database = $"--NewsReader:DatabasePath={Path.Combine(_folder, "db", "news.db")}";

        var (exit, stdout, _) = await RunAsync("ingest", seeds, database);
        var (secondExit, second, _) = await RunAsync("ingest", seeds, database);

        Assert.Equal(1, exit);
        Assert.Matches(@"(?m)^\s+ingested\s+2$", stdout);
        Assert.Matches(@"(?m)^\s+failed\s+1$", stdout);
        Assert.Contains($"failed: {Path.Combine(seeds, "empty.txt")}: File is empty.", stdout);
        Assert.True(File.Exists(Path.Combine(_folder, "db", "news.db")));
        Assert.Equal(1, secondExit);
        Assert.Matches(@"(?m)^\s+unchanged\s+2$", second);
        Assert.Matches(@"(?m)^\s+ingested\s+0$", second);
    }

    [Fact]
    public async Task Ingest_MissingFolder_SaysSoAndExitsTwo()
    {
        var (exit, _, stderr) = await RunAsync("ingest", Path.Combine(_folder, "no-such-folder"), $"--NewsReader:DatabasePath={Path.Combine(_folder, "news.db")}");

        Assert.Equal(2, exit);
        Assert.Contains("does not exist", stderr);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    [InlineData("ingets")]
    public async Task HelpOrUnknownVerb_PrintsTheVerbsAndExitsTwo_WithoutServingOrCreatingADatabase(string arg)
    {
        // With no database path given, the web app would create data/newsreader.db under the working directory.
        var (exit, stdout, stderr) = await RunAsync(arg);

        Assert.Equal(2, exit);
        var help = stdout + stderr;
        Assert.Contains("Usage: NewsReader.Web", help);
        Assert.Contains("ingest [folder]", help);
        Assert.DoesNotContain("Now listening", help);
        Assert.False(Directory.Exists(Path.Combine(_folder, "data")));
        if (arg == "ingets")
        {
            Assert.StartsWith("Unknown verb 'ingets'.", stderr);
        }
    }

    [Fact]
    public async Task Ingest_Summary_UsesReadableLabelsAndNamesEachFailureOnce()
    {
        var seeds = Path.Combine(_folder, "seeds");
        Directory.CreateDirectory(seeds);
        await File.WriteAllTextAsync(Path.Combine(seeds, "quay.txt"), Seeds.TextArticle("Quay walls repaired after winter storms"));
        await File.WriteAllTextAsync(Path.Combine(seeds, "empty.txt"), "");

        var (_, stdout, stderr) = await RunAsync("ingest", seeds, $"--NewsReader:DatabasePath={Path.Combine(_folder, "news.db")}");

        Assert.Matches(@"(?m)^Ingested .+: 2 files in \d+\.\d s", stdout);
        Assert.Matches(@"(?m)^\s+pending review\s+0$", stdout);
        Assert.DoesNotContain("pendingreview", stdout);
        Assert.Single(Regex.Matches(stdout + stderr, "empty\\.txt"));
        Assert.DoesNotContain("\r", stdout + stderr); // no progress line when the output is not a terminal
    }

    [Fact]
    public async Task Ingest_OnATerminal_ShowsProgressThenTheSummary()
    {
        var seeds = Path.Combine(_folder, "seeds");
        Directory.CreateDirectory(seeds);
        for (var i = 0; i < 30; i++)
        {
            await File.WriteAllTextAsync(Path.Combine(seeds, $"a{i}.txt"), Seeds.TextArticle($"Harbour report number {i} on the quay walls"));
        }

        // script(1) gives the verb a pseudo-terminal, as a user's shell does.
        var dll = Path.Combine(AppContext.BaseDirectory, "NewsReader.Web.dll");
        var command = $"{Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet"} '{dll}' ingest '{seeds}' '--NewsReader:DatabasePath={Path.Combine(_folder, "news.db")}'";
        var (exit, screen, _) = await AppProcess.RunToolAsync(_folder, "script", "-qefc", command, "/dev/null");

        Assert.Equal(0, exit);
        Assert.Contains("\r30/30 files", screen);
        Assert.Matches(@"(?m)^\s+ingested\s+30\r?$", screen);
    }

    [Fact]
    public void ProgressLine_SaysDoneOfTotal_Rate_AndTimeLeft()
    {
        Assert.Equal("500/2,000 files · 250 files/s · about 6 s left", ProgressLine.Describe(new IngestionProgress(500, 2000), TimeSpan.FromSeconds(2)));
        Assert.Equal("2,000/2,000 files · 40 files/s", ProgressLine.Describe(new IngestionProgress(2000, 2000), TimeSpan.FromSeconds(50)));
        Assert.Equal("2 min 5 s", ProgressLine.Duration(TimeSpan.FromSeconds(125)));
    }

    private string Write(string name, string content)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, content);
        return path;
    }

    private static string[] Lines(string stdout) => stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static string[] Strings(JsonElement array) => array.EnumerateArray().Select(e => e.GetString()!).ToArray();

    private static string? Error(JsonElement line)
    {
        Assert.Equal(["file", "error"], line.EnumerateObject().Select(p => p.Name));
        return line.GetProperty("error").GetString();
    }

    private Task<(int Exit, string Stdout, string Stderr)> RunAsync(params string[] args) => AppProcess.RunAsync(_folder, args);
}
