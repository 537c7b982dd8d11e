using System.Net;
using System.Net.Sockets;
using ActorEcho.IO.Tests.Leaks;
using ActorEcho.IO.Tests.Support;
using Xunit.Abstractions;

namespace ActorEcho.IO.Tests.Connections;

public sealed class TcpConnectionTests(ITestOutputHelper output) : IOTestBase(output)
{
    [Fact]
    public void Connection_Should_DeliverReceivedAndSendWrites()
    {
        var (listener, endPoint) = Bind(TestActor);
        using var client = ConnectRaw(endPoint);
        var (connection, handler, connected) = AcceptAndRegister(this);
        Assert.Equal(client.LocalEndPoint, connected.RemoteAddress);
        Assert.Equal(endPoint, connected.LocalAddress);

        client.Send("hello"u8);
        Assert.Equal("hello", ByteString.FromOwnedArray(ReceiveBytes(handler, 5)).DecodeString());
        Assert.Equal(connection, handler.LastSender);

        connection.Tell(Tcp.Write.Create(Text("world")), handler.Ref);
        Assert.Equal("world", ByteString.FromOwnedArray(ReadExactly(client, 5)).DecodeString());

        client.Close();
        handler.ExpectMsg<Tcp.PeerClosed>(Patience);
        Unbind(listener);
        AwaitOpenSockets(0);
    }

    [Fact]
    public void Connect_Should_ReplyConnected_And_BothEndsExchangeData()
    {
        var (listener, endPoint) = Bind(TestActor);
        var client = CreateTestProbe();
        TcpManager().Tell(new Tcp.Connect(endPoint), client.Ref);
        var connected = client.ExpectMsg<Tcp.Connected>(Patience);
        Assert.Equal(endPoint, connected.RemoteAddress);
        var clientConnection = client.LastSender;
        clientConnection.Tell(new Tcp.Register(client.Ref), client.Ref);
        var (serverConnection, server, _) = AcceptAndRegister(this);

        clientConnection.Tell(Tcp.Write.Create(Text("ping"), new Ack(1)), client.Ref);
        client.ExpectMsg(new Ack(1), Patience);
        Assert.Equal("ping", ByteString.FromOwnedArray(ReceiveBytes(server, 4)).DecodeString());
        serverConnection.Tell(Tcp.Write.Create(Text("pong")), server.Ref);
        Assert.Equal("pong", ByteString.FromOwnedArray(ReceiveBytes(client, 4)).DecodeString());

        clientConnection.Tell(Tcp.Close.Instance, client.Ref);
        client.ExpectMsg<Tcp.Closed>(Patience);
        server.ExpectMsg<Tcp.PeerClosed>(Patience);
        Unbind(listener);
        AwaitOpenSockets(0);
    }

    [Fact]
    public void Connect_Should_FailWithCause_And_LeakNothing_When_NobodyListens()
    {
        // A port that was just free: nobody listens there now.
        var (listener, endPoint) = Bind(TestActor);
        Unbind(listener);
        var client = CreateTestProbe();
        var connect = new Tcp.Connect(endPoint);
        TcpManager().Tell(connect, client.Ref);
        var failed = client.ExpectMsg<Tcp.CommandFailed>(Patience);
        Assert.Same(connect, failed.Cmd);
        Assert.Equal(SocketError.ConnectionRefused, Assert.IsType<SocketException>(failed.Cause).SocketErrorCode);
        AwaitOpenSockets(0);
    }

    [LinuxFact("needs Linux's full-accept-queue behaviour (SYNs dropped, so the handshake hangs); other systems may refuse at once")]
    public async Task Connect_Should_FailNamingTheTimeout_And_LeakNothing_When_TheHandshakeHangs()
    {
        // A plain listener that never accepts, its accept queue filled by raw clients: Linux then drops
        // further SYNs, so a connect to it hangs (on loopback; nothing leaves the machine).
        using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(LoopbackV4);
        listener.Listen(0);
        var endPoint = (IPEndPoint)listener.LocalEndPoint!;
        var fillers = new List<Socket>();
        try
        {
            var hung = false;
            for (var i = 0; i < 16 && !hung; i++)
            {
                var filler = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                fillers.Add(filler);
                using var wait = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));
                try
                {
                    await filler.ConnectAsync(endPoint, wait.Token);
                }
                catch (OperationCanceledException)
                {
                    hung = true;
                }
            }

