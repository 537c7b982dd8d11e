using Akka.Actor;
using Akka.Event;
using Akka.IO;
using ActorEcho.Server.Chat;
using ActorEcho.Server.Inbound;
using ActorEcho.Server.Logging;
using ActorEcho.Server.Outbound;
using ActorEcho.Server.Protocol;
using ActorEcho.Server.Runtime;

namespace ActorEcho.Server.Sessions;

/// <summary>
/// One TCP session on the session port: the registered handler of its Akka.IO connection and a
/// child of the endpoint's listener, which supervises it. It reads in pull mode (one chunk per
/// <c>Tcp.ResumeReading</c>, see <see cref="ReadGate"/>), feeds each chunk to a
/// <see cref="SessionInputParser"/>, echoes plain bytes, runs commands, and talks to the
/// <see cref="ChatHub"/> for everything shared. Protocol errors are answered with <c>ERR</c> lines,
/// never thrown. All output goes through the <see cref="OutboundQueue"/> kept in
/// <see cref="SessionContext"/>.
/// <para>
/// Commands the hub answers (<c>/nick /join /msg /who /rooms</c>) pause input processing until the
/// answer arrives, so replies leave in the order the commands came in and a line after <c>/join</c>
/// is already a room line. Input also pauses while <see cref="MaxSaysInFlight"/> chat lines await
/// the hub's <c>Said</c>, and while the hub holds this session because someone it sends to is
/// congested (back-pressure). Received chunks meanwhile wait in a short backlog (reading is held
/// back when it is full), so TCP pushes back on the client.
/// </para>
/// States: <see cref="Active"/> and <see cref="Closing"/> (flushing its last lines, waiting for
/// the connection to close, bounded by <c>close-timeout</c>).
/// </summary>
internal sealed partial class SessionActor : UntypedActor
{
    // Received chunks waiting for a hub answer before reading is held back: a pipelining client
    // gets a little slack, a flooding one is held back by TCP.
    private const int MaxInputBacklog = 8;

    // Chat lines sent to the hub and not yet answered with Said: enough to keep the hub busy, few
    // enough that its mailbox stays bounded by sessions x this.
    private const int MaxSaysInFlight = 32;

    // The most output one received byte can cause here: local replies are at most about 17 times
    // the command that asked (/help); echo is 1:1, and hub requests pause input after one line.
    private const int MaxReplyAmplification = 32;

    private static readonly ReadOnlyMemory<byte> SlowReaderDisconnectLine = ServerReplies.Notice("disconnected: you are reading too slowly");

    private readonly ServerRuntime _runtime;
    private readonly SessionContext _session;
    private readonly ILoggingAdapter _log = Context.GetLogger();

    // The parser, the rate limiter and the input backlog are created when first needed: with
    // thousands of idle sessions (a chat server's usual state) every per-session object counts,
    // and a session that never sends anything needs none of them.
    private SessionInputParser? _parser;
    private ChatRateLimiter? _limiter;
    private Queue<ByteString>? _backlog;

    // The chunk being parsed and how far: parsing stops between events while a hub answer is
    // awaited, and the rest of the chunk waits here (a ByteString is immutable, so keeping it is
    // safe and costs no copy). An echo event is sent back as a slice of it, or as the chunk itself
    // when it covers all of it, the usual case for echo traffic.
    private ByteString _fed = ByteString.Empty;
    private int _fedPosition;
    private string _nick;
    private string? _room;
    private long _pendingRequest;
    private int _saysInFlight;
    private bool _heldByHub;
    private bool _congested;

    // Numbers each hold, so a timer of an earlier hold that fired just as it ended (its message
    // already in the mailbox when it was cancelled) cannot cut off a reader in a later one.
    private int _hold;
    private ICancelable? _slowReaderTimer;
    private bool _closing;
    private bool _peerClosed;
    private bool _closeSent;
    private string _closeReason = "connection closed";
    private ICancelable? _closeTimer;

