using System.Net.Sockets;
using Xunit.Abstractions;

namespace ActorEcho.Server.Tests.AkkaIO;

/// <summary>
/// How a connection ends: Close, ConfirmedClose, Abort, the peer closing, the peer resetting, and
/// the handler dying.
/// </summary>
public sealed class TcpCloseSpecs(ITestOutputHelper output) : Akka.TestKit.Xunit2.TestKit(output: output)
{
    private const int Bulk = 1024 * 1024;

    [Fact]
    public void Close_after_queued_writes_flushes_them_and_then_sends_Closed()
    {
        // Small buffers and a client that is not reading yet: most of the megabyte is still in
        // Akka's queue when Close arrives.
        using var io = TcpLoopback.Open(this, bindOptions: [new Inet.SO.SendBufferSize(16 * 1024)], clientReceiveBufferSize: 16 * 1024);
        var data = TcpLoopback.Pattern(Bulk);
        for (var i = 0; i < 16; i++)
        {
            io.Tell(Tcp.Write.Create(ByteString.FromBytes(data.AsSpan(i * 64 * 1024, 64 * 1024).ToArray())));
        }

        io.Tell(Tcp.Close.Instance);
        var (received, end) = io.ClientReadToEnd();

        Assert.Equal(SocketError.Success, end); // an orderly FIN after the last byte
        Assert.Equal(data, received);
        io.Handler.ExpectMsg<Tcp.Closed>(); // once: the closer is the handler
    }

    [Fact]
    public void A_write_sent_after_Close_while_writes_are_still_queued_is_sent_too()
    {
        using var io = TcpLoopback.Open(this, bindOptions: [new Inet.SO.SendBufferSize(16 * 1024)], clientReceiveBufferSize: 16 * 1024);
        var bulk = ByteString.FromBytes(TcpLoopback.Pattern(64 * 1024));
        for (var i = 0; i < 16; i++)
        {
            io.Tell(Tcp.Write.Create(bulk));
        }

        io.Tell(Tcp.Close.Instance);
        io.Tell(Tcp.Write.Create(ByteString.FromBytes(TcpLoopback.Pattern(10, 1)), new TestAck(1)));

        var (received, end) = io.ClientReadToEnd();
        Assert.Equal(SocketError.Success, end);
        Assert.Equal(Bulk + 10, received.Length);
        Assert.Equal(TcpLoopback.Pattern(10, 1), received[^10..]);
        io.Handler.ExpectMsg(new TestAck(1));
        io.Handler.ExpectMsg<Tcp.Closed>();
    }

    [Fact]
    public void Close_with_nothing_queued_answers_Closed_to_the_closer_and_to_the_handler()
    {
        using var io = TcpLoopback.Open(this);
        var closer = CreateTestProbe();

        closer.Send(io.Connection, Tcp.Close.Instance);

        closer.ExpectMsg<Tcp.Closed>();
        io.Handler.ExpectMsg<Tcp.Closed>();
        Assert.Equal(SocketError.Success, io.ClientReadToEnd().End);
    }

    [Fact]
    public void ConfirmedClose_half_closes_keeps_reading_and_answers_ConfirmedClosed_once_the_peer_closes()
    {
        using var io = TcpLoopback.Open(this);

        io.Tell(Tcp.ConfirmedClose.Instance);

        Assert.Equal(0, io.Client.Receive(new byte[1])); // the peer sees EOF...
        io.ClientSend(TcpLoopback.Pattern(100, 1)); // ...and can still send
        Assert.Equal(TcpLoopback.Pattern(100, 1), io.Handler.ExpectMsg<Tcp.Received>().Data.ToArray());

        // Writes are refused from now on.
        var late = Tcp.Write.Create(ByteString.FromBytes([1]), new TestAck(1));
        io.Tell(late);
        Assert.Same(late, io.Handler.ExpectMsg<Tcp.CommandFailed>().Cmd);

        io.Client.Shutdown(SocketShutdown.Send);
        io.Handler.ExpectMsg<Tcp.ConfirmedClosed>();
    }

