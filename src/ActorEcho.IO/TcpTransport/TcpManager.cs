using ActorEcho.Actors;

namespace ActorEcho.IO.TcpTransport;

/// <summary>
/// The actor behind <c>system.Tcp()</c> (at <c>/system/IO-TCP</c>): makes a listener per
/// <see cref="Tcp.Bind"/> and a connection actor per <see cref="Tcp.Connect"/> or accepted socket.
/// Its children are stopped when they fail (the kernel logs the failure), and each disposes its own
/// socket in PostStop, so one faulty connection never affects another.
/// </summary>
internal sealed class TcpManager(TcpExtension tcp) : UntypedActor
{
    protected override void OnReceive(object message)
    {
        switch (message)
        {
            case Tcp.Bind bind:
                var commander = Sender;
                Context.ActorOf(Props.Create(() => new TcpListener(tcp, bind, commander)));
                break;
            case Tcp.Connect connect:
                var connector = Sender;
                Context.ActorOf(Props.Create(() => new TcpConnection(tcp, ConnectionOrigin.Outgoing(connect, connector))));
                break;
            case IncomingConnection incoming:
                Context.ActorOf(Props.Create(() => new TcpConnection(tcp, ConnectionOrigin.Incoming(incoming))));
                break;
            default:
                Unhandled(message);
                break;
        }
    }
}
