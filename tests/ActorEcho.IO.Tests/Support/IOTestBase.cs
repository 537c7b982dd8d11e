using System.Net;
using System.Net.Sockets;
using ActorEcho.IO.Sockets;
using ActorEcho.TestKit;
using Xunit.Abstractions;

namespace ActorEcho.IO.Tests.Support;

/// <summary>Loopback helpers shared by the socket tests: bind, raw peers, and the open-socket count.</summary>
public abstract class IOTestBase(ITestOutputHelper output) : TestKit.TestKit(output)
{
    protected static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    protected static IPEndPoint LoopbackV4 => new(IPAddress.Loopback, 0);

    protected static IPEndPoint LoopbackV6 => new(IPAddress.IPv6Loopback, 0);

    /// <summary>Sockets the layer holds open for this test's system right now.</summary>
    protected int OpenSockets => SocketTracker.For(Sys).OpenCount;

    protected IActorRef TcpManager(TcpSettings? settings = null) => settings is null ? Sys.Tcp() : Sys.Tcp(settings);

    /// <summary>Binds <paramref name="handler"/> and returns the listener and the real endpoint.</summary>
    protected (IActorRef Listener, IPEndPoint EndPoint) Bind(
        IActorRef handler, TcpSettings? settings = null, EndPoint? at = null, bool pullMode = false, int backlog = 100)
    {
        var commander = CreateTestProbe();
        TcpManager(settings).Tell(new Tcp.Bind(handler, at ?? LoopbackV4, backlog, pullMode), commander.Ref);
        var bound = commander.ExpectMsg<Tcp.Bound>(Patience);
        var endPoint = (IPEndPoint)bound.LocalAddress;
        Assert.NotEqual(0, endPoint.Port);
        return (commander.LastSender, endPoint);
    }

    /// <summary>Unbinds <paramref name="listener"/> and waits for <see cref="Tcp.Unbound"/>.</summary>
    protected void Unbind(IActorRef listener)
    {
        var probe = CreateTestProbe();
        listener.Tell(Tcp.Unbind.Instance, probe.Ref);
        probe.ExpectMsg<Tcp.Unbound>(Patience);
    }

    /// <summary>
    /// Takes the next <see cref="Tcp.Connected"/> from <paramref name="bindHandler"/> and registers a new
    /// probe as the connection's handler.
    /// </summary>
    protected (IActorRef Connection, TestProbe Handler, Tcp.Connected Connected) AcceptAndRegister(
        TestKitBase bindHandler, bool keepOpenOnPeerClosed = false)
    {
        var connected = bindHandler.ExpectMsg<Tcp.Connected>(Patience);
        var connection = bindHandler.LastSender;
        var handler = CreateTestProbe();
        connection.Tell(new Tcp.Register(handler.Ref, keepOpenOnPeerClosed), handler.Ref);
        return (connection, handler, connected);
    }

    /// <summary>A plain client socket connected to <paramref name="endPoint"/> (the test owns and disposes it).</summary>
    protected static Socket ConnectRaw(IPEndPoint endPoint)
    {
        var socket = new Socket(endPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        socket.ReceiveTimeout = (int)Patience.TotalMilliseconds;
        socket.SendTimeout = (int)Patience.TotalMilliseconds;
        socket.Connect(endPoint);
        return socket;
    }

    /// <summary>Reads exactly <paramref name="count"/> bytes (the socket's receive timeout bounds each read).</summary>
    protected static byte[] ReadExactly(Socket socket, int count)
    {
        var buffer = new byte[count];
        var read = 0;
        while (read < count)
        {
            var n = socket.Receive(buffer, read, count - read, SocketFlags.None);
            Assert.True(n > 0, $"the connection ended after {read} of {count} bytes");
            read += n;
        }

        return buffer;
    }

    /// <summary>Reads until the peer's FIN and returns everything read; fails on timeout.</summary>
    protected static byte[] ReadToEnd(Socket socket)
    {
        using var all = new MemoryStream();
        var buffer = new byte[64 * 1024];
        while (true)
        {
            var n = socket.Receive(buffer);
            if (n == 0)
            {
                return all.ToArray();
            }

            all.Write(buffer, 0, n);
        }
    }

    /// <summary>
    /// How the peer ended the connection as seen by a blocking read: "eof" for FIN, "reset" for RST.
    /// Data still arriving is skipped (bounded by the socket's receive timeout).
    /// </summary>
    protected static string ReadUntilClosed(Socket socket)
    {
        var buffer = new byte[64 * 1024];
        try
        {
            while (socket.Receive(buffer) > 0)
            {
            }

            return "eof";
        }
        catch (SocketException ex) when (ex.SocketErrorCode == SocketError.ConnectionReset)
        {
            return "reset";
        }
    }

    /// <summary>Collects <see cref="Tcp.Received"/> bytes on <paramref name="handler"/> until <paramref name="count"/> arrived.</summary>
    protected static byte[] ReceiveBytes(TestKitBase handler, int count)
    {
        using var all = new MemoryStream();
        while (all.Length < count)
        {
            var received = handler.ExpectMsg<Tcp.Received>(Patience);
            var bytes = received.Data.ToArray();
            all.Write(bytes, 0, bytes.Length);
        }

        Assert.Equal(count, all.Length);
        return all.ToArray();
    }

    /// <summary>Waits until the layer holds exactly <paramref name="expected"/> open sockets.</summary>
    protected void AwaitOpenSockets(int expected) =>
        AwaitCondition(() => OpenSockets == expected, Patience, $"expected {expected} open sockets");

    protected static ByteString Text(string text) => ByteString.FromString(text);
}