            Assert.True(hung, "every raw connect completed, so the accept queue never filled");

            var client = CreateTestProbe();
            var connect = new Tcp.Connect(endPoint, TimeSpan.FromMilliseconds(300));
            var clock = System.Diagnostics.Stopwatch.StartNew();
            TcpManager().Tell(connect, client.Ref);
            var failed = client.ExpectMsg<Tcp.CommandFailed>(Patience);
            Assert.Same(connect, failed.Cmd);
            var timeout = Assert.IsType<TimeoutException>(failed.Cause);
            Assert.Contains("timed out after", timeout.Message, StringComparison.Ordinal);
            Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(250), $"failed after {clock.Elapsed}, before the timeout could have run out");
            AwaitOpenSockets(0);
        }
        finally
        {
            foreach (var filler in fillers)
            {
                filler.Dispose();
            }
        }
    }

    [Fact]
    public void PeerFinBeforeRegister_Should_ReachTheHandler_OnceRegistered()
    {
        var (listener, endPoint) = Bind(TestActor);
        using var client = ConnectRaw(endPoint);
        ExpectMsg<Tcp.Connected>(Patience);
        var connection = LastSender;

        // On loopback the data and the FIN are in the server socket when these calls return.
        client.Send("early"u8);
        client.Shutdown(SocketShutdown.Send);

        var handler = CreateTestProbe();
        connection.Tell(new Tcp.Register(handler.Ref), handler.Ref);
        Assert.Equal("early", ByteString.FromOwnedArray(ReceiveBytes(handler, 5)).DecodeString());
        handler.ExpectMsg<Tcp.PeerClosed>(Patience);
        Assert.Equal("eof", ReadUntilClosed(client));
        Unbind(listener);
        AwaitOpenSockets(0);
    }

    [Fact]
    public void PeerResetBeforeRegister_Should_ReachTheHandler_AsErrorClosed_OnceRegistered()
    {
        var (listener, endPoint) = Bind(TestActor);
        var client = ConnectRaw(endPoint);
        ExpectMsg<Tcp.Connected>(Patience);
        var connection = LastSender;
        client.LingerState = new LingerOption(true, 0);
        client.Close();

        var handler = CreateTestProbe();
        connection.Tell(new Tcp.Register(handler.Ref), handler.Ref);
        var closed = handler.ExpectMsg<Tcp.ErrorClosed>(Patience);
        Assert.False(string.IsNullOrEmpty(closed.Cause));
        handler.ExpectNoMsg(TimeSpan.FromMilliseconds(200));
        Unbind(listener);
        AwaitOpenSockets(0);
    }

    [Fact]
    public void Connection_Should_WorkOverIpv6()
    {
        var (listener, endPoint) = Bind(TestActor, at: LoopbackV6);
        Assert.Equal(IPAddress.IPv6Loopback, endPoint.Address);
        var client = CreateTestProbe();
        TcpManager().Tell(new Tcp.Connect(endPoint), client.Ref);
        var connected = client.ExpectMsg<Tcp.Connected>(Patience);
        Assert.Equal(AddressFamily.InterNetworkV6, connected.LocalAddress.AddressFamily);
        client.LastSender.Tell(new Tcp.Register(client.Ref), client.Ref);
        var (_, server, _) = AcceptAndRegister(this);
        client.LastSender.Tell(Tcp.Write.Create(Text("v6")), client.Ref);
        Assert.Equal("v6", ByteString.FromOwnedArray(ReceiveBytes(server, 2)).DecodeString());
        Unbind(listener);
    }

    [Fact]
    public void WritesBeforeRegister_Should_BeKeptAndSentInOrder()
    {
        var (listener, endPoint) = Bind(TestActor);
        using var client = ConnectRaw(endPoint);
        ExpectMsg<Tcp.Connected>(Patience);
        var connection = LastSender;
        connection.Tell(Tcp.Write.Create(Text("one "), new Ack(1)), TestActor);
        connection.Tell(Tcp.Write.Create(Text("two "), new Ack(2)), TestActor);
        var handler = CreateTestProbe();
        connection.Tell(new Tcp.Register(handler.Ref), handler.Ref);
        connection.Tell(Tcp.Write.Create(Text("three")), handler.Ref);
        ExpectMsg(new Ack(1), Patience);
        ExpectMsg(new Ack(2), Patience);
        Assert.Equal("one two three", ByteString.FromOwnedArray(ReadExactly(client, 13)).DecodeString());
        Unbind(listener);
    }

    [Fact]
    public void Connection_Should_CloseSocketAndLog_When_NoRegisterArrivesInTime()
    {
        var settings = TcpSettings.Default with { RegisterTimeout = TimeSpan.FromMilliseconds(200) };
        var (listener, endPoint) = Bind(TestActor, settings);
        using var client = ConnectRaw(endPoint);
        ExpectMsg<Tcp.Connected>(Patience);
        Watch(LastSender);
        ExpectTerminated(LastSender, Patience);
        Assert.Equal("eof", ReadUntilClosed(client));
        Unbind(listener);
        AwaitOpenSockets(0);
    }

    [Fact]
    public void Connection_Should_AbortSocket_When_HandlerDies()
    {
        var (listener, endPoint) = Bind(TestActor);
        using var client = ConnectRaw(endPoint);
        var (connection, handler, _) = AcceptAndRegister(this);
        Watch(connection);
        Sys.Stop(handler.Ref);
        ExpectTerminated(connection, Patience);
        Assert.Equal("reset", ReadUntilClosed(client));
        Unbind(listener);
        AwaitOpenSockets(0);
    }

    [Fact]
    public void FailingConnectionActor_Should_CloseOnlyItsOwnSocket()
    {
        var (listener, endPoint) = Bind(TestActor);
        using var broken = ConnectRaw(endPoint);
        var (brokenConnection, _, _) = AcceptAndRegister(this);
        using var healthy = ConnectRaw(endPoint);
        var (healthyConnection, healthyHandler, _) = AcceptAndRegister(this);

        // A malformed command makes the connection actor throw; its supervisor stops it.
        Watch(brokenConnection);
        brokenConnection.Tell(new Tcp.CompoundWrite(null!), TestActor);
        ExpectTerminated(brokenConnection, Patience);
        Assert.NotEqual("data", ReadUntilClosed(broken));

        healthy.Send("ok"u8);
        Assert.Equal("ok", ByteString.FromOwnedArray(ReceiveBytes(healthyHandler, 2)).DecodeString());
        healthyConnection.Tell(Tcp.Close.Instance, healthyHandler.Ref);
        healthyHandler.ExpectMsg<Tcp.Closed>(Patience);
        Unbind(listener);
        AwaitOpenSockets(0);
    }

    [Fact]
    public void SystemShutdown_Should_CloseEverySocket()
    {
        var (_, endPoint) = Bind(TestActor);
        using var client = ConnectRaw(endPoint);
        AcceptAndRegister(this);
        Assert.Equal(2, OpenSockets);

        Shutdown(Sys);
        Assert.Equal(0, OpenSockets);
        var seen = ReadUntilClosed(client);
        Assert.True(seen is "eof" or "reset", seen);
    }

    [Fact]
    public void Connection_Should_GatherQueuedWrites_And_AckEachInOrder()
    {
        var (listener, endPoint) = Bind(TestActor);
        using var client = ConnectRaw(endPoint);
        var (connection, handler, _) = AcceptAndRegister(this);
        const int count = 200;
        for (var i = 0; i < count; i++)
        {
            connection.Tell(Tcp.Write.Create(Text($"{i:D4}"), new Ack(i)), handler.Ref);
        }

        var acks = handler.ReceiveN(count, Patience).Cast<Ack>().Select(a => a.Sequence).ToList();
        Assert.Equal(Enumerable.Range(0, count), acks);

        var text = ByteString.FromOwnedArray(ReadExactly(client, 4 * count)).DecodeString();
        Assert.Equal(string.Concat(Enumerable.Range(0, count).Select(i => $"{i:D4}")), text);

        // A compound write is one admission with an ack per part; an empty write acks "all before me sent".
        connection.Tell(Tcp.WriteCommand.Create([Tcp.Write.Create(Text("ab"), new Ack(1000)), Tcp.Write.Create(Text("cd"), new Ack(1001))]), handler.Ref);
        connection.Tell(Tcp.Write.Empty with { Ack = new Ack(1002) }, handler.Ref);
        handler.ExpectMsg(new Ack(1000), Patience);
        handler.ExpectMsg(new Ack(1001), Patience);
        handler.ExpectMsg(new Ack(1002), Patience);
        Assert.Equal("abcd", ByteString.FromOwnedArray(ReadExactly(client, 4)).DecodeString());
        Unbind(listener);
    }

    [Fact]
    public void GatheredWrites_Should_StayInOrder_AcrossDrainedQueues()
    {
        var (listener, endPoint) = Bind(TestActor);
        using var client = ConnectRaw(endPoint);
        var (connection, handler, _) = AcceptAndRegister(this);

        // Each compound write is queued whole and gathered into sends of up to 64 segments; the queue
        // drains between rounds, so later rounds run on a fresh (or kept) segment list. Single writes
        // in between take the path that needs no list at all.
        const int rounds = 3;
        const int parts = 70;
        var expected = new System.Text.StringBuilder();
        for (var round = 0; round < rounds; round++)
        {
            var writes = Enumerable.Range(0, parts).Select(i => Tcp.Write.Create(Text($"{round}{i:D3}"), new Ack((round * 1000) + i)));
            connection.Tell(Tcp.WriteCommand.Create(writes), handler.Ref);
            var acks = handler.ReceiveN(parts, Patience).Cast<Ack>().Select(a => a.Sequence).ToList();
            Assert.Equal(Enumerable.Range(round * 1000, parts), acks);

            connection.Tell(Tcp.Write.Create(Text($"single{round}"), new Ack(-1 - round)), handler.Ref);
            handler.ExpectMsg(new Ack(-1 - round), Patience);
            for (var i = 0; i < parts; i++)
            {
                expected.Append(round).Append(i.ToString("D3", System.Globalization.CultureInfo.InvariantCulture));
            }

            expected.Append("single").Append(round);
        }

        var text = ByteString.FromOwnedArray(ReadExactly(client, expected.Length)).DecodeString();
        Assert.Equal(expected.ToString(), text);
        Unbind(listener);
    }

    [Fact]
    public void LargeWrite_Should_ArriveIntactAndInOrder()
    {
        var (listener, endPoint) = Bind(TestActor);
        using var client = ConnectRaw(endPoint);
        var (connection, handler, _) = AcceptAndRegister(this);
        const int size = 32 * 1024 * 1024;
        var payload = new byte[size];
        for (var i = 0; i < size; i += 4)
        {
            BitConverter.TryWriteBytes(payload.AsSpan(i), i);
        }

        // One write larger than max-pending-write-bytes is accepted when nothing else is pending.
        connection.Tell(Tcp.Write.Create(ByteString.FromOwnedArray(payload), new Ack(1)), handler.Ref);
        var received = ReadExactly(client, size);
        handler.ExpectMsg(new Ack(1), Patience);
        Assert.True(payload.AsSpan().SequenceEqual(received), "the 32 MiB payload arrived altered");
        Unbind(listener);
    }
}
