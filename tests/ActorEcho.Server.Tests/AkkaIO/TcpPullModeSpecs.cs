using System.Net;
using System.Net.Sockets;
using Xunit.Abstractions;

namespace ActorEcho.Server.Tests.AkkaIO;

/// <summary>
/// Pull mode (<c>Tcp.Bind(..., pullMode: true)</c>): the listener accepts on its own, and each
/// accepted connection reads once per <see cref="Tcp.ResumeReading"/> sent after Register.
/// </summary>
public sealed class TcpPullModeSpecs(ITestOutputHelper output) : Akka.TestKit.Xunit2.TestKit(output: output)
{
    [Fact]
    public void A_pull_mode_listener_accepts_connections_without_ResumeAccepting()
    {
        using var io = TcpLoopback.Open(this, pullMode: true); // Open waits for Connected

        using var second = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        second.Connect(io.BoundAddress);
        io.BindCommander.ExpectMsg<Tcp.Connected>();

        // ResumeAccepting is accepted and ignored: no reply, and accepting goes on.
        io.BindCommander.Send(io.Listener, new Tcp.ResumeAccepting(1));
        using var third = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        third.Connect(io.BoundAddress);
        io.BindCommander.ExpectMsg<Tcp.Connected>();
    }

    [Fact]
    public void A_pull_mode_connection_delivers_nothing_until_the_first_ResumeReading()
    {
        using var io = TcpLoopback.Open(this, pullMode: true);

        io.ClientSend(TcpLoopback.Pattern(100, 1));
        io.Handler.ExpectNoMsg(Dilated(TimeSpan.FromMilliseconds(200)));

        io.Tell(Tcp.ResumeReading.Instance);
        Assert.Equal(TcpLoopback.Pattern(100, 1), io.Handler.ExpectMsg<Tcp.Received>().Data.ToArray());
    }

    [Fact]
    public void Each_ResumeReading_yields_exactly_one_Received()
    {
        using var io = TcpLoopback.Open(this, pullMode: true);
        io.Tell(Tcp.ResumeReading.Instance);

        io.ClientSend(TcpLoopback.Pattern(100, 1));
        Assert.Equal(TcpLoopback.Pattern(100, 1), io.Handler.ExpectMsg<Tcp.Received>().Data.ToArray());

        io.ClientSend(TcpLoopback.Pattern(100, 2));
        io.Handler.ExpectNoMsg(Dilated(TimeSpan.FromMilliseconds(200)));
        io.Tell(Tcp.ResumeReading.Instance);
        Assert.Equal(TcpLoopback.Pattern(100, 2), io.Handler.ExpectMsg<Tcp.Received>().Data.ToArray());

        // With 64 KiB waiting, one ResumeReading reads one frame (4096 bytes by default).
        io.ClientSend(TcpLoopback.Pattern(64 * 1024, 3));
        var read = 0;
        for (var pulls = 0; read < 64 * 1024; pulls++)
        {
            Assert.True(pulls < 64 * 1024, "bounded");
            io.Tell(Tcp.ResumeReading.Instance);
            var n = io.Handler.ExpectMsg<Tcp.Received>().Data.Count;
            Assert.InRange(n, 1, 4096);
            read += n;
        }

        Assert.Equal(64 * 1024, read);
    }

    [Fact]
    public void ResumeReading_requests_are_not_counted()
    {
        using var io = TcpLoopback.Open(this, pullMode: true);
        io.Tell(Tcp.ResumeReading.Instance);
        io.Tell(Tcp.ResumeReading.Instance);
        io.Tell(Tcp.ResumeReading.Instance);

        io.ClientSend(TcpLoopback.Pattern(100, 1));
        Assert.Equal(TcpLoopback.Pattern(100, 1), io.Handler.ExpectMsg<Tcp.Received>().Data.ToArray());

        // Three requests made one read.
        io.ClientSend(TcpLoopback.Pattern(100, 2));
        io.Handler.ExpectNoMsg(Dilated(TimeSpan.FromMilliseconds(200)));
    }

    [Fact]
    public void A_ResumeReading_sent_before_Register_is_forgotten()
    {
        using var io = TcpLoopback.Open(this, register: false, pullMode: true);

        io.Tell(Tcp.ResumeReading.Instance);
        io.Register();

        io.ClientSend(TcpLoopback.Pattern(100, 1));
        io.Handler.ExpectNoMsg(Dilated(TimeSpan.FromMilliseconds(200)));
        io.Tell(Tcp.ResumeReading.Instance);
        Assert.Equal(TcpLoopback.Pattern(100, 1), io.Handler.ExpectMsg<Tcp.Received>().Data.ToArray());
    }

    [Fact]
    public void A_peer_close_is_noticed_only_when_a_ResumeReading_issues_a_read()
    {
        using var io = TcpLoopback.Open(this, pullMode: true);

        io.Client.Shutdown(SocketShutdown.Send);
        io.Handler.ExpectNoMsg(Dilated(TimeSpan.FromMilliseconds(200)));

        io.Tell(Tcp.ResumeReading.Instance);
        io.Handler.ExpectMsg<Tcp.PeerClosed>();
    }

    [Fact]
    public void An_outgoing_connection_in_pull_mode_also_waits_for_ResumeReading()
    {
        using var server = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        server.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        server.Listen(1);
        var handler = CreateTestProbe();
        handler.Send(Sys.Tcp(), new Tcp.Connect(server.LocalEndPoint!, pullMode: true));
        using var peer = server.Accept();
        handler.ExpectMsg<Tcp.Connected>();
        var connection = handler.LastSender;
        handler.Send(connection, new Tcp.Register(handler.Ref));

        peer.Send(TcpLoopback.Pattern(100, 1));
        handler.ExpectNoMsg(Dilated(TimeSpan.FromMilliseconds(200)));
        handler.Send(connection, Tcp.ResumeReading.Instance);
        Assert.Equal(TcpLoopback.Pattern(100, 1), handler.ExpectMsg<Tcp.Received>().Data.ToArray());
    }
}
