using ActorEcho.Actors;

namespace ActorEcho.IO.UdpTransport;

/// <summary>
/// The actor behind <c>system.Udp()</c> (at <c>/system/IO-UDP</c>): one socket actor per
/// <see cref="Udp.Bind"/> or <see cref="Udp.SimpleSender"/>. Failing children are stopped, and each
/// disposes its socket in PostStop.
/// </summary>
internal sealed class UdpManager(UdpExtension udp) : UntypedActor
{
    protected override void OnReceive(object message)
    {
        var commander = Sender;
        switch (message)
        {
            case Udp.Bind bind:
                Context.ActorOf(Props.Create(() => new UdpSocketActor(udp, bind, commander)));
                break;
            case Udp.SimpleSender:
                Context.ActorOf(Props.Create(() => new UdpSocketActor(udp, null, commander)));
                break;
            default:
                Unhandled(message);
                break;
        }
    }
}
