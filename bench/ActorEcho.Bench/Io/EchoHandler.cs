using ActorEcho.Actors;
using ActorEcho.IO;

namespace ActorEcho.Bench.Io;

/// <summary>
/// The echo server on the socket layer: the bind handler gives each connection its own actor,
/// which writes every received chunk straight back (no ack: the echo is its own flow control).
/// With <paramref name="leaseReceiveBuffers"/> (the default) it registers for leased receive
/// buffers and returns each right after writing it back, so reads allocate nothing; without, every
/// read is copied into a new array (the layer's default).
/// </summary>
internal sealed class EchoHandler(bool leaseReceiveBuffers = true) : UntypedActor
{
    protected override void OnReceive(object message)
    {
        switch (message)
        {
            case Tcp.Connected:
                var connection = Sender;
                var handler = Context.ActorOf(Props.Create(() => new EchoConnection(connection, leaseReceiveBuffers)));
                connection.Tell(new Tcp.Register(handler, LeaseReceiveBuffers: leaseReceiveBuffers), handler);
                break;
            case Tcp.Bound:
                break;
            default:
                Unhandled(message);
                break;
        }
    }

    private sealed class EchoConnection(IActorRef connection, bool leased) : UntypedActor
    {
        protected override void OnReceive(object message)
        {
            switch (message)
            {
                case Tcp.Received received:
                    connection.Tell(Tcp.Write.Create(received.Data), Self);
                    if (leased)
                    {
                        // The connection keeps the buffer until the write above has been sent.
                        connection.Tell(new Tcp.ReturnBuffer(received.Data), Self);
                    }

                    break;
                case Tcp.ConnectionClosed:
                    Context.Stop(Self);
                    break;
                case Tcp.CommandFailed:
                    // A NACK: the client stopped reading; echo traffic past the bound is dropped by design.
                    connection.Tell(Tcp.ResumeWriting.Instance, Self);
                    break;
                case Tcp.WritingResumed:
                    break;
                default:
                    Unhandled(message);
                    break;
            }
        }
    }
}
