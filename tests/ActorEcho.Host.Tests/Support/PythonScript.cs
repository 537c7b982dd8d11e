using System.Diagnostics;
using System.Text;

namespace ActorEcho.Host.Tests.Support;

/// <summary>Runs a test-asset Python script with python3 and returns its exit code and output.</summary>
internal static class PythonScript
{
    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(string script, IEnumerable<string> args, TimeSpan timeout)
    {
        var start = new ProcessStartInfo("python3")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Assets", script));
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        // The tutorial prints Chinese text; make python's stdout UTF-8 whatever the locale.
        start.Environment["PYTHONIOENCODING"] = "utf-8";
        using var process = Process.Start(start) ?? throw new InvalidOperationException("python3 did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{script} did not finish within {timeout}: stdout '{await stdout}', stderr '{await stderr}'");
        }

        return (process.ExitCode, await stdout, await stderr);
    }
}
