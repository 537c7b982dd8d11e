using Akka.Actor;
using Akka.IO;

namespace ActorEcho.Bench.Baselines;

/// <summary>
/// One accepted connection of the stock Akka.IO echo: every <see cref="Tcp.Received"/> goes
/// straight back as a <see cref="Tcp.Write"/>.
/// </summary>
internal sealed class AkkaIoEchoConnection : ReceiveActor
{
    public AkkaIoEchoConnection()
    {
        // No ack and no bound: Akka.IO queues what the socket cannot take yet. That is the
        // documented sample's behaviour, and the baseline is meant to be exactly that sample.
        // Received always comes from the connection actor, so Sender is where the bytes go back.
        Receive<Tcp.Received>(received => Sender.Tell(Tcp.Write.Create(received.Data)));

        // Closed, PeerClosed, Aborted and ErrorClosed all end the connection; Akka.IO has already
        // released the socket, so only this actor is left to stop.
        Receive<Tcp.ConnectionClosed>(_ => Context.Stop(Self));
    }
}
