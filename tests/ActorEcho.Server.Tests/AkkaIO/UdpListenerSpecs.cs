using System.Net.Sockets;
using Xunit.Abstractions;

namespace ActorEcho.Server.Tests.AkkaIO;

/// <summary>
/// A UDP listener (<see cref="Udp.Bind"/> on the real <c>Udp</c> manager) with the default
/// settings: each receive goes into one buffer of <c>akka.io.udp.disabled-buffer-pool.buffer-size</c>
/// (512) bytes, and a failing send throws inside the listener, which its parent restarts.
/// </summary>
public sealed class UdpListenerSpecs(ITestOutputHelper output) : Akka.TestKit.Xunit2.TestKit(output: output)
{
    [Fact]
    public void A_datagram_of_512_bytes_arrives_whole()
    {
        var udp = UdpLoopback.Bind(this);
        var sent = TcpLoopback.Pattern(512);

        udp.ClientSend(sent);

        Assert.Equal(sent, udp.Handler.ExpectMsg<Udp.Received>().Data.ToArray());
    }

    [Fact]
    public void By_default_a_datagram_larger_than_512_bytes_is_cut_to_its_first_512_without_notice()
    {
        var udp = UdpLoopback.Bind(this);
        var large = TcpLoopback.Pattern(1000, 1);

        udp.ClientSend(large);
        udp.ClientSend(TcpLoopback.Pattern(513, 2));
        udp.ClientSend(TcpLoopback.Pattern(100, 3));

        var first = udp.Handler.ExpectMsg<Udp.Received>();
        Assert.Equal(large[..512], first.Data.ToArray());
        Assert.Equal(udp.Client.LocalEndPoint, first.Sender);
        Assert.Equal(TcpLoopback.Pattern(513, 2)[..512], udp.Handler.ExpectMsg<Udp.Received>().Data.ToArray());
        Assert.Equal(TcpLoopback.Pattern(100, 3), udp.Handler.ExpectMsg<Udp.Received>().Data.ToArray());
    }

    [Fact]
    public void SuspendReading_does_not_stop_a_UDP_listener_from_delivering()
    {
        var udp = UdpLoopback.Bind(this);

        udp.Handler.Send(udp.Listener, Udp.SuspendReading.Instance);
        udp.ClientSend(TcpLoopback.Pattern(10, 1));
        udp.ClientSend(TcpLoopback.Pattern(10, 2));

        Assert.Equal(TcpLoopback.Pattern(10, 1), udp.Handler.ExpectMsg<Udp.Received>().Data.ToArray());
        Assert.Equal(TcpLoopback.Pattern(10, 2), udp.Handler.ExpectMsg<Udp.Received>().Data.ToArray());
    }

    [Fact]
    public void A_Send_to_a_port_where_nothing_listens_is_acked_and_the_listener_keeps_receiving()
    {
        var udp = UdpLoopback.Bind(this);
        var nobody = UdpLoopback.UnusedPort();

        udp.Handler.Send(udp.Listener, new Udp.Send(ByteString.FromBytes(TcpLoopback.Pattern(10)), nobody, new UdpAck(1)));
        udp.Handler.Send(udp.Listener, new Udp.Send(ByteString.FromBytes(TcpLoopback.Pattern(10)), nobody, new UdpAck(2)));
        udp.Handler.ExpectMsg(new UdpAck(1));
        udp.Handler.ExpectMsg(new UdpAck(2));

        // The port-unreachable errors reach nobody: the next message is the next datagram.
        udp.ClientSend(TcpLoopback.Pattern(20, 3));
        Assert.Equal(TcpLoopback.Pattern(20, 3), udp.Handler.ExpectMsg<Udp.Received>().Data.ToArray());
        udp.Handler.Send(udp.Listener, new Udp.Send(ByteString.FromBytes(TcpLoopback.Pattern(30, 4)), udp.Client.LocalEndPoint!, new UdpAck(3)));
        udp.Handler.ExpectMsg(new UdpAck(3));
        Assert.Equal(TcpLoopback.Pattern(30, 4), udp.ClientReceive());
        udp.Commander.ExpectNoMsg(Dilated(TimeSpan.FromMilliseconds(100)));
    }

    [Fact]
    public void A_Send_too_large_for_a_datagram_gets_no_reply_and_restarts_the_listener_on_a_new_port()
    {
        var udp = UdpLoopback.Bind(this);
        var tooLarge = new Udp.Send(ByteString.FromBytes(new byte[65_508]), udp.Client.LocalEndPoint!, new UdpAck(1));

        udp.Handler.Send(udp.Listener, tooLarge);

        // Bound to port 0, the restarted listener binds a fresh port and says Bound again.
        var rebound = udp.Commander.ExpectMsg<Udp.Bound>();
        Assert.NotEqual(udp.BoundAddress, rebound.LocalAddress);
        Assert.Equal(udp.Listener, udp.Commander.LastSender);
        udp.Client.SendTo(TcpLoopback.Pattern(10, 1), rebound.LocalAddress);
        Assert.Equal(TcpLoopback.Pattern(10, 1), udp.Handler.ExpectMsg<Udp.Received>().Data.ToArray()); // no ack, no CommandFailed before it
    }

    [Fact]
    public void On_a_fixed_port_a_Send_too_large_for_a_datagram_stops_the_listener_with_CommandFailed_for_the_Bind()
    {
        var udp = UdpLoopback.Bind(this, UdpLoopback.UnusedPort());
        Watch(udp.Listener);

        udp.Handler.Send(udp.Listener, new Udp.Send(ByteString.FromBytes(new byte[65_508]), udp.Client.LocalEndPoint!, new UdpAck(1)));

        // The old socket is not closed on restart, so the rebind fails: CommandFailed, then a
        // Bound without an address, and the listener stops.
        var failed = udp.Commander.ExpectMsg<Udp.CommandFailed>();
        Assert.IsType<Udp.Bind>(failed.Cmd);
        Assert.Null(udp.Commander.ExpectMsg<Udp.Bound>().LocalAddress);
        ExpectTerminated(udp.Listener);
    }

    [Fact]
    public void When_the_handler_dies_the_UDP_listener_stops()
    {
        var udp = UdpLoopback.Bind(this);
        Watch(udp.Listener);

        Sys.Stop(udp.Handler.Ref);

        ExpectTerminated(udp.Listener);
    }

    [Fact]
    public void Unbind_answers_Unbound_and_frees_the_port()
    {
        var udp = UdpLoopback.Bind(this);

        udp.Commander.Send(udp.Listener, Udp.Unbind.Instance);
        udp.Commander.ExpectMsg<Udp.Unbound>();

        using var again = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        again.Bind(udp.BoundAddress);
    }
}
