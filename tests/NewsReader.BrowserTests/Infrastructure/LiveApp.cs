using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using NewsReader.Ingestion;

namespace NewsReader.BrowserTests.Infrastructure;

/// <summary>
/// The whole app on a real Kestrel socket (127.0.0.1, a free port) over a temporary database and seeds folder,
/// so a real browser can reach it. The watcher is off: the fixture ingests once, before any test runs.
/// </summary>
public sealed class LiveApp : WebApplicationFactory<Program>
{
    public LiveApp()
    {
        Root = Directory.CreateTempSubdirectory("newsreader-browser-").FullName;
        SeedsPath = Path.Combine(Root, "seeds");
        Directory.CreateDirectory(SeedsPath);
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
    }

    public string Root { get; }

    public string SeedsPath { get; }

    /// <summary>Where the browser finds the app, e.g. http://127.0.0.1:41234.</summary>
    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        // Outside Development the app serves wwwroot from its publish folder; a test run has none, so read the build's asset manifest.
        builder.UseStaticWebAssets();
        builder.UseSetting("NewsReader:SeedsPath", SeedsPath);
        builder.UseSetting("NewsReader:DatabasePath", Path.Combine(Root, "newsreader.db"));
        builder.UseSetting("NewsReader:WatchSeeds", "false");
    }

    public async Task StartAsync()
    {
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        BaseAddress = new Uri(address);
        await Services.GetRequiredService<Ingester>().IngestFolderAsync(SeedsPath, CancellationToken.None);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open only leaves a temp folder behind; it must not fail the run.
        }
    }
}
