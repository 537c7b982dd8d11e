using ActorEcho.Actors;
using ActorEcho.Actors.Scheduling;
using ActorEcho.IO;
using ActorEcho.Server.Outbound;
using ActorEcho.Server.Runtime;

namespace ActorEcho.Server.Listeners;

/// <summary>
/// RFC 862 echo on its own port: every received chunk goes straight back (the same buffer, no
/// copy) through an <see cref="OutboundQueue"/>, so a client that sends faster than it reads is
/// held back by suspending reads, never by dropping bytes. After the client's FIN it flushes and closes.
/// </summary>
internal sealed class EchoConnection : UntypedActor
{
    private readonly ServerRuntime _runtime;
    private readonly State _state;
    private bool _closing;
    private bool _closeSent;
    private ICancelable? _timer;

    public EchoConnection(ServerRuntime runtime, State state)
    {
        _runtime = runtime;
        _state = state;
    }

    // Created at the first echo: an idle connection holds none. Kept in the state across restarts.
    private OutboundQueue Outbound => _state.Outbound ??=
        new OutboundQueue(_state.Connection, Self, _runtime.Settings.Session, _runtime.Counters, _runtime.WritesNeverRefused);

    protected override void PreStart() =>
        _state.Connection.Tell(new Tcp.Register(Self, KeepOpenOnPeerClosed: true), Self);

    protected override void PreRestart(Exception reason, object? message)
    {
        // Keep the connection and what is queued for it; echo has no other state to reset.
    }

    protected override void PostRestart(Exception reason)
    {
    }

    protected override void PostStop() => _timer?.Cancel();

    protected override void OnReceive(object message)
    {
        switch (message)
        {
            case Tcp.Received received when !_closing:
                _runtime.Counters.MessageIn();
                Outbound.EnqueueOwn(received.Data);
                break;
            case Tcp.Received:
                break;
            case WriteAck ack:
                Outbound.OnAck(ack);
                break;
            case Tcp.CommandFailed failed:
                _state.Outbound?.OnNack(failed);
                break;
            case Tcp.WritingResumed:
                _state.Outbound?.OnWritingResumed();
                break;
            case Tcp.PeerClosed or EndpointProtocol.ServerShuttingDown:
                if (!_closing)
                {
                    _closing = true;
                    _timer = Context.System.Scheduler.ScheduleTellOnce(_runtime.Settings.Session.CloseTimeout, Self, CloseTimedOut.Instance, Self);
                }

                break;
            case Tcp.ConnectionClosed:
                Context.Stop(Self);
                return;
            case CloseTimedOut:
                _state.Connection.Tell(Tcp.Abort.Instance, Self);
                Context.Stop(Self);
                return;
            default:
                Unhandled(message);
                return;
        }

        if (_closing && !_closeSent && _state.Outbound is not { IsEmpty: false })
        {
            _closeSent = true;
            _state.Connection.Tell(Tcp.Close.Instance, Self);
        }
    }

    /// <summary>What survives a restart: the connection and its outbound queue.</summary>
    internal sealed class State
    {
        public State(IActorRef connection)
        {
            Connection = connection;
        }

        public IActorRef Connection { get; }

        public OutboundQueue? Outbound { get; set; }
    }

    private sealed record CloseTimedOut
    {
        public static CloseTimedOut Instance { get; } = new();
    }
}
