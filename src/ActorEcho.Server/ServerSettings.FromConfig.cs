using ActorEcho.Hocon;
using ActorEcho.Hocon.Values;
using System.Globalization;
using System.Net;
using ActorEcho.Server.Configuration;


namespace ActorEcho.Server;

public sealed partial record ServerSettings
{
    private const string P = "actorecho.server.";
    private const string C = "actorecho.cluster.";

    /// <summary>
    /// Reads <c>actorecho.server.*</c> and <c>actorecho.demo.allow-crash</c> from <paramref name="config"/>,
    /// with the embedded reference config as fallback (pass <c>system.Settings.Config</c> to use the
    /// config the actor system was created with). Throws <see cref="ArgumentException"/> naming the
    /// key when a value is out of range, and the config's own exception when one has the wrong type.
    /// </summary>
    public static ServerSettings FromConfig(HoconConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var c = config.WithFallback(ReferenceConfig.Value);
        var address = c.GetString(P + "address").Trim();
        if (!IPAddress.TryParse(address, out var ip))
        {
            throw new ArgumentException($"{P}address is '{address}'; it must be an IP address such as 127.0.0.1, 0.0.0.0 or ::1");
        }

        var settings = new ServerSettings
        {
            Address = ip,
            MaxConnections = c.GetInt(P + "max-connections"),
            SessionTcp = Endpoint(c, "session-tcp"),
            SessionUdp = Endpoint(c, "session-udp"),
            EchoTcp = Endpoint(c, "echo-tcp"),
            TimeTcp = Endpoint(c, "time-tcp"),
            TimeUdp = Endpoint(c, "time-udp"),
            DaytimeTcp = Endpoint(c, "daytime-tcp"),
            DaytimeUdp = Endpoint(c, "daytime-udp"),
            Session = new SessionSettings
            {
                MaxLineLength = c.GetInt(P + "session.max-line-length"),
                IdleTimeout = OptionalDuration(c, P + "session.idle-timeout"),
                CloseTimeout = c.GetTimeSpan(P + "session.close-timeout"),
                MaxInFlightBytes = ToInt(c.GetByteSize(P + "session.outbound.max-in-flight-bytes"), P + "session.outbound.max-in-flight-bytes"),
                EchoHighWatermark = ToInt(c.GetByteSize(P + "session.outbound.echo-high-watermark"), P + "session.outbound.echo-high-watermark"),
                MaxQueuedMessages = c.GetInt(P + "session.outbound.max-queued-messages"),
                SlowReaderPolicy = ParsePolicy(c.GetString(P + "session.outbound.slow-reader-policy")),
                SlowReaderTimeout = c.GetTimeSpan(P + "session.outbound.slow-reader-timeout"),
            },
            Chat = new ChatSettings
            {
                RateLimit = c.GetDouble(P + "chat.rate-limit"),
                RateBurst = c.GetInt(P + "chat.rate-burst"),
                MaxNameLength = c.GetInt(P + "chat.max-name-length"),
            },
            SocketSendBufferSize = OptionalByteSize(c, P + "socket.send-buffer-size"),
            SocketReceiveBufferSize = OptionalByteSize(c, P + "socket.receive-buffer-size"),
            Supervision = new SupervisionSettings
            {
                Strategy = ParseStrategy(c.GetString(P + "supervision.strategy")),
                MaxRestarts = c.GetInt(P + "supervision.max-restarts"),
                Within = c.GetTimeSpan(P + "supervision.within"),
            },
            AllowCrash = c.GetBoolean("actorecho.demo.allow-crash"),
            Cluster = new ClusterSettings
            {
                Port = OptionalPort(c, C + "port"),
                Seeds = Seeds(c, C + "seeds"),
                HeartbeatInterval = c.GetTimeSpan(C + "heartbeat-interval"),
                RegistryTimeout = c.GetTimeSpan(C + "nick-registry-timeout"),
                RegistryRebuildTimeout = c.GetTimeSpan(C + "nick-registry-rebuild-timeout"),
            },
        };
        settings.Validate();
        return settings;
    }

    /// <summary>
    /// Checks these settings against Akka.IO's TCP settings: a write queue limit
    /// (<c>akka.io.tcp.write-commands-queue-max-size</c>, unlimited by default) must leave room for the
    /// whole in-flight window plus two frames, or Akka.IO would refuse writes in normal operation,
    /// and a refused write is a hole in the client's stream.
    /// </summary>
    /// <exception cref="ArgumentException">The limit is too small for the window.</exception>
    public void ValidateAgainst(Akka.IO.TcpSettings tcp)
    {
        ArgumentNullException.ThrowIfNull(tcp);
        var needed = (long)Session.MaxInFlightBytes + (2L * tcp.MaxFrameSizeBytes);
        if (tcp.WriteCommandsQueueMaxSize >= 0 && tcp.WriteCommandsQueueMaxSize < needed)
        {
            throw new ArgumentException(string.Create(
                CultureInfo.InvariantCulture,
                $"akka.io.tcp.write-commands-queue-max-size is {tcp.WriteCommandsQueueMaxSize} bytes; with {P}session.outbound.max-in-flight-bytes = {Session.MaxInFlightBytes} it must be at least {needed} (the window plus two frames of akka.io.tcp.maximum-frame-size), or -1 for no limit"));
        }
    }

