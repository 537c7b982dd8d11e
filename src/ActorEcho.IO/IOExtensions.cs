using ActorEcho.Actors;
using ActorEcho.IO.TcpTransport;
using ActorEcho.IO.UdpTransport;

namespace ActorEcho.IO;

/// <summary>The entry points of the socket layer: <c>system.Tcp()</c> and <c>system.Udp()</c>.</summary>
public static class IOExtensions
{
    /// <summary>
    /// The TCP manager of <paramref name="system"/> (at <c>/system/IO-TCP</c>), created on first use
    /// with settings read from the system's config (<c>actorecho.io.tcp</c>, see <see cref="TcpSettings.FromConfig"/>). Send it <see cref="ActorEcho.IO.Tcp.Bind"/> and
    /// <see cref="ActorEcho.IO.Tcp.Connect"/>.
    /// </summary>
    public static IActorRef Tcp(this ActorSystem system) => TcpExtension.Get(system, null).Manager;

    /// <summary>
    /// The TCP manager of <paramref name="system"/>, created on first use with <paramref name="settings"/>
    /// (e.g. <see cref="TcpSettings.FromConfig"/>). Throws <see cref="InvalidOperationException"/> when the
    /// manager already runs with different settings.
    /// </summary>
    public static IActorRef Tcp(this ActorSystem system, TcpSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return TcpExtension.Get(system, settings).Manager;
    }

    /// <summary>
    /// The UDP manager of <paramref name="system"/> (at <c>/system/IO-UDP</c>), created on first use
    /// with settings read from the system's config (<c>actorecho.io.udp</c>, see <see cref="UdpSettings.FromConfig"/>). Send it <see cref="ActorEcho.IO.Udp.Bind"/> and
    /// <see cref="ActorEcho.IO.Udp.SimpleSender"/>.
    /// </summary>
    public static IActorRef Udp(this ActorSystem system) => UdpExtension.Get(system, null).Manager;

    /// <summary>
    /// The UDP manager of <paramref name="system"/>, created on first use with <paramref name="settings"/>.
    /// Throws <see cref="InvalidOperationException"/> when the manager already runs with different settings.
    /// </summary>
    public static IActorRef Udp(this ActorSystem system, UdpSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return UdpExtension.Get(system, settings).Manager;
    }
}
