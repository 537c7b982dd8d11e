using Xunit.Abstractions;

namespace ActorEcho.Server.Tests.AkkaIO;

/// <summary>
/// <c>akka.io.udp.disabled-buffer-pool.buffer-size = 65507</c> (the pool <c>akka.io.udp.buffer-pool</c>
/// names by default): the largest UDP/IPv4 payload fits one receive.
/// </summary>
public sealed class UdpLargeDatagramSpecs(ITestOutputHelper output)
    : Akka.TestKit.Xunit2.TestKit("akka.io.udp.disabled-buffer-pool.buffer-size = 65507", output)
{
    private const int MaxPayload = 65_507;

    [Fact]
    public void With_a_65507_byte_buffer_a_65507_byte_datagram_arrives_whole_and_one_can_be_sent_back()
    {
        var udp = UdpLoopback.Bind(this);
        var datagram = TcpLoopback.Pattern(MaxPayload, 1);

        udp.ClientSend(datagram);
        var received = udp.Handler.ExpectMsg<Udp.Received>();
        Assert.Equal(datagram, received.Data.ToArray());

        var reply = TcpLoopback.Pattern(MaxPayload, 2);
        udp.Handler.Send(udp.Listener, new Udp.Send(ByteString.FromBytes(reply), received.Sender, new UdpAck(1)));
        udp.Handler.ExpectMsg(new UdpAck(1));
        Assert.Equal(reply, udp.ClientReceive());
    }
}
