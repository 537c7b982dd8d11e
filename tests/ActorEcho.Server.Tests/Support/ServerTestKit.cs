using System.Net;
using ActorEcho.IO;
using ActorEcho.Server.Runtime;
using ActorEcho.Server.Tests.Protocol;
using ActorEcho.TestKit;
using Xunit.Abstractions;

namespace ActorEcho.Server.Tests.Support;

/// <summary>
/// A server without sockets: the real root, hub and session listener, with probes for the TCP and
/// UDP managers and for each connection (<see cref="FakeClient"/>). Runs on virtual time (the
/// TestKit's <see cref="TestScheduler"/>) so idle and close timeouts fire only when a test advances
/// the clock, and wall-clock replies read a <see cref="ManualTimeProvider"/>.
/// </summary>
public abstract class ServerTestKit : TestKit.TestKit
{
    /// <summary>The instant <see cref="Clock"/> starts at: 2026-11-21T10:15:30.123Z.</summary>
    protected static readonly DateTimeOffset StartTime = new(2026, 11, 21, 10, 15, 30, 123, TimeSpan.Zero);

    private int _clients;

    protected ServerTestKit(ITestOutputHelper output)
        : base(new TestKitOptions { UseTestScheduler = true }, output)
    {
    }

    internal ManualTimeProvider Clock { get; } = new(StartTime);

    internal TestScheduler Scheduler => (TestScheduler)Sys.Scheduler;

    internal ServerRuntime Runtime { get; private set; } = null!;

    internal TestProbe TcpManager { get; private set; } = null!;

    internal IActorRef Listener { get; private set; } = null!;

    /// <summary>
    /// Starts the root and the session-tcp listener, answering its bind. Leasing implies writes that
    /// are never refused (as in the real server); <paramref name="writesNeverRefused"/> alone gives
    /// sparse acks without leases.
    /// </summary>
    internal void StartServer(ServerSettings? settings = null, bool leaseReceiveBuffers = false, bool writesNeverRefused = false)
    {
        settings ??= ServerSettings.Default;
        TcpManager = CreateTestProbe("tcp-manager");
        var udpManager = CreateTestProbe("udp-manager");
        Runtime = new ServerRuntime(settings, TcpManager.Ref, udpManager.Ref, Clock, LoggerFactory.CreateLogger("ActorEcho.Server"))
        {
            LeaseReceiveBuffers = leaseReceiveBuffers,
            WritesNeverRefused = writesNeverRefused || leaseReceiveBuffers,
        };
        var runtime = Runtime;
        var root = Sys.ActorOf(Props.Create(() => new ServerRoot(runtime)), "server");
        var address = new IPEndPoint(IPAddress.Loopback, 8888);
        root.Tell(new EndpointProtocol.Start(new EndpointSpec("session-tcp", "tcp", ServiceKind.Session, address)), TestActor);
        var bind = TcpManager.ExpectMsg<Tcp.Bind>();
        Assert.Equal(address, bind.LocalAddress);
        TcpManager.Reply(new Tcp.Bound(address));
        var started = ExpectMsg<EndpointProtocol.Started>();
        Assert.Equal(new ServerEndpoint("session-tcp", "tcp", address), started.Endpoint);
        Listener = started.Actor;
    }

    /// <summary>A new connection: the listener creates its handler, which registers with the probe.</summary>
    internal FakeClient Connect(bool overLimit = false)
    {
        var n = Interlocked.Increment(ref _clients);
        var connection = CreateTestProbe($"connection-{n}");
        Listener.Tell(new Tcp.Connected(new IPEndPoint(IPAddress.Loopback, 40000 + n), new IPEndPoint(IPAddress.Loopback, 8888), overLimit), connection.Ref);
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
