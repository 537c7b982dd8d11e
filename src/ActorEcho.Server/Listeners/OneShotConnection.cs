using ActorEcho.Actors;
using ActorEcho.Actors.Scheduling;
using ActorEcho.IO;
using ActorEcho.Server.Runtime;

namespace ActorEcho.Server.Listeners;

/// <summary>
/// Sends one reply and closes: RFC 868 time, RFC 867 daytime, and the refusal line for a connection
/// over the limit. It registers itself, writes, asks for a graceful close (the connection flushes the
/// write before FIN) and stops when the connection reports it closed, or resets it after
/// <c>close-timeout</c> if the client never takes the bytes.
/// </summary>
internal sealed class OneShotConnection : UntypedActor
{
    private readonly IActorRef _connection;
    private readonly ByteString _reply;
    private readonly TimeSpan _closeTimeout;
    private ICancelable? _timer;

    public OneShotConnection(IActorRef connection, ByteString reply, TimeSpan closeTimeout)
    {
        _connection = connection;
        _reply = reply;
        _closeTimeout = closeTimeout;
    }

    protected override void PreStart()
    {
        // The reply is computed when the connection arrives, not at restart (a restart re-sends nothing).
        _connection.Tell(new Tcp.Register(Self), Self);
        _connection.Tell(Tcp.Write.Create(_reply), Self);
        _connection.Tell(Tcp.Close.Instance, Self);
        _timer = Context.System.Scheduler.ScheduleTellOnce(_closeTimeout, Self, CloseTimedOut.Instance, Self);
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
            case Tcp.Received or Tcp.CommandFailed or EndpointProtocol.ServerShuttingDown:
                // Already closing: nothing the client sends matters, and a refused write changes nothing.
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
