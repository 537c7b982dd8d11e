namespace ActorEcho.Load.Metrics;

/// <summary>
/// Counters of one client. Messages, bytes and latency have a single writer (the client's receive
/// path); errors may come from the watchdog too, so they are interlocked. The live display reads
/// everything without locks and accepts slightly stale numbers.
/// </summary>
internal sealed class ClientStats
{
    private readonly long[] _errors = new long[ErrorKinds.Count];
    private long _messages;
    private long _bytes;
    private int _connected;

    public LatencyHistogram Latency { get; } = new();

    public long Messages => Volatile.Read(ref _messages);

    public long Bytes => Volatile.Read(ref _bytes);

    public bool Connected => Volatile.Read(ref _connected) == 1;

    public void MarkConnected() => Volatile.Write(ref _connected, 1);

    /// <summary>Counts <paramref name="replies"/> verified replies carried by <paramref name="bytes"/> received bytes.</summary>
    public void AddTraffic(long replies, long bytes)
    {
        Volatile.Write(ref _messages, _messages + replies);
        Volatile.Write(ref _bytes, _bytes + bytes);
    }

    public void AddError(ErrorKind kind, long count = 1) => Interlocked.Add(ref _errors[(int)kind], count);

    public long Errors(ErrorKind kind) => Volatile.Read(ref _errors[(int)kind]);

    public long TotalErrors()
    {
        long total = 0;
        foreach (var kind in ErrorKinds.All)
        {
            total += Errors(kind);
        }

        return total;
    }
}
