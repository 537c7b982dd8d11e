using System.Diagnostics.CodeAnalysis;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using ActorEcho.Actors;
using ActorEcho.IO.Logging;
using ActorEcho.IO.Sockets;

namespace ActorEcho.IO.TcpTransport;

/// <summary>
/// Owns one listening socket. An accept loop task hands each accepted socket to this actor, which
/// applies the connection limit and asks the manager for a connection actor. The loop is paced by a
/// <see cref="CreditGate"/>: in push mode at most <c>batch-accept-limit</c> accepted sockets wait for
/// this actor at once; in pull mode only as many as <see cref="Tcp.ResumeAccepting"/> allowed.
/// </summary>
[SuppressMessage("Reliability", "CA1001", Justification = "An actor is not disposed by its owner; PostStop cancels and then disposes the token source.")]
internal sealed class TcpListener : UntypedActor
{
    private readonly TcpExtension _tcp;
    private readonly Tcp.Bind _bind;
    private readonly IActorRef _commander;
    private readonly CreditGate _gate = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConnectionCounter _counter = new();

    // Accepted sockets on their way from the loop to this actor: PostStop disposes whatever is left.
    private readonly ConcurrentDictionary<Socket, byte> _handOver = new(ReferenceEqualityComparer.Instance);
    private Socket? _socket;
    private EndPoint _localEndPoint;

    public TcpListener(TcpExtension tcp, Tcp.Bind bind, IActorRef commander)
    {
        _tcp = tcp;
        _bind = bind;
        _commander = commander;
        _localEndPoint = bind.LocalAddress;
    }

    protected override void PreStart()
    {
        Socket? socket = null;
        try
        {
            socket = _tcp.Tracker.Track(NewListeningSocket(_bind.LocalAddress));
            socket.Bind(_bind.LocalAddress);
            socket.Listen(_bind.Backlog);
            _localEndPoint = socket.LocalEndPoint!;
        }
        catch (Exception ex) when (ex is SocketException or ArgumentException or NotSupportedException)
        {
            _tcp.Tracker.Dispose(socket);
            IOLog.BindFailed(_tcp.Logger, _bind.LocalAddress, ex.Message);
            _commander.Tell(new Tcp.CommandFailed(_bind, ex), Self);
            Context.Stop(Self);
            return;
        }

        _socket = socket;
        Context.Watch(_bind.Handler);
        IOLog.Bound(_tcp.Logger, _localEndPoint);
        _commander.Tell(new Tcp.Bound(_localEndPoint), Self);
        if (!_bind.PullMode)
        {
            _gate.Grant(_tcp.Settings.BatchAcceptLimit);
        }

        _ = AcceptLoopAsync(socket, Self, _stopping.Token);
    }

    protected override void OnReceive(object message)
    {
        switch (message)
        {
            case Accepted accepted:
                OnAccepted(accepted.Socket);
                break;
            case Tcp.ResumeAccepting resume:
                if (resume.BatchSize > 0)
                {
                    _gate.Grant(resume.BatchSize);
                }

                break;
            case Tcp.Unbind:
                StopListening();
                IOLog.Unbound(_tcp.Logger, _localEndPoint);
                Sender.Tell(Tcp.Unbound.Instance, Self);
                Context.Stop(Self);
                break;
            case AcceptFailed failed:
                IOLog.AcceptFailed(_tcp.Logger, _localEndPoint, failed.Error);
                Context.Stop(Self);
                break;
            case Terminated t when t.ActorRef.Equals(_bind.Handler):
                IOLog.ListenerHandlerDied(_tcp.Logger, _localEndPoint, t.ActorRef.Path.ToString());
                Context.Stop(Self);
                break;
            default:
                Unhandled(message);
                break;
        }
    }

    protected override void PostStop()
    {
        StopListening();
        foreach (var socket in _handOver.Keys)
        {
            if (_handOver.TryRemove(socket, out _))
            {
                _tcp.Tracker.Dispose(socket);
            }
        }

        _stopping.Dispose();
    }

    private static Socket NewListeningSocket(EndPoint endPoint) =>
        endPoint is IPEndPoint ip
            ? new Socket(ip.AddressFamily, SocketType.Stream, ProtocolType.Tcp)
            : throw new ArgumentException($"a TCP listener binds to an IP address and port, not {endPoint}", nameof(endPoint));

    private void OnAccepted(Socket socket)
    {
        if (!_handOver.TryRemove(socket, out _))
        {
            return;
        }

        if (!_bind.PullMode)
        {
            _gate.Grant(1);
        }

        var max = _tcp.Settings.MaxConnections;
        var overLimit = max > 0 && _counter.Live >= max;
        if (!overLimit)
        {
            _counter.Increment();
        }

        Context.Parent.Tell(new IncomingConnection(socket, _bind.Handler, _bind.PullMode, overLimit ? null : _counter, overLimit), Self);
    }

    private void StopListening()
    {
        if (!_stopping.IsCancellationRequested)
        {
            _stopping.Cancel();
        }

        _tcp.Tracker.Dispose(_socket);
        _socket = null;
    }

    private async Task AcceptLoopAsync(Socket listening, IActorRef self, CancellationToken stopping)
    {
        try
        {
            while (true)
            {
                await _gate.WaitAsync(stopping);
                Socket accepted;
                try
                {
                    accepted = await listening.AcceptAsync(stopping);
                }
                catch (SocketException ex) when (IsTransient(ex.SocketErrorCode))
                {
                    // The client gave up between SYN and accept; the listener is fine.
                    continue;
                }

                _tcp.Tracker.Track(accepted);
                _handOver.TryAdd(accepted, 0);

                // PostStop cancels and then drains _handOver; checking after the add means either it or
                // this loop disposes a socket accepted during shutdown, never neither.
                if (stopping.IsCancellationRequested)
                {
                    if (_handOver.TryRemove(accepted, out _))
                    {
                        _tcp.Tracker.Dispose(accepted);
                    }

                    return;
                }

                self.Tell(new Accepted(accepted), self);
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (ObjectDisposedException)
        {
        }
        catch (SocketException ex)
        {
            if (!stopping.IsCancellationRequested)
            {
                self.Tell(new AcceptFailed(ex.SocketErrorCode), self);
            }
        }
    }

    private static bool IsTransient(SocketError error) =>
        error is SocketError.ConnectionAborted or SocketError.ConnectionReset;

    private sealed record Accepted(Socket Socket);

    private sealed record AcceptFailed(SocketError Error);
}