    [Fact]
    public void Abort_answers_Aborted_and_the_peer_sees_a_reset()
    {
        using var io = TcpLoopback.Open(this);

        io.Tell(Tcp.Abort.Instance);

        io.Handler.ExpectMsg<Tcp.Aborted>();
        Assert.Equal(SocketError.ConnectionReset, io.ClientReadToEnd().End);
    }

    [Fact]
    public void Abort_fails_every_write_still_queued_with_CommandFailed_before_Aborted()
    {
        using var io = TcpLoopback.Open(this, bindOptions: [new Inet.SO.SendBufferSize(16 * 1024)], clientReceiveBufferSize: 16 * 1024);
        var bulk = ByteString.FromBytes(TcpLoopback.Pattern(64 * 1024));
        for (var i = 0; i < 16; i++)
        {
            io.Tell(Tcp.Write.Create(bulk, new TestAck(i)));
        }

        io.Tell(Tcp.Abort.Instance);

        // The first write or so went to the socket (and may be acked); the rest are failed.
        var failed = 0;
        var acked = 0;
        while (true)
        {
            var message = io.Handler.ReceiveOne(Dilated(TimeSpan.FromSeconds(3)));
            if (message is Tcp.Aborted)
            {
                break;
            }

            Assert.True(message is Tcp.CommandFailed or TestAck, $"unexpected {message ?? "timeout"}");
            failed += message is Tcp.CommandFailed ? 1 : 0;
            acked += message is TestAck ? 1 : 0;
            Assert.True(failed + acked <= 16);
        }

        Output?.WriteLine($"acked {acked}, failed {failed}");
        Assert.InRange(failed, 14, 16);
    }

    [Fact]
    public void Without_keepOpenOnPeerClosed_a_peer_close_answers_PeerClosed_and_closes_the_connection()
    {
        using var io = TcpLoopback.Open(this);
        Watch(io.Connection);

        io.Client.Shutdown(SocketShutdown.Send);

        io.Handler.ExpectMsg<Tcp.PeerClosed>();
        ExpectTerminated(io.Connection);
        Assert.Equal(SocketError.Success, io.ClientReadToEnd().End);
    }

    [Fact]
    public void With_keepOpenOnPeerClosed_the_handler_gets_PeerClosed_and_can_still_write()
    {
        using var io = TcpLoopback.Open(this, keepOpenOnPeerClosed: true);

        io.Client.Shutdown(SocketShutdown.Send);
        io.Handler.ExpectMsg<Tcp.PeerClosed>();

        io.Tell(Tcp.Write.Create(ByteString.FromBytes(TcpLoopback.Pattern(100, 1)), new TestAck(1)));
        io.Handler.ExpectMsg(new TestAck(1));
        Assert.Equal(TcpLoopback.Pattern(100, 1), io.ClientReadExactly(100));

        io.Tell(Tcp.Close.Instance);
        io.Handler.ExpectMsg<Tcp.Closed>();
        Assert.Equal(SocketError.Success, io.ClientReadToEnd().End);
    }

    [Fact]
    public void A_peer_reset_reaches_the_handler_as_ErrorClosed()
    {
        using var io = TcpLoopback.Open(this);

        io.Client.LingerState = new LingerOption(true, 0);
        io.Client.Close();

        var closed = io.Handler.ExpectMsg<Tcp.ErrorClosed>();
        Output?.WriteLine(closed.Cause);
    }

    [Fact]
    public void When_the_handler_dies_the_connection_stops_and_the_peer_sees_a_reset()
    {
        using var io = TcpLoopback.Open(this);
        Watch(io.Connection);

        Sys.Stop(io.Handler.Ref);

        ExpectTerminated(io.Connection);
        Assert.Equal(SocketError.ConnectionReset, io.ClientReadToEnd().End);
    }
}
