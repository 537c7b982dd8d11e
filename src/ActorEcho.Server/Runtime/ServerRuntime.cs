using Akka.Actor;

namespace ActorEcho.Server.Runtime;

/// <summary>
/// What every actor of one server shares: settings, counters, the chat hub, Akka.IO's TCP and UDP
/// managers and the clock. Immutable after construction except for the counters (thread-safe), the
/// hub ref (set once by the root before any endpoint starts) and the session number sequence.
/// </summary>
internal sealed class ServerRuntime
{
    private long _sessionNumbers;

    public ServerRuntime(ServerSettings settings, IActorRef tcpManager, IActorRef udpManager, TimeProvider time)
    {
        Settings = settings;
        TcpManager = tcpManager;
        UdpManager = udpManager;
        Time = time;
    }

    public ServerSettings Settings { get; }

    public ServerCounters Counters { get; } = new();

    /// <summary>Where listeners send <c>Tcp.Bind</c>: <c>system.Tcp()</c>, or a probe in tests.</summary>
    public IActorRef TcpManager { get; }

    /// <summary>Where UDP services send <c>Udp.Bind</c>: <c>system.Udp()</c>, or a probe in tests.</summary>
    public IActorRef UdpManager { get; }

    /// <summary>Wall clock for replies (<c>/time</c>, ctime, RFC 868) and the chat rate limiter's clock.</summary>
    public TimeProvider Time { get; }

    /// <summary>The chat hub; set once by the server root before any endpoint starts.</summary>
    public IActorRef Hub { get; set; } = ActorRefs.Nobody;

    /// <summary>Server-wide session numbers, from 1: the N of <c>guest-N</c> and the id in logs.</summary>
    public long NextSessionNumber() => Interlocked.Increment(ref _sessionNumbers);
}
