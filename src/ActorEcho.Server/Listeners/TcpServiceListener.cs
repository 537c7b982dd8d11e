using System.Net;
using Akka.Actor;
using Akka.Event;
using Akka.IO;
using ActorEcho.Server.Chat;
using ActorEcho.Server.Logging;
using ActorEcho.Server.Outbound;
using ActorEcho.Server.Protocol;
using ActorEcho.Server.Runtime;
using ActorEcho.Server.Sessions;
using ActorEcho.Server.Supervision;

namespace ActorEcho.Server.Listeners;

/// <summary>
/// One TCP endpoint: binds through Akka.IO's TCP manager (<c>Tcp.Bind</c> in pull mode, so every
/// handler decides when the next chunk is read), and for each <c>Tcp.Connected</c> creates the
/// handler actor for its service (a <see cref="SessionActor"/>, an <see cref="EchoConnection"/> or a
/// <see cref="OneShotConnection"/>) as a child, which registers itself with the connection. It
/// supervises those children with the strategy from HOCON, refuses connections over
/// <c>max-connections</c> with a one-line error, and on shutdown unbinds and closes them all.
/// <para>
/// Shutdown order: Akka.IO's TCP listener is the parent of every connection it accepted, and when
/// it unbinds it stops, taking those connections down with a reset. So <see cref="EndpointProtocol.Unbind"/>
/// first stops taking connections (new ones get <c>NOTICE server shutting down</c> and are closed)
/// and the listening socket is unbound only once the last accepted connection has closed — after
/// the sessions have said goodbye and flushed, never in the middle of it.
/// </para>
/// </summary>
internal sealed partial class TcpServiceListener : UntypedActor
{
    private readonly ServerRuntime _runtime;
    private readonly EndpointSpec _spec;
    private readonly IActorRef _replyTo;
    private readonly ListenerState _state;
    private readonly string _handlerPrefix;
    private readonly HashSet<IActorRef> _handlers = [];
    private readonly HashSet<IActorRef> _refusers = [];
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private IActorRef? _unbindRequester;
    private IActorRef? _closeRequester;
    private ICancelable? _closeDeadline;
    private bool _shuttingDown;
    private bool _unbindWhenIdle;
    private bool _unbinding;

    public TcpServiceListener(ServerRuntime runtime, EndpointSpec spec, IActorRef replyTo, ListenerState state)
    {
        _runtime = runtime;
        _spec = spec;
        _replyTo = replyTo;
        _state = state;
        _handlerPrefix = spec.Kind.ToString().ToLowerInvariant() + "-";
    }

    /// <summary>The supervisor strategy for connection handlers, from <c>actorecho.server.supervision</c>.</summary>
    /// <remarks>
    /// A session enforces the configured budget itself (<see cref="SessionActor"/> ends with a final
    /// ERR line once more than max-restarts failures fall within the window), because stopping it
    /// from here would kill its connection before that line is flushed. Akka's budget is set one
    /// higher, as a backstop for a session that keeps failing even while it closes.
    /// </remarks>
    public static SupervisorStrategy CreateStrategy(SupervisionSettings settings)
    {
        var retries = settings.MaxRestarts + 1;
        return settings.Strategy == SupervisionStrategyKind.AllForOne
            ? new ReportingAllForOneStrategy(retries, settings.Within, Akka.Actor.SupervisorStrategy.DefaultDecider)
            : new ReportingOneForOneStrategy(retries, settings.Within, Akka.Actor.SupervisorStrategy.DefaultDecider);
    }

    protected override SupervisorStrategy SupervisorStrategy() => CreateStrategy(_runtime.Settings.Supervision);

    protected override void PreStart()
    {
        if (!_state.BindAnswered)
        {
            _runtime.TcpManager.Tell(new Tcp.Bind(Self, _spec.Address, backlog: 1024, options: SocketOptions(), pullMode: true), Self);
        }
    }

