using System.Net;
using Akka.Actor;
using Akka.Event;
using Akka.IO;
using ActorEcho.Server.Logging;
using ActorEcho.Server.Protocol;
using ActorEcho.Server.Runtime;

namespace ActorEcho.Server.Datagrams;

/// <summary>
/// One UDP endpoint, bound through Akka.IO's UDP manager (<c>Udp.Bind</c>): answers each
/// <c>Udp.Received</c> at once with a <c>Udp.Send</c> to the socket actor — <c>time</c>/echo on the
/// session port, RFC 868 or RFC 867 on theirs. Stateless per datagram, so one actor per endpoint is
/// all it takes. A reply the socket cannot send (<c>Udp.CommandFailed</c>) is logged and dropped;
/// the socket actor and the endpoint carry on.
/// </summary>
internal sealed class UdpService : UntypedActor
{
    private readonly ServerRuntime _runtime;
    private readonly EndpointSpec _spec;
    private readonly IActorRef _replyTo;
    private IActorRef? _socket;
    private IPEndPoint? _local;
    private IActorRef? _unbindRequester;
    private readonly ILoggingAdapter _log = Context.GetLogger();

    public UdpService(ServerRuntime runtime, EndpointSpec spec, IActorRef replyTo)
    {
        _runtime = runtime;
        _spec = spec;
        _replyTo = replyTo;
    }

    protected override void PreStart() => _runtime.UdpManager.Tell(new Udp.Bind(Self, _spec.Address), Self);

    protected override void PreRestart(Exception reason, object message)
    {
        // Nothing to undo: the socket stays bound to this ref. (Replying is stateless; this never throws by design.)
    }

    protected override void OnReceive(object message)
    {
        switch (message)
        {
            case Udp.Received received:
                OnDatagram(received);
                break;
            case Udp.Bound bound:
                _socket = Sender;
                _local = bound.LocalAddress as IPEndPoint ?? _spec.Address;
                _log.EndpointBound(_spec.Name, _spec.Protocol, _local);
                _replyTo.Tell(new EndpointProtocol.Started(new ServerEndpoint(_spec.Name, _spec.Protocol, _local), Self), Self);
                break;
            case Udp.CommandFailed { Cmd: Udp.Bind } failed:
                // Akka.IO's UDP failure carries no cause; the manager logs the socket error itself.
                _log.EndpointBindFailed(_spec.Name, _spec.Protocol, _spec.Address, "bind refused");
                _replyTo.Tell(new Status.Failure(new EndpointBindException(_spec.Name, _spec.Address, null)), Self);
                Context.Stop(Self);
                break;
            case Udp.CommandFailed { Cmd: Udp.Send send } failed:
                _log.UdpSendFailed(_spec.Name, send.Target, "the socket refused the datagram");
                break;
            case EndpointProtocol.Unbind:
                if (_socket is null)
                {
                    Sender.Tell(EndpointProtocol.Unbound.Instance, Self);
                    break;
                }

                _unbindRequester = Sender;
                _socket.Tell(Udp.Unbind.Instance, Self);
                break;
            case Udp.Unbound:
                _socket = null;
                _log.EndpointUnbound(_spec.Name, _spec.Protocol, (EndPoint?)_local ?? _spec.Address);
                _unbindRequester?.Tell(EndpointProtocol.Unbound.Instance, Self);
                _unbindRequester = null;
                break;
            case EndpointProtocol.CloseConnections:
                // Datagrams have no connections to close.
                Sender.Tell(EndpointProtocol.ConnectionsClosed.Instance, Self);
                break;
            default:
                Unhandled(message);
                break;
        }
    }

    private void OnDatagram(Udp.Received received)
    {
        _runtime.Counters.MessageIn();
        if (_socket is null)
        {
            return;
        }

        var reply = _spec.Kind switch
        {
            ServiceKind.Time => ByteString.FromBytes(ProtocolTime.Rfc868Bytes(_runtime.Time.GetUtcNow())),
            ServiceKind.Daytime => ByteString.FromBytes(ProtocolTime.DaytimeBytes(_runtime.Time.GetLocalNow())),
            _ => UdpTimeEchoResponder.IsTimeRequest(received.Data.ToReadOnlySpan())
                ? ByteString.FromBytes(ProtocolTime.CtimeBytes(_runtime.Time.GetLocalNow()))
                : received.Data,
        };
        _socket.Tell(Udp.Send.Create(reply, received.Sender), Self);
        _runtime.Counters.MessagesOut(1);
    }
}
