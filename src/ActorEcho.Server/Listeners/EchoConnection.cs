using Akka.Actor;
using Akka.Event;
using Akka.IO;
using ActorEcho.Server.Logging;
using ActorEcho.Server.Inbound;
using ActorEcho.Server.Outbound;
using ActorEcho.Server.Runtime;

namespace ActorEcho.Server.Listeners;

/// <summary>
/// RFC 862 echo on its own port: every received chunk goes straight back (the same
/// <see cref="ByteString"/>, no copy) through an <see cref="OutboundQueue"/>. It reads in pull mode
/// (<see cref="ReadGate"/>), so a client that sends faster than it reads is held back by not asking
/// for more, never by dropping bytes, and what it can make the server hold is bounded by the
/// watermark, the in-flight window and one chunk. After the client's FIN it flushes and closes.
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
        new OutboundQueue(_state.Connection, _state.Reads, _runtime.Settings.Session, _runtime.Counters);

    protected override void PreStart()
    {
        _state.Connection.Tell(new Tcp.Register(Self, keepOpenOnPeerClosed: true), Self);
        _state.Reads.RequestNext(Self);
    }

    protected override void PreRestart(Exception reason, object message)
    {
        // Keep the connection and what is queued for it; echo has no other state to reset.
    }

    protected override void PostRestart(Exception reason) => _state.Reads.RequestNext(Self);

    protected override void PostStop()
    {
        _timer?.Cancel();
        _state.Outbound?.Abandon();
    }

    protected override void OnReceive(object message)
    {
        switch (message)
        {
            case Tcp.Received received:
                _state.Reads.OnReceived();
                if (_closing)
                {
                    _state.Reads.RequestNext(Self);
                    break;
                }

                _runtime.Counters.MessageIn();
                if (Outbound.GoesStraightOut(received.Data.Count))
                {
                    // Ask for the next chunk before writing this one back: the connection actor then
                    // finds both commands in its mailbox and handles them in one run, instead of
                    // often being scheduled a second time for a ResumeReading that arrives after it
                    // has sent the write. Nothing is queued and no hold can change, so the bound on
                    // what the client can make us hold is the same as asking after.
                    _state.Reads.RequestNext(Self);
                    Outbound.EnqueueOwn(received.Data, Self);
                }
                else
                {
                    Outbound.EnqueueOwn(received.Data, Self);
                    _state.Reads.RequestNext(Self);
                }

                break;
            case WriteAck ack:
                Outbound.OnAck(ack, Self);
                break;
            case Tcp.CommandFailed failed:
                if (_state.Outbound?.OnRefused(failed, Self) == WriteRefusal.QueueFullAborted)
                {
                    Context.GetLogger().WriteRefused(Self.Path.ToString(), failed.CauseString);
                }

                break;
            case Tcp.PeerClosed or EndpointProtocol.ServerShuttingDown:
                if (!_closing)
                {
                    _closing = true;
                    _state.Reads.Hold(ReadReasons.OutputBacklog, false, Self);
                    _timer = Context.System.Scheduler.ScheduleTellOnceCancelable(_runtime.Settings.Session.CloseTimeout, Self, CloseTimedOut.Instance, Self);
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
            // Confirmed: FIN after the queued bytes, then read on until the client's FIN, so no
            // unread input turns the close into a reset that could destroy the last echo.
            _closeSent = true;
            _state.Connection.Tell(Tcp.ConfirmedClose.Instance, Self);
        }
    }

    /// <summary>What survives a restart: the connection, its read gate and its outbound queue.</summary>
    internal sealed class State
    {
        public State(IActorRef connection)
        {
            Connection = connection;
            Reads = new ReadGate(connection);
        }

        public IActorRef Connection { get; }

        public ReadGate Reads { get; }

        public OutboundQueue? Outbound { get; set; }
    }

    private sealed record CloseTimedOut
    {
        public static CloseTimedOut Instance { get; } = new();
    }
}