    public SessionActor(SessionContext session)
    {
        _runtime = session.Runtime;
        _session = session;
        _nick = NameRules.DefaultNick(session.Number);
    }

    private ServerSettings Settings => _runtime.Settings;

    private IActorRef Connection => _session.Connection;

    private ReadGate Reads => _session.Reads;

    // A bucket created at the first chat line starts full, exactly as one created with the session
    // would be by then (an unused bucket refills to its burst and stops there).
    private ChatRateLimiter Limiter => _limiter ??= new ChatRateLimiter(Settings.Chat.RateLimit, Settings.Chat.RateBurst, _runtime.Time);

    private IActorRef Hub => _runtime.Hub;

    // Created at the first output: a session whose client never sends anything, the usual state
    // of most of thousands, holds none. It lives in the context, so a restart keeps what is queued.
    private OutboundQueue Outbound => _session.Outbound ??=
        new OutboundQueue(Connection, Reads, Settings.Session, _runtime.Counters);

    protected override void PreStart()
    {
        // Keep the connection writable after the client's FIN, so what is queued for it still goes
        // out. The listener binds in pull mode: nothing is read before the first ResumeReading.
        Connection.Tell(new Tcp.Register(Self, keepOpenOnPeerClosed: true), Self);
        Reads.RequestNext(Self);
        _runtime.Counters.SessionStarted();
        _log.SessionOpened(_session.Number, _session.Remote);
        Begin();
    }

    protected override void PreRestart(Exception reason, object message)
    {
        // The connection stays open (it dies only with this actor's ref, which a restart keeps).
        // The room and the nick go: the next incarnation starts over as guest-N, held by nobody.
        _closeTimer?.Cancel();
        _slowReaderTimer?.Cancel();
        Hub.Tell(ChatProtocol.Disconnect.Instance, Self);
    }

    protected override void PostRestart(Exception reason)
    {
        // The chunk whose handling failed is gone with the old incarnation's backlog: read on.
        Reads.Hold(ReadReasons.InputBacklog, false, Self);
        _runtime.Counters.Restarted();

        var settings = Settings.Supervision;
        var now = Context.System.Scheduler.MonotonicClock;
        var restarts = _session.Restarts ??= [];
        restarts.Add(now);
        restarts.RemoveAll(t => now - t > settings.Within);
        if (restarts.Count > settings.MaxRestarts)
        {
            // The retry budget is spent. The session ends itself, after its last line is flushed:
            // a connection dies with its handler, so stopping here at once could lose that line.
            _log.SessionGaveUp(_session.Number, _session.Remote, restarts.Count, settings.Within, settings.MaxRestarts);
            BeginClose(ServerReplies.SessionStopped, "stopped after repeated internal errors");
            return;
        }

        _log.SessionRestarted(_session.Number, _session.Remote, restarts.Count, settings.Within, reason.Message);
        Outbound.EnqueueOwn(Lines.From(ServerReplies.SessionReset), Self);
        Begin();
    }

    protected override void PostStop()
    {
        _closeTimer?.Cancel();
        _slowReaderTimer?.Cancel();
        _session.Outbound?.Abandon();
        Hub.Tell(ChatProtocol.Disconnect.Instance, Self);
        _runtime.Counters.SessionStopped();
        _log.SessionClosed(_session.Number, _session.Remote, _session.CleanStop ? _closeReason : "stopped by its supervisor");
    }

    protected override void OnReceive(object message) => Active(message);

    /// <summary>Registers with the hub under the default nick and starts the idle clock.</summary>
    private void Begin()
    {
        Hub.Tell(new ChatProtocol.Connect(_session.Number, _nick), Self);
        Context.SetReceiveTimeout(Settings.Session.IdleTimeout);
    }

