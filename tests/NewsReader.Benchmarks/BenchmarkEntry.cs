using BenchmarkDotNet.Running;

namespace NewsReader.Benchmarks;

/// <summary>
/// The tool's verbs: "profile-ingest --count N" splits
/// ingestion time into parse, render and store; "serve-static --root folder --port N" is the static-file yardstick for
/// the load test; anything else goes to BenchmarkDotNet (e.g. "--filter *Parse*").
/// Not top-level statements: those would declare a Program class clashing with the app's own.
/// </summary>
public static class BenchmarkEntry
{
    public static async Task<int> Main(string[] args) => args switch
    {
        ["profile-ingest", ..] => await IngestProfile.RunAsync(args[1..]),
        ["serve-static", ..] => await StaticFileServer.RunAsync(args[1..]),
        _ => RunBenchmarks(args),
    };

    private static int RunBenchmarks(string[] args)
    {
        BenchmarkSwitcher.FromAssembly(typeof(BenchmarkEntry).Assembly).Run(args);
        return 0;
    }
}
