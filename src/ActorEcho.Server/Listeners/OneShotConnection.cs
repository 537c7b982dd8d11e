using Akka.Actor;
using Akka.IO;
using ActorEcho.Server.Inbound;
using ActorEcho.Server.Runtime;

namespace ActorEcho.Server.Listeners;

/// <summary>
/// Sends one reply and closes: RFC 868 time, RFC 867 daytime, and the refusal line for a connection
/// over the limit. It registers itself, writes, asks for a confirmed close (Akka.IO flushes the
/// write, then sends FIN) and reads and discards whatever the client sends until the client's FIN,
/// so unread input never turns the close into a reset that could destroy the reply. It stops when
/// the connection reports it closed, or resets it after <c>close-timeout</c> if the client never
/// takes the bytes or never closes.
/// </summary>
internal sealed class OneShotConnection : UntypedActor
{
    private readonly IActorRef _connection;
    private readonly ByteString _reply;
    private readonly TimeSpan _closeTimeout;
    private readonly ReadGate _reads;
    private ICancelable? _timer;

    public OneShotConnection(IActorRef connection, ByteString reply, TimeSpan closeTimeout)
    {
        _connection = connection;
        _reply = reply;
        _closeTimeout = closeTimeout;
        _reads = new ReadGate(connection);
    }

    protected override void PreStart()
    {
        // The reply is computed when the connection arrives, not at restart (a restart re-sends nothing).
        _connection.Tell(new Tcp.Register(Self), Self);
        _connection.Tell(Tcp.Write.Create(_reply), Self);
        _connection.Tell(Tcp.ConfirmedClose.Instance, Self);
        _reads.RequestNext(Self);
        _timer = Context.System.Scheduler.ScheduleTellOnceCancelable(_closeTimeout, Self, CloseTimedOut.Instance, Self);
    }

    protected override void PostRestart(Exception reason)
    {
    }

    protected override void PostStop() => _timer?.Cancel();

    protected override void OnReceive(object message)
    {
        switch (message)
        {
            case Tcp.ConnectionClosed:
                Context.Stop(Self);
                break;
            case CloseTimedOut:
                _connection.Tell(Tcp.Abort.Instance, Self);
                Context.Stop(Self);
                break;
            case Tcp.Received:
                // Read to reach the client's FIN; what it sent does not matter.
                _reads.OnReceived();
                _reads.RequestNext(Self);
                break;
            case Tcp.CommandFailed or EndpointProtocol.ServerShuttingDown:
                // Already closing: a refused write changes nothing.
                break;
            default:
                Unhandled(message);
                break;
        }
    }

    private sealed record CloseTimedOut
    {
        public static CloseTimedOut Instance { get; } = new();
    }
}
