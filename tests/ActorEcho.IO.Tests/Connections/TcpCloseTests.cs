using System.Net.Sockets;
using ActorEcho.IO.Tests.Support;
using Xunit.Abstractions;

namespace ActorEcho.IO.Tests.Connections;

public sealed class TcpCloseTests(ITestOutputHelper output) : IOTestBase(output)
{
    [Fact]
    public void Close_Should_FlushThenFin_And_ReplyClosed()
    {
        var (listener, endPoint) = Bind(TestActor);
        using var client = ConnectRaw(endPoint);
        var (connection, handler, _) = AcceptAndRegister(this);
        connection.Tell(Tcp.Write.Create(Text("bye")), handler.Ref);
        connection.Tell(Tcp.Close.Instance, handler.Ref);
        handler.ExpectMsg<Tcp.Closed>(Patience);
        Assert.Equal("bye", ByteString.FromOwnedArray(ReadToEnd(client)).DecodeString());

        Unbind(listener);
        AwaitOpenSockets(0);
    }

    [Fact]
    public void WriteAfterClose_Should_BeAnsweredCommandFailed()
    {
        // A write larger than both kernel buffers and a client that does not read yet keep the flush
        // stalled, so the connection is still closing when the next write arrives.
        var (listener, endPoint) = Bind(TestActor);
        using var client = ConnectRaw(endPoint);
        var (connection, handler, _) = AcceptAndRegister(this);
        var big = Tcp.Write.Create(ByteString.FromOwnedArray(new byte[32 * 1024 * 1024]));
        connection.Tell(big, handler.Ref);
        connection.Tell(Tcp.Close.Instance, handler.Ref);
        var late = Tcp.Write.Create(Text("late"));
        connection.Tell(late, handler.Ref);
        var failed = handler.ExpectMsg<Tcp.CommandFailed>(Patience);
        Assert.Same(late, failed.Cmd);
        Assert.Equal(32 * 1024 * 1024, ReadToEnd(client).Length);
        handler.ExpectMsg<Tcp.Closed>(Patience);
        Unbind(listener);
        AwaitOpenSockets(0);
    }

    [Fact]
    public void ConfirmedClose_Should_HalfCloseAndWaitForPeerFin()
    {
        var (listener, endPoint) = Bind(TestActor);
        using var client = ConnectRaw(endPoint);
        var (connection, handler, _) = AcceptAndRegister(this);
        connection.Tell(Tcp.Write.Create(Text("last words")), handler.Ref);
        connection.Tell(Tcp.ConfirmedClose.Instance, handler.Ref);

        // The client sees our FIN after the data, and may still talk before closing its side.
        Assert.Equal("last words", ByteString.FromOwnedArray(ReadToEnd(client)).DecodeString());
        handler.ExpectNoMsg(TimeSpan.FromMilliseconds(200));
        client.Send("reply"u8);
        Assert.Equal("reply", ByteString.FromOwnedArray(ReceiveBytes(handler, 5)).DecodeString());
        client.Shutdown(SocketShutdown.Send);
        handler.ExpectMsg<Tcp.ConfirmedClosed>(Patience);
        Unbind(listener);
        AwaitOpenSockets(0);
    }

    [Fact]
    public void ConfirmedClose_Should_WaitForAPeerThatNeverSendsFin_And_AbortStillEndsIt()
    {
        var (listener, endPoint) = Bind(TestActor);
        using var client = ConnectRaw(endPoint);
        var (connection, handler, _) = AcceptAndRegister(this);
        connection.Tell(Tcp.Write.Create(Text("bye")), handler.Ref);
        connection.Tell(Tcp.ConfirmedClose.Instance, handler.Ref);

        // Our FIN is out, but the peer keeps its side open: the connection waits, with no timeout of its own.
        client.ReceiveTimeout = (int)TimeSpan.FromSeconds(2).TotalMilliseconds;
        Assert.Equal("bye", ByteString.FromOwnedArray(ReadToEnd(client)).DecodeString());
        handler.ExpectNoMsg(TimeSpan.FromMilliseconds(300));
        Assert.Equal(2, OpenSockets); // the listener and the waiting connection

        connection.Tell(Tcp.Abort.Instance, handler.Ref);
        handler.ExpectMsg<Tcp.Aborted>(Patience);
        handler.ExpectNoMsg(TimeSpan.FromMilliseconds(200));

        // The client already read our FIN, so reads keep saying EOF; the reset shows on its next send.
        Assert.Throws<SocketException>(() => client.Send("still here?"u8));
        Unbind(listener);
        AwaitOpenSockets(0);
    }

