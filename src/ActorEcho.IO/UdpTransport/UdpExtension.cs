using ActorEcho.Actors;
using ActorEcho.Actors.Supervision;
using ActorEcho.IO.Logging;
using ActorEcho.IO.Sockets;
using Microsoft.Extensions.Logging;

namespace ActorEcho.IO.UdpTransport;

/// <summary>One per actor system: the UDP manager actor and what every UDP actor shares.</summary>
internal sealed class UdpExtension
{
    private UdpExtension(ActorSystem system, UdpSettings settings)
    {
        settings.Validate();
        Settings = settings;
        Tracker = SocketTracker.For(system);
        Logger = system.LoggerFactory.CreateLogger(IOLog.Category);
        Manager = system.SystemActorOf(
            Props.Create(() => new UdpManager(this)).WithSupervisorStrategy(SupervisorStrategy.StoppingStrategy),
            "IO-UDP");
    }

    public UdpSettings Settings { get; }

    public SocketTracker Tracker { get; }

    public ILogger Logger { get; }

    public IActorRef Manager { get; }

    /// <summary>
    /// The system's extension; created with <paramref name="settings"/> (or the defaults) on first use.
    /// Later calls must not ask for different settings: the manager already runs with the first ones.
    /// </summary>
    public static UdpExtension Get(ActorSystem system, UdpSettings? settings)
    {
        ArgumentNullException.ThrowIfNull(system);
        var ext = system.GetOrCreateExtension(s => new UdpExtension(s, settings ?? UdpSettings.FromConfig(s.Settings.Config)));
        if (settings is not null && ext.Settings != settings)
        {
            throw new InvalidOperationException(
                $"the UDP manager of actor system '{system.Name}' already runs with other settings ({ext.Settings}); pass settings on the first call only");
        }

        return ext;
    }
}
