using BenchmarkDotNet.Running;
using NewsReader.Benchmarks;

// "generate-corpus --count N --out folder" writes a synthetic corpus; "profile-ingest --count N" splits ingestion time
// into parse, render and store; "serve-static --root folder --port N" is the static-file yardstick; anything else goes to BenchmarkDotNet
// (e.g. "--filter *" or "--filter *Parse*").
return args switch
{
    ["generate-corpus", ..] => CorpusGenerator.Run(args[1..]),
    ["profile-ingest", ..] => await IngestProfile.RunAsync(args[1..]),
    ["serve-static", ..] => await StaticFileServer.RunAsync(args[1..]),
    _ => Run(args),
};

static int Run(string[] args)
{
    BenchmarkSwitcher.FromAssembly(typeof(CorpusGenerator).Assembly).Run(args);
    return 0;
}
