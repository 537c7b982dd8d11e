using ActorEcho.IO.Configuration;
using ConfigTree = ActorEcho.Config.Config;

namespace ActorEcho.IO;

/// <summary>
/// TCP settings (HOCON <c>actorecho.io.tcp.*</c>; the reference config explains each key).
/// Defaults here equal the reference config's.
/// </summary>
public sealed record TcpSettings
{
    /// <summary>The reference defaults.</summary>
    public static TcpSettings Default { get; } = new();

    /// <summary>Largest chunk one read takes (default 64 KiB).</summary>
    public int ReceiveChunkSize { get; init; } = 64 * 1024;

    /// <summary>SO_SNDBUF; 0 keeps the OS default (default 0).</summary>
    public int SendBufferSize { get; init; }

    /// <summary>SO_RCVBUF; 0 keeps the OS default (default 0).</summary>
    public int ReceiveBufferSize { get; init; }

    /// <summary>Bytes a connection's write queue may hold before writes are refused with a NACK (default 1 MiB).</summary>
    public long MaxPendingWriteBytes { get; init; } = 1024 * 1024;

    /// <summary>Accepted sockets that may wait for the listener at once in push mode (default 10).</summary>
    public int BatchAcceptLimit { get; init; } = 10;

    /// <summary>How long a new connection waits for <see cref="Tcp.Register"/> (default 5 s).</summary>
    public TimeSpan RegisterTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// After a graceful close has sent FIN: how long the connection keeps reading (and discarding)
    /// until the peer's FIN before it releases the socket (default 2 s). Also bounds how long a
    /// requested close may keep flushing after its handler died.
    /// </summary>
    public TimeSpan CloseLinger { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Timeout of a <see cref="Tcp.Connect"/> that names none (default 10 s).</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Live connections per listener, 0 for no limit (default 0). See <see cref="Tcp.Connected.OverLimit"/> for the next one.</summary>
    public int MaxConnections { get; init; }

    /// <summary>TCP_NODELAY (default on).</summary>
    public bool NoDelay { get; init; } = true;

    /// <summary>SO_KEEPALIVE (default on).</summary>
    public bool KeepAlive { get; init; } = true;

    /// <summary>
    /// Reads <c>actorecho.io.tcp</c> from <paramref name="config"/>, with the embedded reference config
    /// as fallback. Throws <see cref="ArgumentException"/> naming the key when a value is out of range.
    /// </summary>
    public static TcpSettings FromConfig(ConfigTree config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var c = config.WithFallback(ReferenceConfig.Value);
        const string p = "actorecho.io.tcp.";
        var settings = new TcpSettings
        {
            ReceiveChunkSize = ToInt(c.GetByteSize(p + "receive-chunk-size"), p + "receive-chunk-size"),
            SendBufferSize = ToInt(c.GetByteSize(p + "send-buffer-size"), p + "send-buffer-size"),
            ReceiveBufferSize = ToInt(c.GetByteSize(p + "receive-buffer-size"), p + "receive-buffer-size"),
            MaxPendingWriteBytes = c.GetByteSize(p + "max-pending-write-bytes"),
            BatchAcceptLimit = c.GetInt(p + "batch-accept-limit"),
            RegisterTimeout = c.GetTimeSpan(p + "register-timeout"),
            ConnectTimeout = c.GetTimeSpan(p + "connect-timeout"),
            CloseLinger = c.GetTimeSpan(p + "close-linger"),
            MaxConnections = c.GetInt(p + "max-connections"),
            NoDelay = c.GetBoolean(p + "no-delay"),
            KeepAlive = c.GetBoolean(p + "keep-alive"),
        };
        settings.Validate();
        return settings;
    }

    /// <summary>Throws <see cref="ArgumentException"/> naming the first setting that is out of range.</summary>
    public void Validate()
    {
        Require(ReceiveChunkSize >= 1, "receive-chunk-size", ReceiveChunkSize, "at least 1 byte");
        Require(SendBufferSize >= 0, "send-buffer-size", SendBufferSize, "0 (OS default) or more");
        Require(ReceiveBufferSize >= 0, "receive-buffer-size", ReceiveBufferSize, "0 (OS default) or more");
        Require(MaxPendingWriteBytes >= 1, "max-pending-write-bytes", MaxPendingWriteBytes, "at least 1 byte");
        Require(BatchAcceptLimit >= 1, "batch-accept-limit", BatchAcceptLimit, "at least 1");
        Require(RegisterTimeout > TimeSpan.Zero, "register-timeout", RegisterTimeout, "positive");
        Require(CloseLinger > TimeSpan.Zero, "close-linger", CloseLinger, "positive");
        Require(ConnectTimeout > TimeSpan.Zero, "connect-timeout", ConnectTimeout, "positive");
        Require(MaxConnections >= 0, "max-connections", MaxConnections, "0 (no limit) or more");
    }

    private static void Require(bool ok, string key, object value, string expected)
    {
        if (!ok)
        {
            throw new ArgumentException($"actorecho.io.tcp.{key} is {value}; it must be {expected}");
        }
    }

    private static int ToInt(long value, string key) =>
        value is >= 0 and <= int.MaxValue ? (int)value : throw new ArgumentException($"{key} is {value} bytes; it must be between 0 and {int.MaxValue}");
}