    [Fact]
    public void Abort_Should_ResetAtOnce_And_ReplyAborted()
    {
        var (listener, endPoint) = Bind(TestActor);
        using var client = ConnectRaw(endPoint);
        var (connection, handler, _) = AcceptAndRegister(this);
        connection.Tell(Tcp.Abort.Instance, handler.Ref);
        handler.ExpectMsg<Tcp.Aborted>(Patience);
        Assert.Equal("reset", ReadUntilClosed(client));
        Unbind(listener);
        AwaitOpenSockets(0);
    }

    [Fact]
    public void PeerFin_Should_ReportPeerClosed_AndCloseByDefault()
    {
        var (listener, endPoint) = Bind(TestActor);
        using var client = ConnectRaw(endPoint);
        var (connection, handler, _) = AcceptAndRegister(this);
        Watch(connection);
        client.Shutdown(SocketShutdown.Send);
        handler.ExpectMsg<Tcp.PeerClosed>(Patience);
        ExpectTerminated(connection, Patience);
        Assert.Equal("eof", ReadUntilClosed(client));
        Unbind(listener);
        AwaitOpenSockets(0);
    }

    [Fact]
    public void PeerFin_Should_KeepConnectionWritable_When_KeepOpenOnPeerClosed()
    {
        var (listener, endPoint) = Bind(TestActor);
        using var client = ConnectRaw(endPoint);
        var (connection, handler, _) = AcceptAndRegister(this, keepOpenOnPeerClosed: true);
        client.Send("question"u8);
        client.Shutdown(SocketShutdown.Send);
        ReceiveBytes(handler, 8);
        handler.ExpectMsg<Tcp.PeerClosed>(Patience);

        connection.Tell(Tcp.Write.Create(Text("answer"), new Ack(1)), handler.Ref);
        handler.ExpectMsg(new Ack(1), Patience);
        connection.Tell(Tcp.Close.Instance, handler.Ref);
        handler.ExpectMsg<Tcp.Closed>(Patience);
        Assert.Equal("answer", ByteString.FromOwnedArray(ReadToEnd(client)).DecodeString());
        Unbind(listener);
        AwaitOpenSockets(0);
    }

    [Fact]
    public void PeerReset_Should_ReportErrorClosed()
    {
        var (listener, endPoint) = Bind(TestActor);
        var client = ConnectRaw(endPoint);
        var (_, handler, _) = AcceptAndRegister(this);
        client.LingerState = new LingerOption(true, 0);
        client.Close();
        var closed = handler.ExpectMsg<Tcp.ErrorClosed>(Patience);
        Assert.False(string.IsNullOrEmpty(closed.Cause));
        Unbind(listener);
        AwaitOpenSockets(0);
    }

    [Fact]
    public void CloseModes_Should_BeSeenFromTheOtherLayerEnd()
    {
        var (listener, endPoint) = Bind(TestActor);
        (IActorRef Connection, TestKit.TestProbe Probe) Client()
        {
            var probe = CreateTestProbe();
            TcpManager().Tell(new Tcp.Connect(endPoint), probe.Ref);
            probe.ExpectMsg<Tcp.Connected>(Patience);
            var connection = probe.LastSender;
            connection.Tell(new Tcp.Register(probe.Ref), probe.Ref);
            return (connection, probe);
        }

        // Close on one end is PeerClosed on the other.
        var (c1, p1) = Client();
        var (_, s1, _) = AcceptAndRegister(this);
        c1.Tell(Tcp.Close.Instance, p1.Ref);
        p1.ExpectMsg<Tcp.Closed>(Patience);
        s1.ExpectMsg<Tcp.PeerClosed>(Patience);

        // Abort on one end is ErrorClosed (reset) on the other.
        var (c2, p2) = Client();
        var (_, s2, _) = AcceptAndRegister(this);
        c2.Tell(Tcp.Abort.Instance, p2.Ref);
        p2.ExpectMsg<Tcp.Aborted>(Patience);
        s2.ExpectMsg<Tcp.ErrorClosed>(Patience);

        // ConfirmedClose on one end: the other sees PeerClosed, closes, and the first gets ConfirmedClosed.
        var (c3, p3) = Client();
        var (_, s3, _) = AcceptAndRegister(this);
        c3.Tell(Tcp.ConfirmedClose.Instance, p3.Ref);
        s3.ExpectMsg<Tcp.PeerClosed>(Patience);
        p3.ExpectMsg<Tcp.ConfirmedClosed>(Patience);

        Unbind(listener);
        AwaitOpenSockets(0);
    }
}