    private void Active(object message)
    {
        switch (message)
        {
            case Tcp.Received received:
                Reads.OnReceived();
                _runtime.Counters.MessageIn();
                if ((_session.Outbound?.GoesStraightOut(received.Data.Count) ?? true)
                    && (long)received.Data.Count * MaxReplyAmplification <= Settings.Session.EchoHighWatermark)
                {
                    // Ask for the next chunk before answering this one, so the connection actor finds
                    // the ResumeReading with the writes and handles them in one run. Nothing of ours
                    // is queued and this chunk's output cannot reach the watermark, so no read hold
                    // can change while it is handled: asking first lets the client make us hold
                    // exactly what asking after would.
                    Reads.RequestNext(Self);
                }

                OnReceived(received.Data);
                Reads.RequestNext(Self);
                break;
            case ChatProtocol.Deliver deliver:
                OnDeliver(deliver);
                break;
            case ChatProtocol.Reply reply:
                OnHubAnswer(reply.RequestId, reply);
                break;
            case ChatProtocol.NickChanged changed:
                OnHubAnswer(changed.RequestId, changed);
                break;
            case ChatProtocol.Joined joined:
                OnHubAnswer(joined.RequestId, joined);
                break;
            case ChatProtocol.Said:
                // An answer meant for an earlier incarnation finds the count at 0 already.
                var wasFull = _saysInFlight >= MaxSaysInFlight;
                _saysInFlight = Math.Max(0, _saysInFlight - 1);
                if (wasFull)
                {
                    ProcessInput();
                }

                break;
            case ChatProtocol.HoldInput hold:
                _heldByHub = hold.Hold;
                if (!hold.Hold)
                {
                    ProcessInput();
                }

                break;
            case SlowReaderTimedOut timedOut:
                if (_congested && timedOut.Hold == _hold)
                {
                    _slowReaderTimer = null;
                    _log.SlowReaderDisconnected(_session.Number, _session.Remote, _session.Outbound?.QueuedChat ?? 0);
                    BeginClose(SlowReaderDisconnectLine, "disconnected for reading too slowly");
                }

                break;
            case ReceiveTimeout:
                _log.SessionIdle(_session.Number, _session.Remote, Settings.Session.IdleTimeout ?? TimeSpan.Zero);
                BeginClose(ServerReplies.IdleTimeout(Settings.Session.IdleTimeout ?? TimeSpan.Zero), "idle timeout");
                break;
            case Tcp.PeerClosed:
                // The client sent FIN: finish what it sent before (a hub answer may still be due),
                // send what is queued for it, then close our side.
                _peerClosed = true;
                ProcessInput();
                break;
            case EndpointProtocol.ServerShuttingDown:
                BeginClose(ServerReplies.ShuttingDown, "server shutting down");
                break;
            default:
                if (!HandleTransport(message))
                {
                    Unhandled(message);
                }

                break;
        }
    }

    private void OnReceived(ByteString data)
    {
        if (InputPaused || _backlog is { Count: > 0 })
        {
            var backlog = _backlog ??= new Queue<ByteString>();
            backlog.Enqueue(data);
            if (backlog.Count >= MaxInputBacklog)
            {
                Reads.Hold(ReadReasons.InputBacklog, true, Self);
            }

            return;
        }

        Feed(data);
        ProcessInput();
    }

    private void Feed(ByteString data)
    {
        // Akka.IO's Received is compact (one array), so the parser reads it in place through
        // ToReadOnlySpan. Anything else is compacted once here, not copied again on every event.
        _fed = data.IsCompact ? data : data.Compact();
        _fedPosition = 0;
        _parser ??= new SessionInputParser(Settings.Session.MaxLineLength);
    }

