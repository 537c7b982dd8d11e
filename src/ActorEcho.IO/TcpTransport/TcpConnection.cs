using System.Diagnostics.CodeAnalysis;
using System.Net;
using System.Net.Sockets;
using ActorEcho.Actors;
using ActorEcho.Actors.Scheduling;
using ActorEcho.IO.Logging;
using ActorEcho.IO.Sockets;

namespace ActorEcho.IO.TcpTransport;

/// <summary>
/// One TCP connection. The actor owns the socket and all connection state; a read loop task
/// (<c>TcpConnection.Reading.cs</c>) and send-on-demand tasks (<c>TcpConnection.Writing.cs</c>) do the
/// I/O and report back as messages, so the actor never blocks. States (<see cref="State"/>):
/// <see cref="Connecting"/> (outgoing only), <see cref="WaitingForRegister"/>, <see cref="Registered"/>,
/// <see cref="Closing"/>, <see cref="Lingering"/>, <see cref="Stopped"/>.
/// The socket is disposed in <see cref="PostStop"/> on every path.
/// </summary>
[SuppressMessage("Reliability", "CA1001", Justification = "An actor is not disposed by its owner; PostStop cancels and then disposes the token source.")]
internal sealed partial class TcpConnection : UntypedActor
{
    // Until the socket is connected its endpoints are unknown. Logs may name this shared placeholder,
    // which spares every connection two throwaway allocations; it never goes out in a message, since
    // an IPEndPoint is mutable (see OnConnected).
    private static readonly IPEndPoint Unknown = new(IPAddress.None, 0);

    private readonly TcpExtension _tcp;
    private readonly ConnectionOrigin _origin;
    private readonly long _id;
    private readonly CancellationTokenSource _stopping = new();
    private Socket? _socket;
    private EndPoint _remote;
    private EndPoint _local;
    private IActorRef? _handler;
    private bool _keepOpenOnPeerClosed;
    private ICancelable? _registerTimer;

    // The state is a field that OnReceive dispatches on, not a behaviour swapped in with Become:
    // each Become allocates a delegate and a connection goes through four states, so 10,000
    // connections opened and closed would allocate 2.5 MB for it, 640 KB held while they are open.
    private State _state;

    private enum State
    {
        WaitingForRegister,
        Connecting,
        Registered,
        Closing,
        Lingering,
        Stopped,
    }

    public TcpConnection(TcpExtension tcp, ConnectionOrigin origin)
    {
        _tcp = tcp;
        _origin = origin;
        _id = tcp.NextConnectionId();
        _remote = origin.Connect?.RemoteAddress ?? Unknown;
        _local = Unknown;
        _readGate = new CreditGate();
    }

    protected override void PreStart()
    {
        if (_origin.AcceptedSocket is { } accepted)
        {
            _socket = accepted;
            OnConnected();
            return;
        }

        var connect = _origin.Connect!;
        try
        {
            _socket = _tcp.Tracker.Track(connect.RemoteAddress is IPEndPoint ip
                ? new Socket(ip.AddressFamily, SocketType.Stream, ProtocolType.Tcp)
                : new Socket(SocketType.Stream, ProtocolType.Tcp));
            if (connect.LocalAddress is { } local)
            {
                _socket.Bind(local);
            }
        }
        catch (Exception ex) when (ex is SocketException or ArgumentException or NotSupportedException)
        {
            FailConnect(ex);
            return;
        }

        _state = State.Connecting;
        _ = ConnectAsync(_socket, connect, Self);
    }

    protected override void OnReceive(object message)
    {
        switch (_state)
        {
            case State.WaitingForRegister:
                WaitingForRegister(message);
                break;
            case State.Connecting:
                Connecting(message);
                break;
            case State.Registered:
                Registered(message);
                break;
            case State.Closing:
                Closing(message);
                break;
            case State.Lingering:
                Lingering(message);
                break;
            default:
                Stopped(message);
                break;
        }
    }

