using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Logging;

namespace NewsReader.Benchmarks;

/// <summary>
/// "serve-static --root folder --port N": bare Kestrel serving files from a folder on 127.0.0.1, the yardstick the
/// load test compares the app's pages with. It stops by itself after --seconds (default 600).
/// </summary>
public static class StaticFileServer
{
    public static async Task<int> RunAsync(string[] args)
    {
        string Option(string name, string fallback) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault() ?? fallback;
        var root = Path.GetFullPath(Option("--root", "."));
        var port = int.Parse(Option("--port", "5099"), CultureInfo.InvariantCulture);
        var seconds = int.Parse(Option("--seconds", "600"), CultureInfo.InvariantCulture);

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(System.Net.IPAddress.Loopback, port));
        var app = builder.Build();
        app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(root) });
        // Stops on SIGTERM/Ctrl+C like any host, and by itself after the time limit.
        using var limit = new Timer(_ => app.Lifetime.StopApplication(), null, TimeSpan.FromSeconds(seconds), Timeout.InfiniteTimeSpan);
        await app.RunAsync();
        return 0;
    }
}
