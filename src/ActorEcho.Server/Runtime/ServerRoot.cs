using Akka.Actor;
using ActorEcho.Server.Chat;
using ActorEcho.Server.Datagrams;
using ActorEcho.Server.Listeners;
using ActorEcho.Server.Supervision;

namespace ActorEcho.Server.Runtime;

/// <summary>
/// The top of one server's actor tree (<c>/user/actorecho-server-N</c>): the chat hub and one child
/// per endpoint. Stopping it stops everything the server runs, which is the last step of
/// <see cref="EchoServer.StopAsync"/>. A failing endpoint actor or hub is restarted with Akka's
/// default decider, without a retry limit (a listener keeps its bound socket and its children
/// across the restart), and every decision is reported like the listeners' own.
/// </summary>
internal sealed class ServerRoot : UntypedActor
{
    private readonly ServerRuntime _runtime;

    public ServerRoot(ServerRuntime runtime)
    {
        _runtime = runtime;
    }

    protected override SupervisorStrategy SupervisorStrategy() =>
        new ReportingOneForOneStrategy(-1, Timeout.InfiniteTimeSpan, Akka.Actor.SupervisorStrategy.DefaultDecider);

    protected override void PreStart()
    {
        var counters = _runtime.Counters;
        var cluster = _runtime.Settings.Cluster;
        _runtime.Hub = Context.ActorOf(Props.Create(() => new ChatHub(counters, cluster)), "chat-hub");
    }

    protected override void PreRestart(Exception reason, object message)
    {
        // Children (hub, endpoints) keep running; nothing here holds state of its own.
    }

    protected override void PostRestart(Exception reason)
    {
    }

    protected override void OnReceive(object message)
    {
        switch (message)
        {
            case EndpointProtocol.Start start:
                var runtime = _runtime;
                var spec = start.Spec;
                var replyTo = Sender;
                var state = new ListenerState();
                var props = spec.IsTcp
                    ? Props.Create(() => new TcpServiceListener(runtime, spec, replyTo, state))
                    : Props.Create(() => new UdpService(runtime, spec, replyTo));
                Context.ActorOf(props, spec.Name);
                break;
            default:
                Unhandled(message);
                break;
        }
    }
}