    protected override void PostStop()
    {
        _stopping.Cancel();
        _registerTimer?.Cancel();
        _origin.Counter?.Decrement();
        _tcp.Tracker.Dispose(_socket);
        ForgetLeases();
        _stopping.Dispose();
    }

    private void Connecting(object message)
    {
        switch (message)
        {
            case ConnectSucceeded:
                OnConnected();
                break;
            case ConnectFailed failed:
                FailConnect(failed.Cause);
                break;
            case Tcp.CloseCommand:
                // Nobody has this connection yet except through a race; stopping disposes the socket.
                Context.Stop(Self);
                break;
            default:
                Unhandled(message);
                break;
        }
    }

    private void WaitingForRegister(object message)
    {
        switch (message)
        {
            case Tcp.Register register:
                OnRegister(register);
                _state = State.Registered;
                break;
            case RegisterTimedOut:
                IOLog.RegisterTimedOut(_tcp.Logger, _id, _remote, _tcp.Settings.RegisterTimeout);
                Context.Stop(Self);
                break;
            default:
                if (!HandleCommon(message))
                {
                    Unhandled(message);
                }

                break;
        }
    }

    private void Registered(object message)
    {
        switch (message)
        {
            case RegisterTimedOut when _origin.OverLimit:
                // An over-limit connection's grace period is over, whatever the handler did.
                BeginClose(Tcp.Close.Instance, null);
                break;
            case RegisterTimedOut:
                break;
            default:
                if (!HandleCommon(message))
                {
                    Unhandled(message);
                }

                break;
        }
    }

    private void Closing(object message)
    {
        switch (message)
        {
            case Tcp.Register register when _handler is null:
                // Closed before registering: the handler still hears how it ends.
                _handler = register.Handler;
                Context.Watch(register.Handler);
                break;
            case RegisterTimedOut when _handler is null:
                IOLog.RegisterTimedOut(_tcp.Logger, _id, _remote, _tcp.Settings.RegisterTimeout);
                Context.Stop(Self);
                break;
            case RegisterTimedOut:
                break;
            default:
                if (!HandleCommon(message))
                {
                    Unhandled(message);
                }

                break;
        }
    }

    /// <summary>Messages every connected state handles the same way.</summary>
    private bool HandleCommon(object message)
    {
        switch (message)
        {
            case Tcp.WriteCommand write:
                HandleWrite(write);
                return true;
            case WriteCompleted:
                OnWriteCompleted();
                return true;
            case Tcp.ResumeWriting:
                HandleResumeWriting();
                return true;
            case Tcp.ReturnBuffer returned:
                HandleReturnBuffer(returned);
                return true;
            case Tcp.SuspendReading:
                SuspendReading();
                return true;
            case Tcp.ResumeReading:
                ResumeReading();
                return true;
            case Tcp.Abort:
                DoAbort(Sender);
                return true;
            case Tcp.CloseCommand close:
                BeginClose(close, Sender);
                return true;
            case ReadEnded:
                OnPeerClosed();
                return true;
            case ReadFailed failed:
                FailWith(failed.Message);
                return true;
            case WriteFailed failed:
                FailWith(failed.Message);
                return true;
            case Terminated terminated when terminated.ActorRef.Equals(_handler) && _closeMode is CloseMode.Close or CloseMode.ConfirmedClose:
                // The handler asked for a graceful close and then stopped (a session saying its last
                // line and leaving): honour the close, so the queued writes still reach the peer, but
                // bounded, since nobody is left to wait for it.
                IOLog.HandlerDied(_tcp.Logger, _id, _remote, terminated.ActorRef.Path.ToString());
                _handler = null;
                Context.System.Scheduler.ScheduleTellOnce(_tcp.Settings.CloseLinger, Self, LingerTimedOut.Instance, Self);
                return true;
            case LingerTimedOut:
                // A dead handler's close did not finish in time.
                _tcp.Tracker.Abort(_socket);
                Context.Stop(Self);
                return true;
            case Terminated terminated when terminated.ActorRef.Equals(_handler):
                IOLog.HandlerDied(_tcp.Logger, _id, _remote, terminated.ActorRef.Path.ToString());
                _tcp.Tracker.Abort(_socket);
                Context.Stop(Self);
                return true;
            default:
                return false;
        }
    }

