using System.Diagnostics;
using ActorEcho.Load.Cli;
using ActorEcho.Load.Clients;
using ActorEcho.Load.Metrics;

namespace ActorEcho.Load.Runner;

/// <summary>
/// Runs one load run: starts the clients (spread over the ramp-up), stops new requests when the
/// duration ends, times out clients whose replies are late, aborts whatever still runs at the
/// hard cap, and merges the per-client numbers into a <see cref="RunSummary"/>.
/// </summary>
internal sealed class LoadRunner
{
    private static readonly TimeSpan WatchdogPeriod = TimeSpan.FromMilliseconds(50);

    private readonly LoadOptions _options;
    private List<LoadClient> _clients = [];
    private long _startedAt;

    public LoadRunner(LoadOptions options) => _options = options;

    public ProgressSnapshot Snapshot()
    {
        var clients = Volatile.Read(ref _clients);
        int connected = 0;
        long messages = 0, bytes = 0, errors = 0;
        foreach (var c in clients)
        {
            connected += c.Stats.Connected ? 1 : 0;
            messages += c.Stats.Messages;
            bytes += c.Stats.Bytes;
            errors += c.Stats.TotalErrors();
        }

        var elapsed = _startedAt == 0 ? TimeSpan.Zero : Stopwatch.GetElapsedTime(_startedAt);
        return new ProgressSnapshot(elapsed, clients.Count, connected, messages, bytes, errors);
    }

    /// <summary>
    /// Runs to completion. Cancelling <paramref name="cancel"/> (Ctrl+C) ends the sending early
    /// and lets replies drain, like the end of the duration.
    /// </summary>
    public async Task<RunSummary> RunAsync(CancellationToken cancel)
    {
        using var stopSending = new CancellationTokenSource();
        using var hardStop = new CancellationTokenSource(_options.HardCap);
        using var userStop = cancel.Register(() => stopSending.Cancel());
        var context = new RunContext(_options, stopSending.Token, hardStop.Token);
        var clients = ClientPlan.Build(context);
        Volatile.Write(ref _clients, clients);

        _startedAt = Stopwatch.GetTimestamp();
        if (_options.Duration is { } duration)
        {
            stopSending.CancelAfter(_options.RampUp + duration);
        }

        var tasks = new Task[clients.Count];
        for (var i = 0; i < clients.Count; i++)
        {
            tasks[i] = StartClient(clients[i], i, clients.Count, hardStop.Token);
        }

        var all = Task.WhenAll(tasks);
        var watchdog = WatchdogAsync(clients, all, hardStop.Token);
        try
        {
            await all.WaitAsync(hardStop.Token);
        }
        catch (OperationCanceledException)
        {
            // The hard cap: whatever is still running has overrun every bound.
            foreach (var client in clients)
            {
                client.Abort(ErrorKind.Timeout);
            }

            await Task.WhenAny(all, Task.Delay(TimeSpan.FromSeconds(2), CancellationToken.None));
        }

        var elapsed = Stopwatch.GetElapsedTime(_startedAt);
        await watchdog;
        var summary = Summarize(clients, elapsed);
        foreach (var client in clients)
        {
            client.Dispose();
        }

        return summary;
    }

    private async Task StartClient(LoadClient client, int index, int count, CancellationToken hardStop)
    {
        if (_options.RampUp > TimeSpan.Zero && index > 0)
        {
            try
            {
                await Task.Delay(_options.RampUp * index / count, hardStop);
            }
            catch (OperationCanceledException)
            {
                client.Abort(ErrorKind.ConnectFailed);
                return;
            }
        }
        else
        {
            // Leave the starting thread at once so one client's synchronous work does not delay the next.
            await Task.Yield();
        }

        await client.RunAsync();
    }

    private async Task WatchdogAsync(List<LoadClient> clients, Task all, CancellationToken hardStop)
    {
        var limit = (long)(_options.ReplyTimeout.TotalSeconds * Stopwatch.Frequency);
        using var timer = new PeriodicTimer(WatchdogPeriod);
        try
        {
            // Bounded by the hard cap through the token.
            while (!all.IsCompleted && await timer.WaitForNextTickAsync(hardStop))
            {
                var now = Stopwatch.GetTimestamp();
                foreach (var client in clients)
                {
                    var since = client.PendingSince;
                    if (since != 0 && now - since > limit)
                    {
                        client.Abort(ErrorKind.Timeout);
                    }
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private RunSummary Summarize(List<LoadClient> clients, TimeSpan elapsed)
    {
        var latency = new LatencyHistogram();
        var errors = new Dictionary<ErrorKind, long>();
        long messages = 0, bytes = 0;
        var connected = 0;
        foreach (var client in clients)
        {
            latency.Add(client.Stats.Latency);
            messages += client.Stats.Messages;
            bytes += client.Stats.Bytes;
            connected += client.Stats.Connected ? 1 : 0;
            foreach (var kind in ErrorKinds.All)
            {
                var n = client.Stats.Errors(kind);
                if (n > 0)
                {
                    errors[kind] = errors.GetValueOrDefault(kind) + n;
                }
            }
        }

        var workload = _options.Workload == WorkloadKind.Mix
            ? $"mix({_options.Mix})"
            : _options.Workload.ToString().ToLowerInvariant();
        return new RunSummary
        {
            Workload = workload,
            Target = _options.TcpTargetText + (UsesUdp ? $" udp {_options.Host}:{_options.UdpPort}" : ""),
            Connections = _options.Connections,
            Connected = connected,
            Elapsed = elapsed,
            Messages = messages,
            Bytes = bytes,
            Latency = latency,
            Errors = errors,
            AllConnectedAfter = _options.Workload == WorkloadKind.Burst ? elapsed : null,
            LastDelivery = LastDeliveries(clients),
        };
    }

    private static LatencyHistogram? LastDeliveries(List<LoadClient> clients)
    {
        var rooms = clients.OfType<ChatClient>().Select(c => c.Room).Distinct().ToArray();
        if (rooms.Length == 0)
        {
            return null;
        }

        var merged = new LatencyHistogram();
        foreach (var room in rooms)
        {
            merged.Add(room.LastDelivery);
        }

        return merged;
    }

    private bool UsesUdp => _options.Workload == WorkloadKind.Udp || (_options.Workload == WorkloadKind.Mix && _options.Mix.Udp > 0);
}
