using Xunit.Abstractions;

namespace ActorEcho.Server.Tests.AkkaIO;

/// <summary>
/// <c>akka.io.tcp.write-commands-queue-max-size</c> set to 10,000: a limit in bytes on the writes
/// the connection actor holds that have not yet been handed to the socket.
/// </summary>
public sealed class TcpWriteQueueLimitSpecs(ITestOutputHelper output)
    : Akka.TestKit.Xunit2.TestKit("akka.io.tcp.write-commands-queue-max-size = 10000", output)
{
    private const int Limit = 10_000;

    [Fact]
    public void A_write_past_the_queue_limit_is_refused_with_CommandFailed()
    {
        // Writes sent before Register wait in the queue, so the arithmetic is exact.
        using var io = TcpLoopback.Open(this, register: false);
        var first = Tcp.Write.Create(ByteString.FromBytes(TcpLoopback.Pattern(6000, 1)), new TestAck(1));
        var tooMuch = Tcp.Write.Create(ByteString.FromBytes(TcpLoopback.Pattern(4001, 2)), new TestAck(2));
        var exactlyFits = Tcp.Write.Create(ByteString.FromBytes(TcpLoopback.Pattern(4000, 3)), new TestAck(3));
        var oneByteMore = Tcp.Write.Create(ByteString.FromBytes(TcpLoopback.Pattern(1, 4)), new TestAck(4));

        io.Tell(first);
        io.Tell(tooMuch);
        var failed = io.Handler.ExpectMsg<Tcp.CommandFailed>();
        Assert.Same(tooMuch, failed.Cmd);
        Assert.Equal("Dropping write because queue is full", failed.Cause.Value.Message);

        io.Tell(exactlyFits); // 6,000 + 4,000 = the limit: accepted
        io.Tell(oneByteMore);
        Assert.Same(oneByteMore, io.Handler.ExpectMsg<Tcp.CommandFailed>().Cmd);

        io.Register();
        io.Handler.ExpectMsg(new TestAck(1));
        io.Handler.ExpectMsg(new TestAck(3));
        Assert.Equal([.. TcpLoopback.Pattern(6000, 1), .. TcpLoopback.Pattern(4000, 3)], io.ClientReadExactly(10_000));
    }

    [Fact]
    public void A_single_write_larger_than_the_limit_is_refused_even_on_an_idle_connection()
    {
        using var io = TcpLoopback.Open(this);
        var tooLarge = Tcp.Write.Create(ByteString.FromBytes(TcpLoopback.Pattern(Limit + 1)), new TestAck(1));

        io.Tell(tooLarge);

        Assert.Same(tooLarge, io.Handler.ExpectMsg<Tcp.CommandFailed>().Cmd);
        io.Tell(Tcp.Write.Create(ByteString.FromBytes(TcpLoopback.Pattern(Limit)), new TestAck(2)));
        io.Handler.ExpectMsg(new TestAck(2));
        Assert.Equal(TcpLoopback.Pattern(Limit), io.ClientReadExactly(Limit));
    }

    [Fact]
    public void A_refusal_goes_to_the_sender_of_the_write_not_to_the_handler()
    {
        using var io = TcpLoopback.Open(this);
        var writer = CreateTestProbe();
        var tooLarge = Tcp.Write.Create(ByteString.FromBytes(TcpLoopback.Pattern(Limit + 1)), new TestAck(1));

        writer.Send(io.Connection, tooLarge);

        Assert.Same(tooLarge, writer.ExpectMsg<Tcp.CommandFailed>().Cmd);
        io.Tell(Tcp.Write.Create(ByteString.FromBytes(TcpLoopback.Pattern(10)), new TestAck(2)));
        io.Handler.ExpectMsg(new TestAck(2)); // nothing for the handler ahead of its own ack
    }

    [Fact]
    public void A_peer_that_does_not_read_makes_writes_fail_and_only_the_refused_writes_are_lost()
    {
        // Small kernel buffers on both ends: the socket stops taking bytes after ~100 KB.
        using var io = TcpLoopback.Open(this, bindOptions: [new Inet.SO.SendBufferSize(16 * 1024)], clientReceiveBufferSize: 16 * 1024);
        const int Writes = 100;
        const int Size = 4000;
        for (var i = 0; i < Writes; i++)
        {
            io.Tell(Tcp.Write.Create(ByteString.FromBytes(TcpLoopback.Pattern(Size, i)), new TestAck(i)));
        }

        // A write over the limit is always refused: its CommandFailed comes after those of every write before it.
        var marker = Tcp.Write.Create(ByteString.FromBytes(new byte[Limit + 1]));
        io.Tell(marker);
        var refused = new HashSet<int>();
        var acked = new List<int>();
        var seenMarker = false;
        while (!seenMarker)
        {
            switch (io.Handler.ReceiveOne(Dilated(TimeSpan.FromSeconds(3))))
            {
                case Tcp.CommandFailed f when ReferenceEquals(f.Cmd, marker):
                    seenMarker = true;
                    break;
                case Tcp.CommandFailed { Cmd: Tcp.Write { Ack: TestAck ack } }:
                    refused.Add(ack.Id);
                    break;
                case TestAck ack:
                    acked.Add(ack.Id);
                    break;
                case var other:
                    Assert.Fail($"unexpected {other ?? "timeout"}");
                    break;
            }
        }

        Assert.NotEmpty(refused);
        Output?.WriteLine($"refused {refused.Count} of {Writes} writes of {Size} bytes (first refused: #{refused.Min()})");
        var accepted = Enumerable.Range(0, Writes).Where(i => !refused.Contains(i)).ToList();
        var expected = accepted.SelectMany(i => TcpLoopback.Pattern(Size, i)).ToArray();
        Assert.Equal(expected, io.ClientReadExactly(expected.Length));
        while (acked.Count < accepted.Count)
        {
            acked.Add(io.Handler.ExpectMsg<TestAck>().Id);
        }

        Assert.Equal(accepted, acked);

        // The connection is still open and takes writes again.
        io.Tell(Tcp.Write.Create(ByteString.FromBytes(TcpLoopback.Pattern(10)), new TestAck(-1)));
        io.Handler.ExpectMsg(new TestAck(-1));
        Assert.Equal(TcpLoopback.Pattern(10), io.ClientReadExactly(10));
    }

    [Fact]
    public void Writing_is_not_suspended_after_a_CommandFailed_and_ResumeWriting_gets_no_WritingResumed()
    {
        using var io = TcpLoopback.Open(this); // Register's useResumeWriting defaults to true
        var tooLarge = Tcp.Write.Create(ByteString.FromBytes(TcpLoopback.Pattern(Limit + 1)), new TestAck(1));
        io.Tell(tooLarge);
        Assert.Same(tooLarge, io.Handler.ExpectMsg<Tcp.CommandFailed>().Cmd);

        // No ResumeWriting: the next write is accepted anyway.
        io.Tell(Tcp.Write.Create(ByteString.FromBytes(TcpLoopback.Pattern(100, 2)), new TestAck(2)));
        io.Handler.ExpectMsg(new TestAck(2));

        io.Tell(Tcp.ResumeWriting.Instance);
        io.Tell(Tcp.Write.Create(ByteString.FromBytes(TcpLoopback.Pattern(100, 3)), new TestAck(3)));
        io.Handler.ExpectMsg(new TestAck(3)); // and not WritingResumed first
        Assert.Equal([.. TcpLoopback.Pattern(100, 2), .. TcpLoopback.Pattern(100, 3)], io.ClientReadExactly(200));
    }
}
