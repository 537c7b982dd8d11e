using System.Net;
using System.Net.Sockets;
using ActorEcho.IO.Tests.Support;
using Xunit.Abstractions;

namespace ActorEcho.IO.Tests.Datagrams;

public sealed class UdpTests(ITestOutputHelper output) : IOTestBase(output)
{
    private (IActorRef Socket, IPEndPoint EndPoint) UdpBind(IActorRef handler, EndPoint? at = null, UdpSettings? settings = null)
    {
        var commander = CreateTestProbe();
        (settings is null ? Sys.Udp() : Sys.Udp(settings)).Tell(new Udp.Bind(handler, at ?? LoopbackV4), commander.Ref);
        var bound = commander.ExpectMsg<Udp.Bound>(Patience);
        var endPoint = (IPEndPoint)bound.LocalAddress;
        Assert.NotEqual(0, endPoint.Port);
        return (commander.LastSender, endPoint);
    }

    private void UdpUnbind(IActorRef socket)
    {
        var probe = CreateTestProbe();
        socket.Tell(Udp.Unbind.Instance, probe.Ref);
        probe.ExpectMsg<Udp.Unbound>(Patience);
    }

    [Fact]
    public void SimpleSender_Should_SendDatagramsThatTheBoundSocketReceives()
    {
        var (socket, endPoint) = UdpBind(TestActor);
        var sender = CreateTestProbe();
        Sys.Udp().Tell(Udp.SimpleSender.Instance, sender.Ref);
        sender.ExpectMsg<Udp.SimpleSenderReady>(Patience);
        sender.LastSender.Tell(new Udp.Send(Text("hello"), endPoint, new Ack(1)), sender.Ref);
        sender.ExpectMsg(new Ack(1), Patience);
        var received = ExpectMsg<Udp.Received>(Patience);
        Assert.Equal("hello", received.Data.DecodeString());
        Assert.Equal(socket, LastSender);

        UdpUnbind(socket);
        Sys.Stop(sender.Ref);
        AwaitOpenSockets(0);
    }

    [Fact]
    public void BoundSockets_Should_RoundTripWithSenderAddress()
    {
        var a = CreateTestProbe();
        var b = CreateTestProbe();
        var (socketA, endPointA) = UdpBind(a.Ref);
        var (socketB, endPointB) = UdpBind(b.Ref);
        socketA.Tell(Udp.Send.Create(Text("ping"), endPointB), a.Ref);
        var ping = b.ExpectMsg<Udp.Received>(Patience);
        Assert.Equal(endPointA, ping.Sender);
        socketB.Tell(Udp.Send.Create(Text("pong"), ping.Sender), b.Ref);
        Assert.Equal("pong", a.ExpectMsg<Udp.Received>(Patience).Data.DecodeString());

        UdpUnbind(socketA);
        UdpUnbind(socketB);
        AwaitOpenSockets(0);

        // The port is free again.
        var (again, endPointAgain) = UdpBind(TestActor, endPointA);
        Assert.Equal(endPointA, endPointAgain);
        UdpUnbind(again);
    }

    [Fact]
    public void Datagrams_Of60KiB_Should_ArriveWhole()
    {
        var (socket, endPoint) = UdpBind(TestActor);
        var payload = new byte[60 * 1024];
        Random.Shared.NextBytes(payload);
        socket.Tell(new Udp.Send(ByteString.CopyFrom(payload), endPoint, new Ack(1)), TestActor);
        var first = ReceiveOne(Patience);
        var second = ReceiveOne(Patience);
        var received = new[] { first, second }.OfType<Udp.Received>().Single();
        Assert.Contains(first, new object[] { new Ack(1), received });
        Assert.True(payload.AsSpan().SequenceEqual(received.Data.Span));
        UdpUnbind(socket);
    }

    [Fact]
    public void OversizedDatagrams_Should_NeverBeDeliveredTruncated()
    {
        var settings = UdpSettings.Default with { MaxDatagramSize = 1024 };
        var (socket, endPoint) = UdpBind(TestActor, settings: settings);
        using var raw = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        raw.SendTo(new byte[2000], endPoint);
        raw.SendTo(new byte[1024], endPoint);
        var received = ExpectMsg<Udp.Received>(Patience);
        Assert.Equal(1024, received.Data.Count);
        ExpectNoMsg(TimeSpan.FromMilliseconds(200));

        // And we refuse to send one bigger than the setting rather than have it cut.
        var tooBig = Udp.Send.Create(ByteString.CopyFrom(new byte[1025]), endPoint);
        socket.Tell(tooBig, TestActor);
        Assert.Same(tooBig, ExpectMsg<Udp.CommandFailed>(Patience).Cmd);
        UdpUnbind(socket);
    }

    [Fact]
    public void PortUnreachable_Should_NotKillTheSocket()
    {
        var (socket, endPoint) = UdpBind(TestActor);
        EndPoint closedPort;
        using (var gone = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp))
        {
            gone.Bind(LoopbackV4);
            closedPort = gone.LocalEndPoint!;
        }

        // Each send to the closed port draws an ICMP port unreachable.
        for (var i = 0; i < 3; i++)
        {
            socket.Tell(new Udp.Send(Text("anyone?"), closedPort, new Ack(i)), TestActor);
            ExpectMsg(new Ack(i), Patience);
        }

        using var raw = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        raw.SendTo("still alive"u8.ToArray(), endPoint);
        Assert.Equal("still alive", ExpectMsg<Udp.Received>(Patience).Data.DecodeString());
        UdpUnbind(socket);
    }

    [Fact]
    public void Udp_Should_WorkOverIpv6()
    {
        var a = CreateTestProbe();
        var (socketA, endPointA) = UdpBind(a.Ref, LoopbackV6);
        var (socketB, endPointB) = UdpBind(TestActor, LoopbackV6);
        Assert.Equal(IPAddress.IPv6Loopback, endPointA.Address);
        socketA.Tell(Udp.Send.Create(Text("v6"), endPointB), a.Ref);
        var received = ExpectMsg<Udp.Received>(Patience);
        Assert.Equal("v6", received.Data.DecodeString());
        Assert.Equal(endPointA, received.Sender);
        UdpUnbind(socketA);
        UdpUnbind(socketB);
    }

    [Fact]
    public void Bind_Should_FailWithCause_When_PortIsBusy()
    {
        var (socket, endPoint) = UdpBind(TestActor);
        var bind = new Udp.Bind(TestActor, endPoint);
        Sys.Udp().Tell(bind, TestActor);
        var failed = ExpectMsg<Udp.CommandFailed>(Patience);
        Assert.Same(bind, failed.Cmd);
        Assert.Equal(SocketError.AddressAlreadyInUse, Assert.IsType<SocketException>(failed.Cause).SocketErrorCode);
        UdpUnbind(socket);
        AwaitOpenSockets(0);
    }

    [Fact]
    public void Socket_Should_Close_When_HandlerDies()
    {
        var handler = CreateTestProbe();
        var (socket, _) = UdpBind(handler.Ref);
        Watch(socket);
        Sys.Stop(handler.Ref);
        ExpectTerminated(socket, Patience);
        AwaitOpenSockets(0);
    }
}
