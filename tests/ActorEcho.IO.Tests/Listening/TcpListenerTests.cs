using System.Net;
using System.Net.Sockets;
using ActorEcho.IO.Tests.Support;
using Xunit.Abstractions;

namespace ActorEcho.IO.Tests.Listening;

public sealed class TcpListenerTests(ITestOutputHelper output) : IOTestBase(output)
{
    [Fact]
    public void Bind_Should_ReplyBoundWithRealPort_And_UnbindThenRebindSamePort()
    {
        var (listener, endPoint) = Bind(TestActor);
        Assert.Equal(IPAddress.Loopback, endPoint.Address);
        Assert.Equal(1, OpenSockets);

        Unbind(listener);
        AwaitOpenSockets(0);

        // The port is free again: the same port binds at once.
        var (again, endPoint2) = Bind(TestActor, at: endPoint);
        Assert.Equal(endPoint.Port, endPoint2.Port);
        Unbind(again);
        AwaitOpenSockets(0);
    }

    [Fact]
    public void Bind_Should_FailWithCause_When_PortIsBusy()
    {
        var (listener, endPoint) = Bind(TestActor);
        var commander = CreateTestProbe();
        var bind = new Tcp.Bind(TestActor, endPoint);
        TcpManager().Tell(bind, commander.Ref);

        var failed = commander.ExpectMsg<Tcp.CommandFailed>(Patience);
        Assert.Same(bind, failed.Cmd);
        var cause = Assert.IsType<SocketException>(failed.Cause);
        Assert.Equal(SocketError.AddressAlreadyInUse, cause.SocketErrorCode);

        // The first listener is unharmed and the failed one left nothing open.
        using var client = ConnectRaw(endPoint);
        ExpectMsg<Tcp.Connected>(Patience);
        Unbind(listener);
        AwaitCondition(() => OpenSockets <= 1, Patience);
    }

    [Fact]
    public void Bind_Should_FailWithCause_When_EndPointIsNotIp()
    {
        var commander = CreateTestProbe();
        var bind = new Tcp.Bind(TestActor, new DnsEndPoint("localhost", 0));
        TcpManager().Tell(bind, commander.Ref);
        var failed = commander.ExpectMsg<Tcp.CommandFailed>(Patience);
        Assert.IsType<ArgumentException>(failed.Cause);
        AwaitOpenSockets(0);
    }

    [Fact]
    public void Listener_Should_StopAndFreePort_When_BindHandlerDies()
    {
        var bindHandler = CreateTestProbe();
        var (listener, endPoint) = Bind(bindHandler.Ref);
        Watch(listener);
        Sys.Stop(bindHandler.Ref);
        ExpectTerminated(listener, Patience);
        AwaitOpenSockets(0);

        var (again, _) = Bind(TestActor, at: endPoint);
        Unbind(again);
    }

    [Fact]
    public void Unbind_Should_LeaveExistingConnectionsOpen()
    {
        var (listener, endPoint) = Bind(TestActor);
        using var client = ConnectRaw(endPoint);
        var (connection, handler, _) = AcceptAndRegister(this);
        Unbind(listener);

        client.Send("still here"u8);
        Assert.Equal("still here", ByteString.FromBytes(ReceiveBytes(handler, 10)).DecodeString());
        connection.Tell(Tcp.Close.Instance, handler.Ref);
        handler.ExpectMsg<Tcp.Closed>(Patience);
        AwaitOpenSockets(0);
    }

    [Fact]
    public void PullModeListener_Should_AcceptOnlyAfterResumeAccepting()
    {
        var (listener, endPoint) = Bind(TestActor, pullMode: true);
        using var first = ConnectRaw(endPoint);
        using var second = ConnectRaw(endPoint);

        // The kernel completed both handshakes, but the layer accepts nothing until asked.
        ExpectNoMsg(TimeSpan.FromMilliseconds(300));
        listener.Tell(new Tcp.ResumeAccepting(1));
        ExpectMsg<Tcp.Connected>(Patience);
        ExpectNoMsg(TimeSpan.FromMilliseconds(300));
        listener.Tell(new Tcp.ResumeAccepting(1));
        ExpectMsg<Tcp.Connected>(Patience);

        Unbind(listener);
    }

    [Fact]
    public void Listener_Should_OfferConnectionsOverMaxConnectionsAsOverLimit_So_HandlerCanRefuse()
    {
        var settings = TcpSettings.Default with { MaxConnections = 2, RegisterTimeout = TimeSpan.FromSeconds(3) };
        var (listener, endPoint) = Bind(TestActor, settings);
        using var c1 = ConnectRaw(endPoint);
        var (_, _, connected1) = AcceptAndRegister(this);
        using var c2 = ConnectRaw(endPoint);
        var (_, _, connected2) = AcceptAndRegister(this);
        Assert.False(connected1.OverLimit);
        Assert.False(connected2.OverLimit);

        using var c3 = ConnectRaw(endPoint);
        var connected3 = ExpectMsg<Tcp.Connected>(Patience);
        Assert.True(connected3.OverLimit);
        var refused = LastSender;
        var refusalHandler = CreateTestProbe();
        refused.Tell(new Tcp.Register(refusalHandler.Ref), refusalHandler.Ref);
        refused.Tell(Tcp.Write.Create(Text("server full\n")), refusalHandler.Ref);
        refused.Tell(Tcp.Close.Instance, refusalHandler.Ref);
        refusalHandler.ExpectMsg<Tcp.Closed>(Patience);
        Assert.Equal("server full\n", ByteString.FromOwnedArray(ReadToEnd(c3)).DecodeString());

        // Closing one regular connection frees a slot for the next client.
        c1.Shutdown(SocketShutdown.Both);
        c1.Close();
        AwaitCondition(() => OpenSockets == 2, Patience, "listener + the second connection (the refused one and the first are closed)");
        using var c4 = ConnectRaw(endPoint);
        var connected4 = ExpectMsg<Tcp.Connected>(Patience);
        Assert.False(connected4.OverLimit);
        Unbind(listener);
    }

    [Fact]
    public void OverLimitConnection_Should_BeClosedAfterRegisterTimeout_EvenWhenRegistered()
    {
        var settings = TcpSettings.Default with { MaxConnections = 1, RegisterTimeout = TimeSpan.FromMilliseconds(300) };
        var (listener, endPoint) = Bind(TestActor, settings);
        using var c1 = ConnectRaw(endPoint);
        AcceptAndRegister(this);
        using var c2 = ConnectRaw(endPoint);
        var (_, handler, connected) = AcceptAndRegister(this);
        Assert.True(connected.OverLimit);
        handler.ExpectMsg<Tcp.Closed>(Patience);
        Assert.Equal("eof", ReadUntilClosed(c2));
        Unbind(listener);
    }
}
