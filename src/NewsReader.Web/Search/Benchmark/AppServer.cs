using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;

namespace NewsReader.Search.Benchmark;

/// <summary>
/// Starts this app as a child process on 127.0.0.1 and a free port, for HTTP timings, over the store that
/// <paramref name="storeSettings"/> name (configuration keys such as <c>NewsReader:DatabasePath</c> or
/// <c>ConnectionStrings:NewsReader</c>). They reach the child as environment variables, so no password shows in its
/// command line.
/// </summary>
public sealed class AppServer(IReadOnlyDictionary<string, string?> storeSettings)
{
    public async Task<RunningServer> StartAsync(CancellationToken ct)
    {
        var port = FreePort();
        var start = new ProcessStartInfo { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.FileName = Environment.ProcessPath!;
        if (Path.GetFileNameWithoutExtension(start.FileName) == "dotnet")
        {
            start.ArgumentList.Add(Assembly.GetEntryAssembly()!.Location);
        }

        foreach (var arg in new[]
        {
            "--urls", $"http://127.0.0.1:{port}", "--NewsReader:WatchSeeds=false",
            // One client looping as fast as it can is the point here, not an abuser: lift the anonymous API rate limit.
            "--NewsReader:Api:RateLimitPermits=0",
            "--Logging:LogLevel:Default=Warning",
        })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in storeSettings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the app.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                Console.Error.WriteLine($"[app] {e.Data}");
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var running = new RunningServer(process, new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) });
        try
        {
            await running.WaitUntilReadyAsync(ct);
            return running;
        }
        catch
        {
            running.Dispose();
            throw;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>The child app and a client for it; disposing stops exactly that process.</summary>
public sealed class RunningServer(Process process, HttpClient client) : IDisposable
{
    public HttpClient Client => client;

    public async Task WaitUntilReadyAsync(CancellationToken ct)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The app exited with code {process.ExitCode} before it answered.");
            }

            try
            {
                using var response = await client.GetAsync("/search", ct);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(250, ct);
        }

        throw new TimeoutException("The app did not answer within 90 seconds.");
    }

    public void Dispose()
    {
        client.Dispose();
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(10_000);
        }

        process.Dispose();
    }
}
