namespace ActorEcho.Server;

/// <summary>Limits of one TCP session (HOCON <c>actorecho.server.session.*</c>). Defaults equal the reference config's.</summary>
public sealed record SessionSettings
{
    /// <summary>Longest command or room line in bytes, without its line ending (default 4096).</summary>
    public int MaxLineLength { get; init; } = 4096;

    /// <summary>Close a session whose client sent nothing for this long; null disables it (default 300 s).</summary>
    public TimeSpan? IdleTimeout { get; init; } = TimeSpan.FromSeconds(300);

    /// <summary>How long a closing session waits for its last lines to be sent before it resets the connection (default 5 s).</summary>
    public TimeSpan CloseTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Bytes handed to the connection and not yet acknowledged, at most (default 256 KiB; one larger write may go alone).</summary>
    public int MaxInFlightBytes { get; init; } = 256 * 1024;

    /// <summary>Queued bytes of the client's own output (echo, replies) above which the session stops reading (default 1 MiB).</summary>
    public int EchoHighWatermark { get; init; } = 1024 * 1024;

    /// <summary>Chat lines from others queued for a reader before <see cref="SlowReaderPolicy"/> applies: the high-water mark of back-pressure (default 1000).</summary>
    public int MaxQueuedMessages { get; init; } = 1000;

    /// <summary>What happens to a reader that falls behind (default <see cref="Server.SlowReaderPolicy.Backpressure"/>).</summary>
    public SlowReaderPolicy SlowReaderPolicy { get; init; } = SlowReaderPolicy.Backpressure;

    /// <summary>With back-pressure: how long a reader may hold its senders (queue past <see cref="MaxQueuedMessages"/>, not yet down to half) before it is disconnected (default 10 s).</summary>
    public TimeSpan SlowReaderTimeout { get; init; } = TimeSpan.FromSeconds(10);
}
