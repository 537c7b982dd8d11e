using System.Net.Sockets;
using Xunit.Abstractions;

namespace ActorEcho.Server.Tests.AkkaIO;

/// <summary>
/// <c>akka.io.tcp.register-timeout</c> (5s by default) set to 300ms, and
/// <c>akka.io.tcp.batch-accept-limit</c> set to 1.
/// </summary>
public sealed class TcpRegisterTimeoutSpecs(ITestOutputHelper output) : Akka.TestKit.Xunit2.TestKit(
    """
    akka.io.tcp.register-timeout = 300ms
    akka.io.tcp.batch-accept-limit = 1
    """,
    output)
{
    [Fact]
    public void A_connection_not_registered_within_register_timeout_is_stopped_and_the_peer_sees_a_reset()
    {
        using var io = TcpLoopback.Open(this, register: false);
        Watch(io.Connection);

        Within(Dilated(TimeSpan.FromMilliseconds(200)), Dilated(TimeSpan.FromSeconds(3)), () => ExpectTerminated(io.Connection));

        Assert.Equal(SocketError.ConnectionReset, io.ClientReadToEnd().End);
        io.BindCommander.ExpectNoMsg(Dilated(TimeSpan.FromMilliseconds(100))); // no Closed/Aborted to anyone
    }

    [Fact]
    public void A_connection_registered_in_time_outlives_register_timeout()
    {
        using var io = TcpLoopback.Open(this);
        Watch(io.Connection);

        ExpectNoMsg(Dilated(TimeSpan.FromMilliseconds(600))); // twice the timeout: no Terminated

        io.Tell(Tcp.Write.Create(ByteString.FromBytes(TcpLoopback.Pattern(10)), new TestAck(1)));
        io.Handler.ExpectMsg(new TestAck(1));
        Assert.Equal(TcpLoopback.Pattern(10), io.ClientReadExactly(10));
    }

    [Fact]
    public void A_batch_accept_limit_of_one_still_accepts_every_pending_connection()
    {
        using var io = TcpLoopback.Open(this);
        var clients = new List<Socket>();
        try
        {
            for (var i = 0; i < 5; i++)
            {
                var client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                clients.Add(client);
                client.Connect(io.BoundAddress); // completes in the kernel's backlog
            }

            for (var i = 0; i < 5; i++)
            {
                io.BindCommander.ExpectMsg<Tcp.Connected>();
            }
        }
        finally
        {
            clients.ForEach(c => c.Dispose());
        }
    }
}
