using ActorEcho.Actors;
using ActorEcho.Actors.Supervision;
using ActorEcho.IO.Logging;
using ActorEcho.IO.Sockets;
using Microsoft.Extensions.Logging;

namespace ActorEcho.IO.TcpTransport;

/// <summary>One per actor system: the TCP manager actor and what every TCP actor shares.</summary>
internal sealed class TcpExtension
{
    private long _connectionIds;

    private TcpExtension(ActorSystem system, TcpSettings settings)
    {
        settings.Validate();
        Settings = settings;
        Tracker = SocketTracker.For(system);
        Logger = system.LoggerFactory.CreateLogger(IOLog.Category);
        Manager = system.SystemActorOf(
            Props.Create(() => new TcpManager(this)).WithSupervisorStrategy(SupervisorStrategy.StoppingStrategy),
            "IO-TCP");
    }

    public TcpSettings Settings { get; }

    public SocketTracker Tracker { get; }

    public ILogger Logger { get; }

    public IActorRef Manager { get; }

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
