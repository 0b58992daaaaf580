using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace NewsReader.Tests.Infrastructure;

/// <summary>
/// The app's own dll (copied beside the tests) running as a web server on 127.0.0.1, as one node of a site runs; what
/// it logs is kept for the test to read. Disposing it kills the process.
/// </summary>
public sealed class AppNode : IAsyncDisposable
{
    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly StringBuilder _log = new();

    private AppNode(string name, Process process, Uri baseAddress)
    {
        Name = name;
        _process = process;
        BaseAddress = baseAddress;
    }

    public string Name { get; }

    public Uri BaseAddress { get; }

    public bool IsRunning => !_process.HasExited;

    /// <summary>Everything the process wrote so far, one log entry a line.</summary>
    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    /// <summary>Starts the app with <paramref name="settings"/> (configuration keys, passed as environment variables) and waits until it answers.</summary>
    public static async Task<AppNode> StartAsync(string name, string workingDirectory, IReadOnlyDictionary<string, string?> settings)
    {
        var address = new Uri($"http://127.0.0.1:{FreePort()}");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "NewsReader.Web.dll"));
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(address.ToString().TrimEnd('/'));
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        // A home folder of its own, as a node on another machine has: nothing is shared through ~/.aspnet (where Data
        // Protection keeps its keys unless told otherwise).
        start.Environment["HOME"] = Directory.CreateDirectory(Path.Combine(workingDirectory, "home-" + name)).FullName;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Logging__Console__FormatterName"] = "simple";
        start.Environment["Logging__Console__FormatterOptions__SingleLine"] = "true";
        var process = new Process { StartInfo = start };
        var node = new AppNode(name, process, address);
        process.OutputDataReceived += (_, e) => node.Append(e.Data);
        process.ErrorDataReceived += (_, e) => node.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await node.WaitUntilServingAsync();
        }
        catch
        {
            await node.DisposeAsync();
            throw;
        }

        return node;
    }

    /// <summary>A client of this node that does not follow redirects; cookies kept in <paramref name="cookies"/> when given.</summary>
    public HttpClient Client(CookieContainer? cookies = null) =>
        new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = cookies is not null, CookieContainer = cookies ?? new CookieContainer() })
        {
            BaseAddress = BaseAddress,
        };

    /// <summary>Ends the process at once, as a crash or a pulled plug would.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_log)
        {
            _log.AppendLine(line);
        }
    }

    private async Task WaitUntilServingAsync()
    {
        using var client = Client();
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < StartLimit)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"Node {Name} exited with code {_process.ExitCode}:\n{Log}");
            }

            try
            {
                if ((await client.GetAsync("/robots.txt")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"Node {Name} did not answer within {StartLimit.TotalSeconds} s:\n{Log}");
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