    /// <summary>Handles parser events until the input runs out, a hub answer is awaited, or the session closes.</summary>
    private void ProcessInput()
    {
        while (!_closing && !InputPaused)
        {
            if (_parser is { } parser && parser.TryRead(_fed.ToReadOnlySpan(), ref _fedPosition, _room is not null, out var input))
            {
                Handle(input);
                continue;
            }

            // The chunk is used up: an idle session keeps no received bytes alive.
            _fed = ByteString.Empty;
            _fedPosition = 0;

            if (_backlog is null || !_backlog.TryDequeue(out var next))
            {
                break;
            }

            Feed(next);
        }

        if (_backlog is not { Count: > 0 })
        {
            if ((Reads.HeldBack & ReadReasons.InputBacklog) != 0)
            {
                Reads.Hold(ReadReasons.InputBacklog, false, Self);
            }

            if (_peerClosed && !InputPaused)
            {
                BeginClose(ReadOnlyMemory<byte>.Empty, "client closed the connection");
            }
        }
    }

    private void Handle(in SessionInput input)
    {
        switch (input.Kind)
        {
            case SessionInputKind.Echo:
                // A slice of the received chunk (Slice returns the chunk itself when it covers all of it).
                var (start, length) = input.Echo.GetOffsetAndLength(_fed.Count);
                Outbound.EnqueueOwn(_fed.Slice(start, length), Self);
                break;
            case SessionInputKind.Command:
                Execute(input.Line!);
                break;
            case SessionInputKind.RoomLine:
                SendChat(input.Line!);
                break;
            case SessionInputKind.LineTooLong:
                Reply(ServerReplies.LineTooLong(Settings.Session.MaxLineLength));
                break;
            case SessionInputKind.InvalidUtf8:
                Reply(ServerReplies.InvalidUtf8);
                break;
        }
    }

    /// <summary>Input waits: for a hub answer, for the hub to take more chat lines, or because the hub holds this session.</summary>
    private bool InputPaused => _pendingRequest != 0 || _saysInFlight >= MaxSaysInFlight || _heldByHub;

    /// <summary>
    /// Back-pressure: tells the hub when the chat queue passes the high-water mark
    /// (<c>max-queued-messages</c>) and when it is down to half, and times how long this session
    /// holds its senders in between: one that holds them for <c>slow-reader-timeout</c> is
    /// disconnected. The timer runs for the whole hold, not only while the queue is above the mark,
    /// so a reader that stops between the mark and half cannot hold the room for ever.
    /// </summary>
    private void ReportCongestion()
    {
        if (Settings.Session.SlowReaderPolicy != SlowReaderPolicy.Backpressure || _closing || _session.Outbound is not { } outbound)
        {
            return;
        }

        var high = Settings.Session.MaxQueuedMessages;
        var queued = outbound.QueuedChat;
        if (!_congested && queued >= high)
        {
            _congested = true;
            _hold++;
            _slowReaderTimer = Context.System.Scheduler.ScheduleTellOnceCancelable(Settings.Session.SlowReaderTimeout, Self, new SlowReaderTimedOut(_hold), Self);
            Hub.Tell(new ChatProtocol.Congestion(true), Self);
        }
        else if (_congested && queued <= high / 2)
        {
            _congested = false;
            _slowReaderTimer?.Cancel();
            _slowReaderTimer = null;
            Hub.Tell(new ChatProtocol.Congestion(false), Self);
        }
    }

    private void OnDeliver(ChatProtocol.Deliver deliver)
    {
        var result = Outbound.EnqueueChat(deliver.Line, Self);
        ReportCongestion();
        if (result == ChatEnqueueResult.Overflow)
        {
            _log.SlowReaderDisconnected(_session.Number, _session.Remote, Settings.Session.MaxQueuedMessages + 1);
            BeginClose(SlowReaderDisconnectLine, "disconnected for reading too slowly");
        }
    }

    private void Reply(ReadOnlyMemory<byte> line) => Outbound.EnqueueOwn(Lines.From(line), Self);

    /// <summary>This session held its senders (queue past the mark, not yet down to half) for <c>slow-reader-timeout</c>.</summary>
    private sealed record SlowReaderTimedOut(int Hold) : INotInfluenceReceiveTimeout;
}
