using ActorEcho.IO.Configuration;
using ConfigTree = ActorEcho.Config.Config;

namespace ActorEcho.IO;

/// <summary>
/// UDP settings (HOCON <c>actorecho.io.udp.*</c>; the reference config explains each key).
/// Defaults here equal the reference config's.
/// </summary>
public sealed record UdpSettings
{
    /// <summary>The reference defaults.</summary>
    public static UdpSettings Default { get; } = new();

    /// <summary>Largest datagram received or sent (default 64 KiB); larger ones are dropped or refused, never truncated.</summary>
    public int MaxDatagramSize { get; init; } = 64 * 1024;

    /// <summary>SO_SNDBUF; 0 keeps the OS default (default 0).</summary>
    public int SendBufferSize { get; init; }

    /// <summary>SO_RCVBUF; 0 keeps the OS default (default 0).</summary>
    public int ReceiveBufferSize { get; init; }

    /// <summary>Datagrams a socket actor may hold queued for sending (default 1000).</summary>
    public int MaxPendingSends { get; init; } = 1000;

    /// <summary>Reads <c>actorecho.io.udp</c> from <paramref name="config"/>, with the embedded reference config as fallback.</summary>
    public static UdpSettings FromConfig(ConfigTree config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var c = config.WithFallback(ReferenceConfig.Value);
        const string p = "actorecho.io.udp.";
        var settings = new UdpSettings
        {
            MaxDatagramSize = ToInt(c.GetByteSize(p + "max-datagram-size"), p + "max-datagram-size"),
            SendBufferSize = ToInt(c.GetByteSize(p + "send-buffer-size"), p + "send-buffer-size"),
            ReceiveBufferSize = ToInt(c.GetByteSize(p + "receive-buffer-size"), p + "receive-buffer-size"),
            MaxPendingSends = c.GetInt(p + "max-pending-sends"),
        };
        settings.Validate();
        return settings;
    }

    /// <summary>Throws <see cref="ArgumentException"/> naming the first setting that is out of range.</summary>
    public void Validate()
    {
        if (MaxDatagramSize is < 1 or > 65536)
        {
            throw new ArgumentException($"actorecho.io.udp.max-datagram-size is {MaxDatagramSize}; it must be between 1 byte and 64 KiB");
        }

        if (SendBufferSize < 0 || ReceiveBufferSize < 0)
        {
            throw new ArgumentException("actorecho.io.udp.send-buffer-size and receive-buffer-size must be 0 (OS default) or more");
        }

        if (MaxPendingSends < 1)
        {
            throw new ArgumentException($"actorecho.io.udp.max-pending-sends is {MaxPendingSends}; it must be at least 1");
        }
    }

    private static int ToInt(long value, string key) =>
        value is >= 0 and <= int.MaxValue ? (int)value : throw new ArgumentException($"{key} is {value} bytes; it must be between 0 and {int.MaxValue}");
}