    private void OnConnected()
    {
        var socket = _socket!;
        try
        {
            _remote = socket.RemoteEndPoint ?? OwnPlaceholder(_remote);
            _local = socket.LocalEndPoint ?? OwnPlaceholder(_local);
            ApplyOptions(socket, _tcp.Settings);
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            // Reset before we got to it: the bind handler never hears of it.
            IOLog.ConnectionFailed(_tcp.Logger, _id, _remote, ex.Message);
            Context.Stop(Self);
            return;
        }

        IOLog.ConnectionOpened(_tcp.Logger, _id, _remote, _local);
        if (_origin.OverLimit)
        {
            IOLog.OverLimit(_tcp.Logger, _id, _remote, _local, _tcp.Settings.MaxConnections);
        }

        _registerTimer = Context.System.Scheduler.ScheduleTellOnce(_tcp.Settings.RegisterTimeout, Self, RegisterTimedOut.Instance, Self);
        _origin.NotifyConnected.Tell(new Tcp.Connected(_remote, _local, _origin.OverLimit), Self);
        _state = State.WaitingForRegister;
    }

    /// <summary><paramref name="endPoint"/>, or a placeholder of this connection's own instead of the shared one.</summary>
    private static EndPoint OwnPlaceholder(EndPoint endPoint) =>
        ReferenceEquals(endPoint, Unknown) ? new IPEndPoint(IPAddress.None, 0) : endPoint;

    private void OnRegister(Tcp.Register register)
    {
        _handler = register.Handler;
        _keepOpenOnPeerClosed = register.KeepOpenOnPeerClosed;
        if (register.LeaseReceiveBuffers)
        {
            StartLeasing();
        }
        Context.Watch(register.Handler);
        if (!_origin.OverLimit)
        {
            // Dropped, not just cancelled: a connection lives for hours and the spent timer is ~200 bytes.
            _registerTimer?.Cancel();
            _registerTimer = null;
            StartReading(register.Handler);
        }
    }

    private void FailConnect(Exception cause)
    {
        IOLog.ConnectFailed(_tcp.Logger, _origin.Connect!.RemoteAddress, cause.Message);
        _origin.NotifyConnected.Tell(new Tcp.CommandFailed(_origin.Connect, cause), Self);
        Context.Stop(Self);
    }

    private static void ApplyOptions(Socket socket, TcpSettings settings)
    {
        socket.NoDelay = settings.NoDelay;
        socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.KeepAlive, settings.KeepAlive);
        if (settings.SendBufferSize > 0)
        {
            socket.SendBufferSize = settings.SendBufferSize;
        }

        if (settings.ReceiveBufferSize > 0)
        {
            socket.ReceiveBufferSize = settings.ReceiveBufferSize;
        }
    }

    private async Task ConnectAsync(Socket socket, Tcp.Connect connect, IActorRef self)
    {
        var timeout = connect.Timeout ?? _tcp.Settings.ConnectTimeout;
        using var timer = new CancellationTokenSource(timeout);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timer.Token, _stopping.Token);
        try
        {
            await socket.ConnectAsync(connect.RemoteAddress, linked.Token);
            self.Tell(ConnectSucceeded.Instance, self);
        }
        catch (OperationCanceledException) when (timer.IsCancellationRequested)
        {
            self.Tell(new ConnectFailed(new TimeoutException($"connect to {connect.RemoteAddress} timed out after {timeout}")), self);
        }
        catch (OperationCanceledException)
        {
            // The actor stopped first; PostStop disposed the socket.
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException or ArgumentException or NotSupportedException)
        {
            self.Tell(new ConnectFailed(ex), self);
        }
    }
}
