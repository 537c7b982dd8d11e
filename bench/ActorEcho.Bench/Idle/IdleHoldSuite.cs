using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace ActorEcho.Bench.Idle;

/// <summary>
/// <c>idle --port N [--connections 10000] [--hold 15s] [--json FILE]</c>: opens N connections to an
/// echo server, holds them silent, then sends a one-byte probe on every one of them and expects it
/// back. bench/compare.sh samples the server's RSS while they are held; the probe proves the
/// server still serves every connection it held (a server that shed connections, or only keeps
/// them in the kernel's accept queue, fails it). Prints <c>HELD n</c> once every connection is open,
/// <c>PROBING</c> when the hold ends and <c>RELEASING</c> before closing them; the summary line and JSON give connected, answered and
/// errors. Exit code 0 only when every connection was made and answered its probe.
/// </summary>
internal sealed class IdleHoldSuite : IBenchSuite
{
    // As the load console: enough connects in flight to make a burst, not so many that the
    // listen backlog overflows into SYN retransmits.
    private const int MaxInFlight = 512;

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    public string Name => "idle";

    public string Description => "hold N silent connections, then probe each one: idle --port N [--connections 10000] [--hold 15s] [--json FILE]";

    public async Task RunAsync(string[] args)
    {
        if (!TryParse(args, out var port, out var count, out var hold, out var json, out var error))
        {
            Console.Error.WriteLine($"idle: {error}");
            Environment.Exit(2);
        }

        var endpoint = new IPEndPoint(IPAddress.Loopback, port);
        var sockets = new Socket?[count];
        var errors = 0;
        var started = Stopwatch.GetTimestamp();
        await ForEachAsync(count, async i =>
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                using var timeout = new CancellationTokenSource(Timeout);
                await socket.ConnectAsync(endpoint, timeout.Token);
                sockets[i] = socket;
            }
            catch (Exception e) when (e is SocketException or OperationCanceledException)
            {
                socket.Dispose();
                Interlocked.Increment(ref errors);
            }
        });
        var connectedMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        var connected = sockets.Count(s => s is not null);
        Console.WriteLine($"HELD {connected}");

        await Task.Delay(hold);

        // From here the connections carry traffic: a caller measuring idle memory stops sampling.
        Console.WriteLine("PROBING");
        var answered = 0;
        started = Stopwatch.GetTimestamp();
        await ForEachAsync(count, async i =>
        {
            if (sockets[i] is not { } socket)
            {
                return;
            }

            if (await ProbeAsync(socket))
            {
                Interlocked.Increment(ref answered);
            }
            else
            {
                Interlocked.Increment(ref errors);
            }
        });
        var probeMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;

        Console.WriteLine("RELEASING");
        foreach (var socket in sockets)
        {
            socket?.Dispose();
        }

        var inv = CultureInfo.InvariantCulture;
        Console.WriteLine($"idle: connections={count} connected={connected} answered={answered} errors={errors} all_connected_ms={connectedMs.ToString("0", inv)} probe_ms={probeMs.ToString("0", inv)}");
        if (json is not null)
        {
            await File.WriteAllTextAsync(json, JsonSerializer.Serialize(new Dictionary<string, object>
            {
                ["connections"] = count,
                ["connected"] = connected,
                ["answered"] = answered,
                ["errors"] = errors,
                ["all_connected_ms"] = Math.Round(connectedMs),
                ["probe_ms"] = Math.Round(probeMs),
            }));
        }

        if (connected != count || answered != count)
        {
            Environment.Exit(1);
        }
    }

    /// <summary>Sends one byte and expects exactly that byte back; anything else (including bytes the server sent unasked while the connection was idle) fails.</summary>
    private static async Task<bool> ProbeAsync(Socket socket)
    {
        var buffer = new byte[8];
        try
        {
            using var timeout = new CancellationTokenSource(Timeout);
            await socket.SendAsync("."u8.ToArray(), SocketFlags.None, timeout.Token);
            var received = await socket.ReceiveAsync(buffer, SocketFlags.None, timeout.Token);
            return received == 1 && buffer[0] == (byte)'.';
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException)
        {
            return false;
        }
    }

    private static async Task ForEachAsync(int count, Func<int, Task> body)
    {
        using var slots = new SemaphoreSlim(MaxInFlight);
        var tasks = new Task[count];
        for (var i = 0; i < count; i++)
        {
            await slots.WaitAsync();
            tasks[i] = RunAsync(i);
        }

        await Task.WhenAll(tasks);

        async Task RunAsync(int i)
        {
            try
            {
                await body(i);
            }
            finally
            {
                slots.Release();
            }
        }
    }

    /// <summary>A duration in seconds written like the load console's, e.g. <c>15s</c> or <c>0.5s</c>.</summary>
    private static bool TryParseSeconds(string? value, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        if (value is null || !value.EndsWith('s') || !double.TryParse(value[..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) || seconds < 0)
        {
            return false;
        }

        duration = TimeSpan.FromSeconds(seconds);
        return true;
    }

    private static bool TryParse(string[] args, out int port, out int count, out TimeSpan hold, out string? json, out string error)
    {
        port = 0;
        count = 10_000;
        hold = TimeSpan.FromSeconds(15);
        json = null;
        error = "";
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            var ok = args[i] switch
            {
                "--port" => int.TryParse(value, out port) && port is > 0 and < 65536,
                "--connections" => int.TryParse(value, out count) && count > 0,
                "--hold" => TryParseSeconds(value, out hold),
                "--json" => (json = value) is not null,
                _ => false,
            };
            if (!ok)
            {
                error = $"bad or unknown option '{args[i]}{(value is null ? "" : " " + value)}'; usage: idle --port N [--connections 10000] [--hold 15s] [--json FILE]";
                return false;
            }

            i++;
        }

        if (port == 0)
        {
            error = "--port is required";
            return false;
        }

        return true;
    }
}
