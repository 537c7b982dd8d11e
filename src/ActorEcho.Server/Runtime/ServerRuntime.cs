using ActorEcho.Actors;
using Microsoft.Extensions.Logging;

namespace ActorEcho.Server.Runtime;

/// <summary>
/// What every actor of one server shares: settings, counters, the chat hub, the socket managers, the
/// clock and the logger. Immutable after construction except for the counters (thread-safe) and
/// the session number sequence.
/// </summary>
internal sealed class ServerRuntime
{
    private long _sessionNumbers;

    public ServerRuntime(ServerSettings settings, IActorRef tcpManager, IActorRef udpManager, TimeProvider time, ILogger logger)
    {
        Settings = settings;
        TcpManager = tcpManager;
        UdpManager = udpManager;
        Time = time;
        Logger = logger;
    }

    public ServerSettings Settings { get; }

    public ServerCounters Counters { get; } = new();

    /// <summary>Where listeners send <c>Tcp.Bind</c> (the system's TCP manager; a probe in tests).</summary>
    public IActorRef TcpManager { get; }

    /// <summary>Where UDP services send <c>Udp.Bind</c>.</summary>
    public IActorRef UdpManager { get; }

    /// <summary>Wall clock for replies (<c>/time</c>, ctime, RFC 868) and the chat rate limiter's clock.</summary>
    public TimeProvider Time { get; }

    public ILogger Logger { get; }

    /// <summary>The socket layer's own per-listener limit (<c>actorecho.io.tcp.max-connections</c>), quoted when it refuses first.</summary>
    public int SocketMaxConnections { get; init; }

    /// <summary>
    /// Whether sessions borrow their receive buffers from the socket layer instead of getting a new
    /// array per read (no copy, no allocation per read). Only when <see cref="WritesNeverRefused"/>:
    /// a buffer is given back as soon as its echo is told to the connection, and a refused write
    /// would have to be resent from it.
    /// </summary>
    public bool LeaseReceiveBuffers { get; init; }

    /// <summary>
    /// The in-flight window (<c>max-in-flight-bytes</c>) fits in the socket layer's
    /// <c>max-pending-write-bytes</c>, so the connection never refuses a write of a session or an
    /// echo connection. Their outbound queues then ask for an ack only once per quarter window
    /// instead of on every write (<see cref="Outbound.OutboundQueue"/>).
    /// </summary>
    public bool WritesNeverRefused { get; init; }

    /// <summary>The chat hub; set once by the server root before any endpoint starts.</summary>
    public IActorRef Hub { get; set; } = ActorRefs.Nobody;

    /// <summary>Server-wide session numbers, from 1: the N of <c>guest-N</c> and the id in logs.</summary>
    public long NextSessionNumber() => Interlocked.Increment(ref _sessionNumbers);
}