    private List<Inet.SocketOption> SocketOptions()
    {
        var options = new List<Inet.SocketOption>();
        if (_runtime.Settings.SocketSendBufferSize is { } send)
        {
            options.Add(new Inet.SO.SendBufferSize(send));
        }

        if (_runtime.Settings.SocketReceiveBufferSize is { } receive)
        {
            options.Add(new Inet.SO.ReceiveBufferSize(receive));
        }

        return options;
    }

    protected override void PreRestart(Exception reason, object message)
    {
        // Keep the children and the bound socket: they do not depend on this instance's fields.
    }

    protected override void PostRestart(Exception reason)
    {
        foreach (var child in Context.GetChildren())
        {
            Context.Watch(child);
            _handlers.Add(child);
        }
    }

    protected override void PostStop()
    {
        _closeDeadline?.Cancel();
    }

    protected override void OnReceive(object message)
    {
        switch (message)
        {
            case Tcp.Bound bound:
                OnBound(bound);
                break;
            case Tcp.CommandFailed { Cmd: Tcp.Bind } failed:
                _state.BindAnswered = true;
                var cause = failed.Cause.HasValue ? failed.Cause.Value : null;
                _log.EndpointBindFailed(_spec.Name, _spec.Protocol, _spec.Address, cause?.Message ?? "refused");
                _replyTo.Tell(new Status.Failure(new EndpointBindException(_spec.Name, _spec.Address, cause)), Self);
                Context.Stop(Self);
                break;
            case Tcp.Connected connected:
                OnConnected(connected, Sender);
                break;
            case Terminated terminated:
                OnHandlerStopped(terminated.ActorRef);
                break;
            case EndpointProtocol.Unbind:
                OnUnbind();
                break;
            case Tcp.Unbound:
                _state.SocketListener = null;
                _unbinding = false;
                _log.EndpointUnbound(_spec.Name, _spec.Protocol, (EndPoint?)_state.LocalEndPoint ?? _spec.Address);
                _unbindRequester?.Tell(EndpointProtocol.Unbound.Instance, Self);
                _unbindRequester = null;
                AnswerCloseRequesterIfDone();
                break;
            case EndpointProtocol.CloseConnections close:
                OnCloseConnections(close);
                break;
            case CloseDeadline deadline:
                if (_handlers.Count + _refusers.Count > 0)
                {
                    _log.ClosingConnectionsTimedOut(_spec.Name, _handlers.Count + _refusers.Count, deadline.Timeout);
                    foreach (var child in _handlers.Concat(_refusers))
                    {
                        Context.Stop(child);
                    }
                }

                break;
            default:
                Unhandled(message);
                break;
        }
    }

    private void OnBound(Tcp.Bound bound)
    {
        _state.BindAnswered = true;
        _state.SocketListener = Sender;
        var local = bound.LocalAddress as IPEndPoint ?? _spec.Address;
        _state.LocalEndPoint = local;
        _log.EndpointBound(_spec.Name, _spec.Protocol, local);
        _replyTo.Tell(new EndpointProtocol.Started(new ServerEndpoint(_spec.Name, _spec.Protocol, local), Self), Self);
    }

    private void OnConnected(Tcp.Connected connected, IActorRef connection)
    {
        _runtime.Counters.ConnectionOpened();
        var number = ++_state.HandlerNumbers;
        var max = _runtime.Settings.MaxConnections;
        var overOurLimit = max > 0 && _handlers.Count >= max;
        if (overOurLimit || _shuttingDown)
        {
            // Over max-connections, or accepted just as the server stops: say why in one line, then close.
            if (overOurLimit)
            {
                _log.ConnectionRefused(_spec.Name, connected.RemoteAddress, _handlers.Count, max);
            }

            var reply = Lines.From(overOurLimit ? ServerReplies.ServerFull(max) : ServerReplies.ShuttingDown);
            var refuser = Context.ActorOf(OneShotProps(connection, reply), $"refused-{number}");
            Context.Watch(refuser);
            _refusers.Add(refuser);
            return;
        }

        var handler = Context.ActorOf(HandlerProps(connection, connected.RemoteAddress), $"{_handlerPrefix}{number}");
        Context.Watch(handler);
        _handlers.Add(handler);
    }

