using System.Net;
using ActorEcho.Server.Runtime;
using ActorEcho.Server.Tests.Protocol;
using Xunit.Abstractions;

namespace ActorEcho.Server.Tests.Support;

/// <summary>
/// A server without sockets: the real root, hub and session listener, with probes for Akka.IO's TCP
/// and UDP managers and for each connection (<see cref="FakeClient"/>), the way Akka's own IO specs
/// stand probes in for the connection. Runs on Akka.TestKit's virtual-time
/// <see cref="TestScheduler"/>, so idle and close timeouts fire only when a test advances the clock,
/// and wall-clock replies read a <see cref="ManualTimeProvider"/>.
/// </summary>
public abstract class ServerTestKit : Akka.TestKit.Xunit2.TestKit
{
    /// <summary>The instant <see cref="Clock"/> starts at: 2026-11-21T10:15:30.123Z.</summary>
    protected static readonly DateTimeOffset StartTime = new(2026, 11, 21, 10, 15, 30, 123, TimeSpan.Zero);

    // The host's mailboxes too (hocon/actorecho.conf), so every actor here runs on what it runs on.
    private const string VirtualTime = """
        akka.scheduler.implementation = "Akka.TestKit.TestScheduler, Akka.TestKit"
        akka.loglevel = INFO
        akka.actor.default-mailbox.mailbox-type = "ActorEcho.Server.Mailboxes.CompactUnboundedMailbox, ActorEcho.Server"
        akka.actor.mailbox.requirements."Akka.Dispatch.IUnboundedMessageQueueSemantics" = akka.actor.mailbox.compact-unbounded
        akka.actor.mailbox.compact-unbounded.mailbox-type = "ActorEcho.Server.Mailboxes.CompactUnboundedMailbox, ActorEcho.Server"
        """;

    private int _clients;

    protected ServerTestKit(ITestOutputHelper output)
        : base(VirtualTime, output: output)
    {
    }

    internal ManualTimeProvider Clock { get; } = new(StartTime);

    internal TestScheduler Scheduler => (TestScheduler)Sys.Scheduler;

    internal ServerRuntime Runtime { get; private set; } = null!;

    internal TestProbe TcpManager { get; private set; } = null!;

    internal IActorRef Listener { get; private set; } = null!;

    /// <summary>Starts the root and the session-tcp listener, answering its bind as Akka.IO would.</summary>
    internal void StartServer(ServerSettings? settings = null)
    {
        settings ??= ServerSettings.Default;
        TcpManager = CreateTestProbe("tcp-manager");
        var udpManager = CreateTestProbe("udp-manager");
        Runtime = new ServerRuntime(settings, TcpManager.Ref, udpManager.Ref, Clock);
        var runtime = Runtime;
        var root = Sys.ActorOf(Props.Create(() => new ServerRoot(runtime)), "server");
        var address = new IPEndPoint(IPAddress.Loopback, 8888);
        root.Tell(new EndpointProtocol.Start(new EndpointSpec("session-tcp", "tcp", ServiceKind.Session, address)), TestActor);
        var bind = TcpManager.ExpectMsg<Tcp.Bind>();
        Assert.Equal(address, bind.LocalAddress);
        Assert.True(bind.PullMode, "the listener must bind in pull mode: handlers decide when the next chunk is read");
        TcpManager.Reply(new Tcp.Bound(address));
        var started = ExpectMsg<EndpointProtocol.Started>();
        Assert.Equal(new ServerEndpoint("session-tcp", "tcp", address), started.Endpoint);
        Listener = started.Actor;
    }

    /// <summary>A new connection: the listener creates its handler, which registers with the probe and asks for the first chunk.</summary>
    internal FakeClient Connect()
    {
        var n = Interlocked.Increment(ref _clients);
        var connection = CreateTestProbe($"connection-{n}");
        Listener.Tell(new Tcp.Connected(new IPEndPoint(IPAddress.Loopback, 40000 + n), new IPEndPoint(IPAddress.Loopback, 8888)), connection.Ref);
        var register = connection.ExpectMsg<Tcp.Register>();
        return new FakeClient(connection, register.Handler);
    }

    /// <summary>Sends a command and returns its one reply line.</summary>
    internal static string Command(FakeClient client, string line)
    {
        client.Send(line + "\n");
        return client.ExpectLine();
    }
}
