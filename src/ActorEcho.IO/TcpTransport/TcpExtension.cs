using System.Buffers;
using ActorEcho.Actors;
using ActorEcho.Actors.Supervision;
using ActorEcho.IO.Logging;
using ActorEcho.IO.Sockets;
using Microsoft.Extensions.Logging;

namespace ActorEcho.IO.TcpTransport;

/// <summary>One per actor system: the TCP manager actor and what every TCP actor shares.</summary>
internal sealed class TcpExtension
{
    // Leased receive buffers in flight at once across all connections that the pool keeps for
    // reuse per size class; more are allocated when needed and left to the GC when returned.
    private const int LeaseBuffersKeptPerSize = 256;

    private long _connectionIds;

    private TcpExtension(ActorSystem system, TcpSettings settings)
    {
        settings.Validate();
        Settings = settings;
        Tracker = SocketTracker.For(system);
        Logger = system.LoggerFactory.CreateLogger(IOLog.Category);
        LeasePool = ArrayPool<byte>.Create(settings.ReceiveChunkSize, LeaseBuffersKeptPerSize);
        Manager = system.SystemActorOf(
            Props.Create(() => new TcpManager(this)).WithSupervisorStrategy(SupervisorStrategy.StoppingStrategy),
            "IO-TCP");
    }

    public TcpSettings Settings { get; }

    public SocketTracker Tracker { get; }

    public ILogger Logger { get; }

    public IActorRef Manager { get; }

    /// <summary>
    /// Receive buffers lent to handlers that registered with <see cref="Tcp.Register.LeaseReceiveBuffers"/>.
    /// A separate pool from <see cref="ArrayPool{T}.Shared"/>, so nothing outside this layer can ever
    /// be handed one of these arrays while a handler still holds it.
    /// </summary>
    public ArrayPool<byte> LeasePool { get; }

    /// <summary>
    /// The system's extension; created with <paramref name="settings"/> (or the defaults) on first use.
    /// Later calls must not ask for different settings: the manager already runs with the first ones.
    /// </summary>
    public static TcpExtension Get(ActorSystem system, TcpSettings? settings)
    {
        ArgumentNullException.ThrowIfNull(system);
        var ext = system.GetOrCreateExtension(s => new TcpExtension(s, settings ?? TcpSettings.FromConfig(s.Settings.Config)));
        if (settings is not null && ext.Settings != settings)
        {
            throw new InvalidOperationException(
                $"the TCP manager of actor system '{system.Name}' already runs with other settings ({ext.Settings}); pass settings on the first call only");
        }

        return ext;
    }

    public long NextConnectionId() => Interlocked.Increment(ref _connectionIds);
}
