using Xunit.Abstractions;

namespace ActorEcho.Server.Tests.AkkaIO;

/// <summary>
/// The default <c>akka.io.tcp.write-commands-queue-max-size</c> (absent from the reference config,
/// read as -1): the connection actor's write queue has no limit.
/// </summary>
public sealed class TcpUnlimitedWriteQueueSpecs(ITestOutputHelper output) : Akka.TestKit.Xunit2.TestKit(output: output)
{
    [Fact]
    public void By_default_64_MiB_of_writes_to_a_peer_that_does_not_read_are_all_accepted()
    {
        using var io = TcpLoopback.Open(this);
        const int Chunk = 64 * 1024;
        const int Chunks = 1024; // 64 MiB, far more than the kernel buffers hold
        var chunk = ByteString.FromBytes(TcpLoopback.Pattern(Chunk));
        for (var i = 0; i < Chunks; i++)
        {
            io.Tell(Tcp.Write.Create(chunk));
        }

        var last = TcpLoopback.Pattern(10, 9);
        io.Tell(Tcp.Write.Create(ByteString.FromBytes(last), new TestAck(1)));

        // The client starts reading only after all 64 MiB have been sent to the connection.
        io.ClientSkip((long)Chunks * Chunk);
        Assert.Equal(last, io.ClientReadExactly(10));

        // A refusal would have been answered at once, ahead of this ack.
        io.Handler.ExpectMsg(new TestAck(1));
    }
}
