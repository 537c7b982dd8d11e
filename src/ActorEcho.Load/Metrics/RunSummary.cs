namespace ActorEcho.Load.Metrics;

/// <summary>The outcome of one run, as printed in the summary table and written with <c>--json</c>.</summary>
internal sealed record RunSummary
{
    public required string Workload { get; init; }

    public required string Target { get; init; }

    public required int Connections { get; init; }

    public required int Connected { get; init; }

    public required TimeSpan Elapsed { get; init; }

    /// <summary>Verified replies (echo, time, udp) plus verified chat deliveries.</summary>
    public required long Messages { get; init; }

    /// <summary>Verified bytes received.</summary>
    public required long Bytes { get; init; }

    public required LatencyHistogram Latency { get; init; }

    public required IReadOnlyDictionary<ErrorKind, long> Errors { get; init; }

    /// <summary>
    /// Chat only: per line that reached every other member of its room, the time from its send to
    /// its last delivery (the whole room has it). Null without chat clients.
    /// </summary>
    public LatencyHistogram? LastDelivery { get; init; }

    /// <summary>Burst workload only: time from the first connect until every client was served.</summary>
    public TimeSpan? AllConnectedAfter { get; init; }

    public double MessagesPerSecond => Elapsed > TimeSpan.Zero ? Messages / Elapsed.TotalSeconds : 0;

    public double MegabytesPerSecond => Elapsed > TimeSpan.Zero ? Bytes / 1_000_000.0 / Elapsed.TotalSeconds : 0;

    public long ErrorCount(ErrorKind kind) => Errors.TryGetValue(kind, out var n) ? n : 0;

    public long TotalErrors => Errors.Values.Sum();

    public long ConnectFailures => ErrorCount(ErrorKind.ConnectRefused) + ErrorCount(ErrorKind.ConnectFailed);

    /// <summary>Verification errors only: everything except failing to connect.</summary>
    public long VerificationErrors => TotalErrors - ConnectFailures;

    /// <summary>0 when everything verified and connected, 1 otherwise.</summary>
    public int ExitCode => TotalErrors == 0 ? 0 : 1;
}
