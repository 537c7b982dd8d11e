using Xunit.Abstractions;

namespace ActorEcho.Server.Tests.AkkaIO;

/// <summary>
/// <see cref="Tcp.SuspendReading"/> and <see cref="Tcp.ResumeReading"/> in push mode (the default).
/// A push-mode connection always has one socket read outstanding once registered; suspending does
/// not cancel it, it only stops the next one from being issued.
/// </summary>
public sealed class TcpReadThrottlingSpecs(ITestOutputHelper output) : Akka.TestKit.Xunit2.TestKit(output: output)
{
    [Fact]
    public void SuspendReading_lets_exactly_one_more_Received_through_the_read_already_outstanding()
    {
        using var io = TcpLoopback.Open(this);
        io.Tell(Tcp.SuspendReading.Instance);
        Barrier(io);

        // Sent after the connection processed SuspendReading: the outstanding read still delivers it.
        io.ClientSend(TcpLoopback.Pattern(100, 1));
        Assert.Equal(TcpLoopback.Pattern(100, 1), io.Handler.ExpectMsg<Tcp.Received>().Data.ToArray());

        // No read is outstanding now.
        io.ClientSend(TcpLoopback.Pattern(100, 2));
        io.Handler.ExpectNoMsg(Dilated(TimeSpan.FromMilliseconds(200)));

        io.Tell(Tcp.ResumeReading.Instance);
        Assert.Equal(TcpLoopback.Pattern(100, 2), io.Handler.ExpectMsg<Tcp.Received>().Data.ToArray());

        // And reading goes on by itself again.
        io.ClientSend(TcpLoopback.Pattern(100, 3));
        Assert.Equal(TcpLoopback.Pattern(100, 3), io.Handler.ExpectMsg<Tcp.Received>().Data.ToArray());
    }

    [Fact]
    public void The_one_Received_after_SuspendReading_is_bounded_by_the_frame_size_not_by_what_is_waiting()
    {
        using var io = TcpLoopback.Open(this);
        io.Tell(Tcp.SuspendReading.Instance);
        Barrier(io);

        io.ClientSend(TcpLoopback.Pattern(64 * 1024));
        var one = io.Handler.ExpectMsg<Tcp.Received>().Data.Count;
        Assert.InRange(one, 1, 4096);
        io.Handler.ExpectNoMsg(Dilated(TimeSpan.FromMilliseconds(200)));

        io.Tell(Tcp.ResumeReading.Instance);
        io.ExpectReceivedBytes((64 * 1024) - one);
    }

    [Fact]
    public void SuspendReading_sent_before_Register_is_undone_by_Register()
    {
        using var io = TcpLoopback.Open(this, register: false);

        io.Tell(Tcp.SuspendReading.Instance);
        io.Register();

        io.ClientSend(TcpLoopback.Pattern(100, 1));
        Assert.Equal(TcpLoopback.Pattern(100, 1), io.Handler.ExpectMsg<Tcp.Received>().Data.ToArray());
        io.ClientSend(TcpLoopback.Pattern(100, 2));
        Assert.Equal(TcpLoopback.Pattern(100, 2), io.Handler.ExpectMsg<Tcp.Received>().Data.ToArray());
    }

    /// <summary>
    /// Waits until the connection has processed everything the handler sent before: a write's ack
    /// is sent after the commands ahead of it were handled. The client consumes the written byte.
    /// </summary>
    private static void Barrier(TcpLoopback io)
    {
        io.Tell(Tcp.Write.Create(ByteString.FromBytes([42]), new TestAck(0)));
        io.Handler.ExpectMsg(new TestAck(0));
        Assert.Equal([42], io.ClientReadExactly(1));
    }
}
