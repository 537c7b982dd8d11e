using Xunit.Abstractions;

namespace ActorEcho.Server.Tests.AkkaIO;

/// <summary>
/// Write acknowledgements with the default settings (unlimited write queue, 4 KiB frames).
/// </summary>
public sealed class TcpWriteAckSpecs(ITestOutputHelper output) : Akka.TestKit.Xunit2.TestKit(output: output)
{
    [Fact]
    public void A_write_with_an_ack_gets_the_ack_back_once_its_bytes_are_handed_to_the_socket()
    {
        using var io = TcpLoopback.Open(this);
        var data = TcpLoopback.Pattern(1000);

        io.Tell(Tcp.Write.Create(ByteString.FromBytes(data), new TestAck(1)));

        io.Handler.ExpectMsg(new TestAck(1));
        Assert.Equal(data, io.ClientReadExactly(data.Length));
    }

    [Fact]
    public void An_ack_does_not_wait_for_the_peer_to_read()
    {
        using var io = TcpLoopback.Open(this);

        // The client reads nothing until every ack is in: the kernel's buffers take the bytes.
        for (var i = 1; i <= 10; i++)
        {
            io.Tell(Tcp.Write.Create(ByteString.FromBytes(TcpLoopback.Pattern(1000, i)), new TestAck(i)));
        }

        for (var i = 1; i <= 10; i++)
        {
            io.Handler.ExpectMsg(new TestAck(i));
        }

        Assert.Equal(TcpLoopback.Pattern(1000, 1), io.ClientReadExactly(1000));
    }

    [Fact]
    public void A_write_with_NoAck_gets_nothing_back()
    {
        using var io = TcpLoopback.Open(this);

        io.Tell(Tcp.Write.Create(ByteString.FromBytes(TcpLoopback.Pattern(100, 1))));
        io.Tell(Tcp.Write.Create(ByteString.FromBytes(TcpLoopback.Pattern(100, 2)), NoAckToken));
        io.Tell(Tcp.Write.Create(ByteString.FromBytes(TcpLoopback.Pattern(100, 3)), new TestAck(3)));

        // Replies to one sender keep their order: anything answering the first two writes would
        // arrive before the ack of the third.
        io.Handler.ExpectMsg(new TestAck(3));
        Assert.Equal([.. TcpLoopback.Pattern(100, 1), .. TcpLoopback.Pattern(100, 2), .. TcpLoopback.Pattern(100, 3)], io.ClientReadExactly(300));
    }

    [Fact]
    public void An_ack_goes_to_the_sender_of_the_write_not_to_the_handler()
    {
        using var io = TcpLoopback.Open(this);
        var writer = CreateTestProbe();

        writer.Send(io.Connection, Tcp.Write.Create(ByteString.FromBytes(TcpLoopback.Pattern(100, 1)), new TestAck(1)));
        writer.ExpectMsg(new TestAck(1));

        io.Tell(Tcp.Write.Create(ByteString.FromBytes(TcpLoopback.Pattern(100, 2)), new TestAck(2)));
        io.Handler.ExpectMsg(new TestAck(2)); // nothing for the handler ahead of its own ack
        Assert.Equal([.. TcpLoopback.Pattern(100, 1), .. TcpLoopback.Pattern(100, 2)], io.ClientReadExactly(200));
    }

    [Fact]
    public void Acks_of_a_compound_write_come_back_one_per_part_in_order()
    {
        using var io = TcpLoopback.Open(this);
        var write = Tcp.WriteCommand.Create(
            Tcp.Write.Create(ByteString.FromBytes(TcpLoopback.Pattern(5000, 1)), new TestAck(1)),
            Tcp.Write.Create(ByteString.FromBytes(TcpLoopback.Pattern(10, 2))),
            Tcp.Write.Create(ByteString.FromBytes(TcpLoopback.Pattern(5000, 3)), new TestAck(3)));

        io.Tell(write);

        io.Handler.ExpectMsg(new TestAck(1));
        io.Handler.ExpectMsg(new TestAck(3));
        Assert.Equal(10_010, io.ClientReadExactly(10_010).Length);
    }

    [Fact]
    public void An_empty_write_is_acked_ahead_of_a_write_queued_before_it_when_both_go_out_in_one_batch()
    {
        // Send buffers are small and the client reads nothing, so the first megabyte keeps a send
        // in flight and the next two writes wait in Akka's queue behind it. When the queue drains,
        // the 10-byte write and the empty write land in the same send batch: the empty write's ack
        // is sent as the batch is built, the 10-byte write's ack only when the send completes.
        using var io = TcpLoopback.Open(this, bindOptions: [new Inet.SO.SendBufferSize(16 * 1024)], clientReceiveBufferSize: 16 * 1024);
        var bulk = ByteString.FromBytes(TcpLoopback.Pattern(64 * 1024));
        for (var i = 0; i < 16; i++)
        {
            io.Tell(Tcp.Write.Create(bulk));
        }

        io.Tell(Tcp.Write.Create(ByteString.FromBytes(TcpLoopback.Pattern(10, 7)), new TestAck(1)));
        io.Tell(Tcp.Write.Create(ByteString.Empty, new TestAck(2)));

        Assert.Equal((16 * 64 * 1024) + 10, io.ClientReadExactly((16 * 64 * 1024) + 10).Length);
        io.Handler.ExpectMsg(new TestAck(2));
        io.Handler.ExpectMsg(new TestAck(1));
    }

    [Fact]
    public void An_empty_write_behind_a_write_that_fills_a_whole_frame_is_acked_after_it()
    {
        // As above, but the write ahead is 4096 bytes (the default frame): it fills its send batch
        // alone, so the empty write waits for the next batch and its ack comes second.
        using var io = TcpLoopback.Open(this, bindOptions: [new Inet.SO.SendBufferSize(16 * 1024)], clientReceiveBufferSize: 16 * 1024);
        var bulk = ByteString.FromBytes(TcpLoopback.Pattern(64 * 1024));
        for (var i = 0; i < 16; i++)
        {
            io.Tell(Tcp.Write.Create(bulk));
        }

        io.Tell(Tcp.Write.Create(ByteString.FromBytes(TcpLoopback.Pattern(4096, 7)), new TestAck(1)));
        io.Tell(Tcp.Write.Create(ByteString.Empty, new TestAck(2)));

        Assert.Equal((16 * 64 * 1024) + 4096, io.ClientReadExactly((16 * 64 * 1024) + 4096).Length);
        io.Handler.ExpectMsg(new TestAck(1));
        io.Handler.ExpectMsg(new TestAck(2));
    }

    /// <summary>A <see cref="Tcp.NoAck"/> with a token is still "no ack".</summary>
    private static readonly Tcp.NoAck NoAckToken = new("token");
}
