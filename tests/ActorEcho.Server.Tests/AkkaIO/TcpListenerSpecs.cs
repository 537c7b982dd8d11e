using System.Net.Sockets;
using Xunit.Abstractions;

namespace ActorEcho.Server.Tests.AkkaIO;

/// <summary>
/// The listener actor: Unbind, and the death of the bind handler. Accepted connections are its
/// children, so they end when it stops.
/// </summary>
public sealed class TcpListenerSpecs(ITestOutputHelper output) : Akka.TestKit.Xunit2.TestKit(output: output)
{
    [Fact]
    public void Unbind_answers_Unbound_frees_the_port_and_aborts_every_accepted_connection()
    {
        using var io = TcpLoopback.Open(this);
        AwaitRegistered(io);
        Watch(io.Connection);

        io.BindCommander.Send(io.Listener, Tcp.Unbind.Instance);

        io.BindCommander.ExpectMsg<Tcp.Unbound>();
        ExpectTerminated(io.Connection);
        io.Handler.ExpectMsg<Tcp.Aborted>();
        Assert.Equal(SocketError.ConnectionReset, io.ClientReadToEnd().End);
        using var again = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        again.Bind(io.BoundAddress);
    }

    [Fact]
    public void When_the_bind_handler_dies_the_listener_stops_and_takes_its_connections_with_it()
    {
        using var io = TcpLoopback.Open(this);
        AwaitRegistered(io);
        Watch(io.Listener);
        Watch(io.Connection);

        Sys.Stop(io.BindCommander.Ref);

        var stopped = ReceiveN(2).Cast<Terminated>().Select(t => t.ActorRef).ToHashSet();
        Assert.Equal(new HashSet<IActorRef> { io.Listener, io.Connection }, stopped);
        io.Handler.ExpectMsg<Tcp.Aborted>();
        Assert.Equal(SocketError.ConnectionReset, io.ClientReadToEnd().End);
    }

    /// <summary>
    /// Waits until the connection has taken the handler's <see cref="Tcp.Register"/>: only a
    /// registered connection tells its handler how it closed (before, it has no handler to tell),
    /// so a stop that overtakes the Register in the connection's mailbox would end it silently.
    /// </summary>
    private static void AwaitRegistered(TcpLoopback io)
    {
        io.ClientSend([42]);
        Assert.Equal(new byte[] { 42 }, io.Handler.ExpectMsg<Tcp.Received>().Data.ToArray());
    }
}
