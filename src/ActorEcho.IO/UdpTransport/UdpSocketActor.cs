using System.Diagnostics.CodeAnalysis;
using System.Net;
using System.Net.Sockets;
using ActorEcho.Actors;
using ActorEcho.IO.Logging;
using ActorEcho.IO.Sockets;

namespace ActorEcho.IO.UdpTransport;

/// <summary>
/// One datagram socket: bound (it receives, delivering to the bind handler, and sends) or a simple
/// sender (it only sends). The receive loop delivers straight to the handler; sends are queued and
/// go out one at a time from a task that reports back, so acks keep the order of the sends.
/// </summary>
[SuppressMessage("Reliability", "CA1001", Justification = "An actor is not disposed by its owner; PostStop cancels and then disposes the token source.")]
internal sealed partial class UdpSocketActor : UntypedActor
{
    private readonly UdpExtension _udp;
    private readonly Udp.Bind? _bind;
    private readonly IActorRef _commander;
    private readonly CreditGate _readGate = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly Queue<(Udp.Send Send, IActorRef AckTo)> _queue = new();
    private Socket? _socket;
    private EndPoint _local = new IPEndPoint(IPAddress.None, 0);
    private bool _sending;

    public UdpSocketActor(UdpExtension udp, Udp.Bind? bind, IActorRef commander)
    {
        _udp = udp;
        _bind = bind;
        _commander = commander;
    }

    protected override void PreStart()
    {
        try
        {
            _socket = _udp.Tracker.Track(NewSocket(_bind?.LocalAddress));
            ApplyOptions(_socket, _udp.Settings);
            if (_bind is not null)
            {
                _socket.Bind(_bind.LocalAddress);
                _local = _socket.LocalEndPoint!;
            }
        }
        catch (Exception ex) when (ex is SocketException or ArgumentException or NotSupportedException)
        {
            _udp.Tracker.Dispose(_socket);
            _socket = null;
            if (_bind is not null)
            {
                IOLog.UdpBindFailed(_udp.Logger, _bind.LocalAddress, ex.Message);
                _commander.Tell(new Udp.CommandFailed(_bind, ex), Self);
            }
            else
            {
                _commander.Tell(new Udp.CommandFailed(Udp.SimpleSender.Instance, ex), Self);
            }

            Context.Stop(Self);
            return;
        }

        if (_bind is null)
        {
            Context.Watch(_commander);
            _commander.Tell(Udp.SimpleSenderReady.Instance, Self);
            return;
        }

        Context.Watch(_bind.Handler);
        IOLog.UdpBound(_udp.Logger, _local);
        _commander.Tell(new Udp.Bound(_local), Self);
        _readGate.Open();
        _ = ReceiveLoopAsync(_socket, _bind.Handler, Self, _stopping.Token);
    }

    protected override void OnReceive(object message)
    {
        switch (message)
        {
            case Udp.Send send:
                HandleSend(send);
                break;
            case SendCompleted:
                OnSendCompleted(null);
                break;
            case SendFailed failed:
                OnSendCompleted(failed.Cause);
                break;
            case Udp.SuspendReading:
                _readGate.Shut();
                break;
            case Udp.ResumeReading:
                _readGate.Open();
                break;
            case Udp.Unbind:
                IOLog.UdpUnbound(_udp.Logger, _local);
                _udp.Tracker.Dispose(_socket);
                Sender.Tell(Udp.Unbound.Instance, Self);
                Context.Stop(Self);
                break;
            case ReceiveFailed failed:
                IOLog.UdpReceiveFailed(_udp.Logger, _local, failed.Error);
                Context.Stop(Self);
                break;
            case Terminated t when t.ActorRef.Equals(_bind?.Handler ?? _commander):
                Context.Stop(Self);
                break;
            default:
                Unhandled(message);
                break;
        }
    }

    protected override void PostStop()
    {
        _stopping.Cancel();
        _udp.Tracker.Dispose(_socket);
        _stopping.Dispose();
    }

    private static Socket NewSocket(EndPoint? bindTo)
    {
        if (bindTo is IPEndPoint ip)
        {
            return new Socket(ip.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        }

        if (bindTo is not null)
        {
            throw new ArgumentException($"a UDP socket binds to an IP address and port, not {bindTo}", nameof(bindTo));
        }

        // A simple sender sends anywhere: a dual-mode IPv6 socket reaches IPv4 targets too.
        return Socket.OSSupportsIPv6
            ? new Socket(SocketType.Dgram, ProtocolType.Udp)
            : new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
    }

    private static void ApplyOptions(Socket socket, UdpSettings settings)
    {
        if (settings.SendBufferSize > 0)
        {
            socket.SendBufferSize = settings.SendBufferSize;
        }

        if (settings.ReceiveBufferSize > 0)
        {
            socket.ReceiveBufferSize = settings.ReceiveBufferSize;
        }

        if (OperatingSystem.IsWindows())
        {
            // SIO_UDP_CONNRESET off: an ICMP port unreachable must not fail the next receive.
            const int sioUdpConnReset = unchecked((int)0x9800000C);
            socket.IOControl(sioUdpConnReset, [0, 0, 0, 0], null);
        }
    }
}
