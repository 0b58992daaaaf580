using System.Diagnostics;

namespace NewsReader.Tests.Infrastructure;

/// <summary>Runs the app's own dll (copied beside the tests) with dotnet, as a user runs a verb, with a time limit.</summary>
public static class AppProcess
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(2);

    public static Task<(int Exit, string Stdout, string Stderr)> RunAsync(string workingDirectory, params string[] args) =>
        RunToolAsync(workingDirectory, Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet", [Path.Combine(AppContext.BaseDirectory, "NewsReader.Web.dll"), .. args]);

    /// <summary>Runs any program, for tests that wrap the app in another tool (a pseudo-terminal).</summary>
    public static async Task<(int Exit, string Stdout, string Stderr)> RunToolAsync(string workingDirectory, string program, params string[] args)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(Limit);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await stdout, await stderr);
    }
}
