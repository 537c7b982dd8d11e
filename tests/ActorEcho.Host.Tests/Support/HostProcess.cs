using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;

namespace ActorEcho.Host.Tests.Support;

/// <summary>
/// The real host executable (ActorEcho.Host.dll, copied beside the tests) run with <c>dotnet</c>,
/// for what only a process can show: signals, the exit code, the console output.
/// </summary>
internal sealed partial class HostProcess : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _stdout = new();
    private readonly ConcurrentQueue<string> _stderr = new();
    private readonly TaskCompletionSource<IPEndPoint> _sessionEndPoint = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<string> _clusterAddress = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private HostProcess(Process process) => _process = process;

    public IReadOnlyCollection<string> Stdout => _stdout;

    public IReadOnlyCollection<string> Stderr => _stderr;

    public int Id => _process.Id;

    public static HostProcess Start(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(HostDll);
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        return Run(start);
    }

    /// <summary>
    /// Starts the host with SIGINT ignored, as a non-interactive shell starts a background job:
    /// <c>sh</c> sets the disposition with <c>trap '' INT</c>, and <c>exec</c> keeps it (an ignored
    /// signal stays ignored across exec) while the process keeps the shell's pid.
    /// </summary>
    public static HostProcess StartWithSigintIgnored(params string[] args)
    {
        var start = new ProcessStartInfo("/bin/sh") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("trap '' INT; exec dotnet \"$@\"");
        start.ArgumentList.Add("sh");
        start.ArgumentList.Add(HostDll);
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        return Run(start);
    }

    private static string HostDll => Path.Combine(AppContext.BaseDirectory, "ActorEcho.Host.dll");

    private static HostProcess Run(ProcessStartInfo start)
    {
        var process = new Process { StartInfo = start };
        var host = new HostProcess(process);
        process.OutputDataReceived += (_, e) => host.OnStdout(e.Data);
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                host._stderr.Enqueue(e.Data);
            }
        };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return host;
    }

    /// <summary>The session endpoint, once the host has logged it and said it is ready.</summary>
    public async Task<IPEndPoint> WaitReadyAsync(CancellationToken ct)
    {
        var exited = _process.WaitForExitAsync(ct);
        var first = await Task.WhenAny(_ready.Task, exited);
        if (first == exited)
        {
            throw new InvalidOperationException($"the host exited with {_process.ExitCode} before it was ready: {string.Join(" | ", _stderr)}");
        }

        return await _sessionEndPoint.Task;
    }

    /// <summary>Cluster mode: the node's <c>HOST:PORT</c> (its cluster port), once the server has logged that it is joining.</summary>
    public async Task<string> WaitClusterAddressAsync(CancellationToken ct) => await _clusterAddress.Task.WaitAsync(ct);

    public bool HasExited => _process.HasExited;

    public async Task<int> WaitForExitAsync(CancellationToken ct)
    {
        await _process.WaitForExitAsync(ct);
        return _process.ExitCode;
    }

    public void Signal(string name)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill", ["-" + name, _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]) { UseShellExecute = false })!;
        kill.WaitForExit(10_000);
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }

    [GeneratedRegex(@"Listening: session-tcp tcp (?<address>[\d.]+):(?<port>\d+)")]
    private static partial Regex SessionLine();

    [GeneratedRegex(@"Cluster mode: node akka\.tcp://[^@]+@(?<node>[^ ]+) joining")]
    private static partial Regex ClusterLine();

    private void OnStdout(string? line)
    {
        if (line is null)
        {
            return;
        }

        _stdout.Enqueue(line);
        if (SessionLine().Match(line) is { Success: true } m)
        {
            _sessionEndPoint.TrySetResult(new IPEndPoint(IPAddress.Parse(m.Groups["address"].Value), int.Parse(m.Groups["port"].Value, System.Globalization.CultureInfo.InvariantCulture)));
        }

        if (ClusterLine().Match(line) is { Success: true } cluster)
        {
            _clusterAddress.TrySetResult(cluster.Groups["node"].Value);
        }

        if (line.Contains("ActorEcho ready", StringComparison.Ordinal))
        {
            _ready.TrySetResult();
        }
    }
}
