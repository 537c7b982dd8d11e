using System.Net;

namespace ActorEcho.Server;

/// <summary>
/// Everything the server reads from HOCON (<c>actorecho.server.*</c> and <c>actorecho.demo.*</c>; the
/// embedded <c>reference.conf</c> comments every key). Defaults here equal the reference config's.
/// Build it with <see cref="FromConfig"/>, or start from <see cref="Default"/> and change what a test needs.
/// </summary>
public sealed partial record ServerSettings
{
    /// <summary>The reference defaults: every endpoint on 127.0.0.1 at its standard port.</summary>
    public static ServerSettings Default { get; } = new();

    /// <summary>The address every endpoint binds to (default 127.0.0.1).</summary>
    public IPAddress Address { get; init; } = IPAddress.Loopback;

    /// <summary>Open connections per TCP endpoint; 0 means no limit (default 10000).</summary>
    public int MaxConnections { get; init; } = 10_000;

    /// <summary>TCP session protocol (default on, port 8888).</summary>
    public EndpointSettings SessionTcp { get; init; } = new(true, 8888);

    /// <summary>UDP time/echo (default on, port 8888).</summary>
    public EndpointSettings SessionUdp { get; init; } = new(true, 8888);

    /// <summary>TCP RFC 862 echo (default on, port 8007).</summary>
    public EndpointSettings EchoTcp { get; init; } = new(true, 8007);

    /// <summary>TCP RFC 868 time (default on, port 8037).</summary>
    public EndpointSettings TimeTcp { get; init; } = new(true, 8037);

    /// <summary>UDP RFC 868 time (default on, port 8037).</summary>
    public EndpointSettings TimeUdp { get; init; } = new(true, 8037);

    /// <summary>TCP RFC 867 daytime (default on, port 8013).</summary>
    public EndpointSettings DaytimeTcp { get; init; } = new(true, 8013);

    /// <summary>UDP RFC 867 daytime (default on, port 8013).</summary>
    public EndpointSettings DaytimeUdp { get; init; } = new(true, 8013);

    /// <summary>Session limits and outbound flow control.</summary>
    public SessionSettings Session { get; init; } = new();

    /// <summary>Chat limits.</summary>
    public ChatSettings Chat { get; init; } = new();

    /// <summary>How sessions are supervised.</summary>
    public SupervisionSettings Supervision { get; init; } = new();

    /// <summary>Cluster mode (<c>actorecho.cluster.*</c>); <see cref="ClusterSettings.Off"/> by default.</summary>
    public ClusterSettings Cluster { get; init; } = ClusterSettings.Off;
    /// <summary>
    /// SO_SNDBUF of every accepted TCP socket, applied through <c>Tcp.Bind</c>'s socket options
    /// (<c>actorecho.server.socket.send-buffer-size</c>); null leaves the OS default.
    /// </summary>
    public int? SocketSendBufferSize { get; init; }

    /// <summary>SO_RCVBUF of every accepted TCP socket (<c>actorecho.server.socket.receive-buffer-size</c>); null leaves the OS default.</summary>
    public int? SocketReceiveBufferSize { get; init; }

    /// <summary>Whether <c>/crash</c> exists (<c>actorecho.demo.allow-crash</c>, default off).</summary>
    public bool AllowCrash { get; init; }

    /// <summary>These settings with every endpoint's port set to 0 (free ports), for tests and side-by-side runs.</summary>
    public ServerSettings WithEphemeralPorts() => this with
    {
        SessionTcp = SessionTcp with { Port = 0 },
        SessionUdp = SessionUdp with { Port = 0 },
        EchoTcp = EchoTcp with { Port = 0 },
        TimeTcp = TimeTcp with { Port = 0 },
        TimeUdp = TimeUdp with { Port = 0 },
        DaytimeTcp = DaytimeTcp with { Port = 0 },
        DaytimeUdp = DaytimeUdp with { Port = 0 },
    };

    /// <summary>The endpoints in a fixed order, with their config names and transport.</summary>
    internal IEnumerable<(string Name, string Protocol, EndpointSettings Settings)> AllEndpoints()
    {
        yield return ("session-tcp", "tcp", SessionTcp);
        yield return ("session-udp", "udp", SessionUdp);
        yield return ("echo-tcp", "tcp", EchoTcp);
        yield return ("time-tcp", "tcp", TimeTcp);
        yield return ("time-udp", "udp", TimeUdp);
        yield return ("daytime-tcp", "tcp", DaytimeTcp);
        yield return ("daytime-udp", "udp", DaytimeUdp);
    }
}