    // Each kind in a method of its own, so each lambda captures only what its handler needs (C#
    // allocates one closure per scope, for every connection).
    private Props HandlerProps(IActorRef connection, EndPoint remote) => _spec.Kind switch
    {
        ServiceKind.Session => SessionProps(new SessionContext(_runtime, connection, _runtime.NextSessionNumber(), remote)),
        ServiceKind.Echo => EchoProps(_runtime, new EchoConnection.State(connection)),
        ServiceKind.Time => OneShotProps(connection, ByteString.FromBytes(ProtocolTime.Rfc868Bytes(_runtime.Time.GetUtcNow()))),
        _ => OneShotProps(connection, ByteString.FromBytes(ProtocolTime.DaytimeBytes(_runtime.Time.GetLocalNow()))),
    };

    private static Props SessionProps(SessionContext session) =>
        HandlerProducer<SessionActor>.Props(() => new SessionActor(session));

    private static Props EchoProps(ServerRuntime runtime, EchoConnection.State echo) =>
        HandlerProducer<EchoConnection>.Props(() => new EchoConnection(runtime, echo));

    // The reply is computed when the connection arrives; a restart sends nothing again.
    private Props OneShotProps(IActorRef connection, ByteString reply)
    {
        var closeTimeout = _runtime.Settings.Session.CloseTimeout;
        return HandlerProducer<OneShotConnection>.Props(() => new OneShotConnection(connection, reply, closeTimeout));
    }

    private void OnHandlerStopped(IActorRef child)
    {
        if (_handlers.Remove(child) || _refusers.Remove(child))
        {
            _runtime.Counters.ConnectionClosed();
        }

        if (_spec.Kind == ServiceKind.Session)
        {
            // The session said goodbye in PostStop; this covers a stop that skipped it. The hub
            // ignores a goodbye from a session it no longer knows.
            _runtime.Hub.Tell(ChatProtocol.Disconnect.Instance, child);
        }

        if (_handlers.Count + _refusers.Count == 0 && _unbindWhenIdle)
        {
            _unbindWhenIdle = false;
            UnbindSocket();
        }

        AnswerCloseRequesterIfDone();
    }

    private void AnswerCloseRequesterIfDone()
    {
        if (_closeRequester is not null && _handlers.Count + _refusers.Count == 0 && !_unbinding && !_unbindWhenIdle)
        {
            _closeDeadline?.Cancel();
            _closeRequester.Tell(EndpointProtocol.ConnectionsClosed.Instance, Self);
            _closeRequester = null;
        }
    }

    private void OnUnbind()
    {
        _shuttingDown = true;
        if (_state.SocketListener is null || _unbinding)
        {
            Sender.Tell(EndpointProtocol.Unbound.Instance, Self);
            return;
        }

        if (_handlers.Count + _refusers.Count > 0)
        {
            // Unbinding now would reset every open connection (see the class remarks): stop taking
            // new ones, and unbind when the last one has closed.
            _unbindWhenIdle = true;
            Sender.Tell(EndpointProtocol.Unbound.Instance, Self);
            return;
        }

        _unbindRequester = Sender;
        UnbindSocket();
    }

    private void UnbindSocket()
    {
        if (_state.SocketListener is { } socket)
        {
            _unbinding = true;
            socket.Tell(Tcp.Unbind.Instance, Self);
        }
    }

    private void OnCloseConnections(EndpointProtocol.CloseConnections close)
    {
        _shuttingDown = true;
        _closeRequester = Sender;
        var count = _handlers.Count + _refusers.Count;
        if (count == 0)
        {
            AnswerCloseRequesterIfDone();
            return;
        }

        _log.ClosingConnections(count, _spec.Name);
        foreach (var handler in _handlers)
        {
            handler.Tell(EndpointProtocol.ServerShuttingDown.Instance, Self);
        }

        _closeDeadline?.Cancel();
        _closeDeadline = Context.System.Scheduler.ScheduleTellOnceCancelable(close.Timeout, Self, new CloseDeadline(close.Timeout), Self);
    }

    /// <summary>Handlers still running when the shutdown phase's time is up are stopped.</summary>
    private sealed record CloseDeadline(TimeSpan Timeout);
}