    /// <summary>Throws <see cref="ArgumentException"/> naming the first setting that is out of range.</summary>
    public void Validate()
    {
        foreach (var (name, _, endpoint) in AllEndpoints())
        {
            Require(endpoint.Port is >= 0 and <= 65535, $"endpoints.{name}.port", endpoint.Port, "between 0 (any free port) and 65535");
        }

        Require(MaxConnections >= 0, "max-connections", MaxConnections, "0 (no limit) or more");
        Require(Session.MaxLineLength is >= 1 and < 64 * 1024 * 1024, "session.max-line-length", Session.MaxLineLength, "between 1 and 64 MiB");
        Require(Session.IdleTimeout is null || Session.IdleTimeout > TimeSpan.Zero, "session.idle-timeout", Session.IdleTimeout ?? TimeSpan.Zero, "positive, or off");
        Require(Session.CloseTimeout > TimeSpan.Zero, "session.close-timeout", Session.CloseTimeout, "positive");
        Require(Session.MaxInFlightBytes >= 1, "session.outbound.max-in-flight-bytes", Session.MaxInFlightBytes, "at least 1 byte");
        Require(Session.EchoHighWatermark >= 1, "session.outbound.echo-high-watermark", Session.EchoHighWatermark, "at least 1 byte");
        Require(Session.MaxQueuedMessages >= 1, "session.outbound.max-queued-messages", Session.MaxQueuedMessages, "at least 1");
        Require(Session.SlowReaderTimeout > TimeSpan.Zero, "session.outbound.slow-reader-timeout", Session.SlowReaderTimeout, "positive");
        Require(Chat.RateLimit > 0 && !double.IsInfinity(Chat.RateLimit), "chat.rate-limit", Chat.RateLimit, "a number of lines per second above 0");
        Require(Chat.RateBurst >= 1, "chat.rate-burst", Chat.RateBurst, "at least 1");
        Require(Chat.MaxNameLength is >= 1 and <= 32, "chat.max-name-length", Chat.MaxNameLength, "between 1 and 32");
        Require(Supervision.MaxRestarts >= 0, "supervision.max-restarts", Supervision.MaxRestarts, "0 or more");
        Require(Supervision.Within > TimeSpan.Zero, "supervision.within", Supervision.Within, "positive");
        if (Cluster.Port is { } clusterPort && clusterPort is < 0 or > 65535)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"{C}port is {clusterPort}; it must be off (single node), or between 0 (any free port) and 65535"));
        }

        _ = Cluster.ParsedSeeds();
        if (Cluster.HeartbeatInterval <= TimeSpan.Zero || Cluster.RegistryTimeout <= TimeSpan.Zero || Cluster.RegistryRebuildTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentException($"{C}heartbeat-interval, nick-registry-timeout and nick-registry-rebuild-timeout must be positive");
        }
    }

    private static void Require(bool ok, string key, object value, string expected)
    {
        if (!ok)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"{P}{key} is {value}; it must be {expected}"));
        }
    }

    private static EndpointSettings Endpoint(HoconConfig c, string name) =>
        new(c.GetBoolean($"{P}endpoints.{name}.enabled"), c.GetInt($"{P}endpoints.{name}.port"));

    // "off" (or 0) turns a timeout off; HOCON booleans and durations share the key.
    private static TimeSpan? OptionalDuration(HoconConfig c, string key)
    {
        var raw = c.GetString(key).Trim();
        if (raw is "off" or "false" or "no" or "none" or "infinite")
        {
            return null;
        }

        var value = c.GetTimeSpan(key);
        return value == TimeSpan.Zero ? null : value;
    }

    // "off" (the default) keeps the server a single node; a number turns cluster mode on.
    private static int? OptionalPort(HoconConfig c, string key)
    {
        var raw = c.GetString(key).Trim();
        if (raw is "off" or "false" or "no" or "none" or "")
        {
            return null;
        }

        return int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var port)
            ? port
            : throw new ArgumentException($"{key} is '{raw}'; it must be off (single node) or a port number (0 = any free port)");
    }

    // A list of "HOST:PORT" strings, or one string with commas (what an environment variable gives).
    private static IReadOnlyList<string> Seeds(HoconConfig c, string key) =>
        c.GetValue(key) is { Type: HoconValueType.Array }
            ? c.GetStringList(key)
            : c.GetString(key).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    // "off" leaves the OS default.
    private static int? OptionalByteSize(HoconConfig c, string key)
    {
        var raw = c.GetString(key).Trim();
        if (raw is "off" or "false" or "no" or "none")
        {
            return null;
        }

        var value = ToInt(c.GetByteSize(key), key);
        return value > 0 ? value : throw new ArgumentException($"{key} is {raw}; it must be a positive size, or off");
    }

    private static SlowReaderPolicy ParsePolicy(string value) => value.Trim() switch
    {
        "backpressure" => SlowReaderPolicy.Backpressure,
        "drop-oldest" => SlowReaderPolicy.DropOldest,
        "disconnect" => SlowReaderPolicy.Disconnect,
        _ => throw new ArgumentException($"{P}session.outbound.slow-reader-policy is '{value}'; it must be backpressure, drop-oldest or disconnect"),
    };

    private static SupervisionStrategyKind ParseStrategy(string value) => value.Trim() switch
    {
        "one-for-one" => SupervisionStrategyKind.OneForOne,
        "all-for-one" => SupervisionStrategyKind.AllForOne,
        _ => throw new ArgumentException($"{P}supervision.strategy is '{value}'; it must be one-for-one or all-for-one"),
    };

    private static int ToInt(long value, string key) =>
        value is >= 0 and <= int.MaxValue
            ? (int)value
            : throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"{key} is {value} bytes; it must be between 0 and {int.MaxValue}"));
}
