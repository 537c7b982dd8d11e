using System.Net;
using System.Net.Sockets;
using ActorEcho.IO.Sockets;
using Xunit.Abstractions;

namespace ActorEcho.IO.Tests.Leaks;

[CollectionDefinition(nameof(FileDescriptorCollection), DisableParallelization = true)]
public sealed class FileDescriptorCollection;

/// <summary>
/// Counts the process's open file descriptors around every failure path, so a socket the layer
/// forgot (not just one it forgot to count) shows up. Runs alone so other tests' sockets do not blur it.
/// </summary>
[Collection(nameof(FileDescriptorCollection))]
public sealed class FileDescriptorTests(ITestOutputHelper output) : TestKit.TestKit(output)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private static int OpenDescriptors() => Directory.GetFiles("/proc/self/fd").Length;

    [LinuxFact]
    public void EveryClosePath_Should_LeaveNoDescriptorOpen()
    {
        // The first run warms up what the runtime keeps for the process (socket engine, thread pool).
        RunScenario();
        var baseline = OpenDescriptors();
        RunScenario();
        AwaitCondition(() => OpenDescriptors() <= baseline, Patience, $"descriptors back to {baseline}");
    }

    private void RunScenario()
    {
        var system = ActorSystem.Create("fd-" + Guid.NewGuid().ToString("N")[..8], ActorSystemSettings.Default with
        {
            CoordinatedShutdown = ActorSystemSettings.Default.CoordinatedShutdown with { RunByProcessExit = false },
        });
        var tcp = system.Tcp(TcpSettings.Default with { RegisterTimeout = TimeSpan.FromMilliseconds(200) });
        var probe = CreateTestProbe();
        var bindHandler = CreateTestProbe();
        tcp.Tell(new Tcp.Bind(bindHandler.Ref, new IPEndPoint(IPAddress.Loopback, 0)), probe.Ref);
        var endPoint = (IPEndPoint)probe.ExpectMsg<Tcp.Bound>(Patience).LocalAddress;

        // A failed connect (nothing listens on a port we just freed).
        tcp.Tell(new Tcp.Bind(bindHandler.Ref, new IPEndPoint(IPAddress.Loopback, 0)), probe.Ref);
        var freed = (IPEndPoint)probe.ExpectMsg<Tcp.Bound>(Patience).LocalAddress;
        probe.LastSender.Tell(Tcp.Unbind.Instance, probe.Ref);
        probe.ExpectMsg<Tcp.Unbound>(Patience);
        tcp.Tell(new Tcp.Connect(freed), probe.Ref);
        probe.ExpectMsg<Tcp.CommandFailed>(Patience);

        // A bind that fails (busy port).
        tcp.Tell(new Tcp.Bind(bindHandler.Ref, endPoint), probe.Ref);
        probe.ExpectMsg<Tcp.CommandFailed>(Patience);

        using var timedOut = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        timedOut.Connect(endPoint);
        bindHandler.ExpectMsg<Tcp.Connected>(Patience);

        // Abort, handler death and a crashing connection actor.
        foreach (var ending in new[] { "abort", "handler-death", "crash", "left-open" })
        {
            var client = CreateTestProbe();
            tcp.Tell(new Tcp.Connect(endPoint), client.Ref);
            client.ExpectMsg<Tcp.Connected>(Patience);
            var connection = client.LastSender;

            // The handler lives in the system under test, so DeathWatch stays within one system.
            var handler = system.ActorOf(Props.Create(() => new Forwarder(client.Ref)));
            connection.Tell(new Tcp.Register(handler), handler);
            bindHandler.ExpectMsg<Tcp.Connected>(Patience);
            var serverSide = bindHandler.LastSender;
            var serverHandler = CreateTestProbe();
            serverSide.Tell(new Tcp.Register(serverHandler.Ref), serverHandler.Ref);
            switch (ending)
            {
                case "abort":
                    connection.Tell(Tcp.Abort.Instance, client.Ref);
                    client.ExpectMsg<Tcp.Aborted>(Patience);
                    break;
                case "handler-death":
                    system.Stop(handler);
                    break;
                case "crash":
                    connection.Tell(new Tcp.CompoundWrite(null!), client.Ref);
                    break;
            }
        }

        // UDP: a bound socket and a simple sender.
        system.Udp().Tell(new Udp.Bind(probe.Ref, new IPEndPoint(IPAddress.Loopback, 0)), probe.Ref);
        probe.ExpectMsg<Udp.Bound>(Patience);
        system.Udp().Tell(Udp.SimpleSender.Instance, probe.Ref);
        probe.ExpectMsg<Udp.SimpleSenderReady>(Patience);
        Assert.True(SocketTracker.For(system).OpenCount > 0);

        // System shutdown closes whatever is still open: the listener, live connections, UDP sockets.
        system.Terminate().Wait(Patience);
        Assert.True(system.WhenTerminated.IsCompleted, "the system did not terminate");
        Assert.Equal(0, SocketTracker.For(system).OpenCount);
    }

    private sealed class Forwarder(IActorRef target) : UntypedActor
    {
        protected override void OnReceive(object message) => target.Forward(message);
    }
}
