using System.Net;
using System.Net.Sockets;

namespace ActorEcho.Server.Tests.AkkaIO;

// The parties the Akka.IO specs talk to: TcpLoopback (a registered TCP connection and its
// client), UdpLoopback (a bound UDP listener and its client), and ack events for both.

/// <summary>
/// One accepted loopback TCP connection with every party a spec talks to: the listener bound by
/// the real <c>Tcp</c> manager on 127.0.0.1 port 0, the probe that commanded the bind (it gets
/// <see cref="Tcp.Connected"/>), the connection actor, the handler probe registered with it, and the
/// plain client <see cref="Socket"/> on the other end. Client reads and writes are blocking calls
/// bounded by a socket timeout, so a spec that waits on the peer can never hang.
/// </summary>
internal sealed class TcpLoopback : IDisposable
{
    private TcpLoopback(TestKitBase kit, TestProbe bindCommander, TestProbe handler, IActorRef listener, EndPoint boundAddress, Socket client, IActorRef connection)
    {
        Kit = kit;
        BindCommander = bindCommander;
        Handler = handler;
        Listener = listener;
        BoundAddress = boundAddress;
        Client = client;
        Connection = connection;
    }

    public TestKitBase Kit { get; }

    /// <summary>Sent the <see cref="Tcp.Bind"/>; receives <see cref="Tcp.Bound"/> and <see cref="Tcp.Connected"/>.</summary>
    public TestProbe BindCommander { get; }

    /// <summary>Registered (or to be registered) as the connection's handler; it sends the writes.</summary>
    public TestProbe Handler { get; }

    public IActorRef Listener { get; }

    public EndPoint BoundAddress { get; }

    /// <summary>The peer: a blocking client socket with send and receive timeouts.</summary>
    public Socket Client { get; }

    /// <summary>The connection actor (the sender of <see cref="Tcp.Connected"/>).</summary>
    public IActorRef Connection { get; }

    /// <summary>How long one blocking client call may wait (dilated by <c>akka.test.timefactor</c>).</summary>
    public TimeSpan ClientTimeout => Kit.Dilated(TimeSpan.FromSeconds(5));

    /// <summary>
    /// Binds a listener, connects a client to it and waits for <see cref="Tcp.Connected"/>.
    /// With <paramref name="register"/> the handler probe is registered right away.
    /// </summary>
    /// <param name="kit">The spec.</param>
    /// <param name="register">Send <see cref="Tcp.Register"/> (from the handler probe) before returning.</param>
    /// <param name="pullMode">Bind in pull mode.</param>
    /// <param name="keepOpenOnPeerClosed">Passed to <see cref="Tcp.Register"/>.</param>
    /// <param name="bindOptions">Socket options for the bind (applied to accepted sockets too).</param>
    /// <param name="settings">Per-listener settings (<see cref="Tcp.Bind.TcpSettings"/>).</param>
    /// <param name="clientReceiveBufferSize">SO_RCVBUF of the client, set before it connects.</param>
    public static TcpLoopback Open(
        TestKitBase kit,
        bool register = true,
        bool pullMode = false,
        bool keepOpenOnPeerClosed = false,
        IEnumerable<Inet.SocketOption>? bindOptions = null,
        TcpSettings? settings = null,
        int? clientReceiveBufferSize = null)
    {
        var bindCommander = kit.CreateTestProbe();
        var handler = kit.CreateTestProbe();
        var bind = new Tcp.Bind(bindCommander.Ref, new IPEndPoint(IPAddress.Loopback, 0), options: bindOptions, pullMode: pullMode)
        {
            TcpSettings = settings,
        };
        bindCommander.Send(kit.Sys.Tcp(), bind);
        var bound = bindCommander.ExpectMsg<Tcp.Bound>();
        var listener = bindCommander.LastSender;

        var client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        var timeout = (int)kit.Dilated(TimeSpan.FromSeconds(5)).TotalMilliseconds;
        client.ReceiveTimeout = timeout;
        client.SendTimeout = timeout;
        if (clientReceiveBufferSize is { } size)
        {
            client.ReceiveBufferSize = size;
        }

        client.Connect(bound.LocalAddress);
        bindCommander.ExpectMsg<Tcp.Connected>();
        var connection = bindCommander.LastSender;
        var loopback = new TcpLoopback(kit, bindCommander, handler, listener, bound.LocalAddress, client, connection);
        if (register)
        {
            loopback.Register(keepOpenOnPeerClosed);
        }

        return loopback;
    }

    public void Register(bool keepOpenOnPeerClosed = false) =>
        Handler.Send(Connection, new Tcp.Register(Handler.Ref, keepOpenOnPeerClosed));

    /// <summary>Sends a command to the connection actor with the handler probe as sender.</summary>
    public void Tell(object command) => Handler.Send(Connection, command);

    /// <summary>Writes <paramref name="data"/> from the client, all of it.</summary>
    public void ClientSend(byte[] data)
    {
        var sent = 0;
        while (sent < data.Length)
        {
            sent += Client.Send(data, sent, data.Length - sent, SocketFlags.None);
        }
    }

    /// <summary>Reads exactly <paramref name="count"/> bytes at the client, failing on EOF or timeout.</summary>
    public byte[] ClientReadExactly(int count)
    {
        var buffer = new byte[count];
        var read = 0;
        while (read < count)
        {
            var n = Client.Receive(buffer, read, count - read, SocketFlags.None);
            if (n == 0)
            {
                throw new InvalidOperationException($"EOF after {read} of {count} bytes");
            }

            read += n;
        }

        return buffer;
    }

    /// <summary>Reads and drops <paramref name="count"/> bytes at the client, failing on EOF or timeout.</summary>
    public void ClientSkip(long count)
    {
        var buffer = new byte[64 * 1024];
        while (count > 0)
        {
            var n = Client.Receive(buffer, 0, (int)Math.Min(buffer.Length, count), SocketFlags.None);
            if (n == 0)
            {
                throw new InvalidOperationException($"EOF with {count} bytes still to come");
            }

            count -= n;
        }
    }

    /// <summary>
    /// Reads at the client until the server closes its side. Returns what was read and how the
    /// stream ended: <see cref="SocketError.Success"/> for an orderly EOF, else the error (a reset).
    /// </summary>
    public (byte[] Data, SocketError End) ClientReadToEnd()
    {
        using var all = new MemoryStream();
        var buffer = new byte[64 * 1024];
        while (true)
        {
            int n;
            try
            {
                n = Client.Receive(buffer);
            }
            catch (SocketException e) when (e.SocketErrorCode != SocketError.TimedOut)
            {
                return (all.ToArray(), e.SocketErrorCode);
            }

            if (n == 0)
            {
                return (all.ToArray(), SocketError.Success);
            }

            all.Write(buffer, 0, n);
        }
    }

    /// <summary>
    /// Collects <see cref="Tcp.Received"/> at the handler until <paramref name="total"/> bytes have
    /// arrived and returns each chunk. Bounded by the byte count and by the probe's expect timeout.
    /// </summary>
    public List<byte[]> ExpectReceivedBytes(int total)
    {
        var chunks = new List<byte[]>();
        var received = 0;
        while (received < total)
        {
            var chunk = Handler.ExpectMsg<Tcp.Received>().Data.ToArray();
            chunks.Add(chunk);
            received += chunk.Length;
        }

        Assert.Equal(total, received);
        return chunks;
    }

    /// <summary>Deterministic test bytes: a position-dependent pattern offset by <paramref name="seed"/>.</summary>
    public static byte[] Pattern(int length, int seed = 0)
    {
        var bytes = new byte[length];
        for (var i = 0; i < length; i++)
        {
            bytes[i] = (byte)((i * 31) + (i >> 8) + seed);
        }

        return bytes;
    }

    public void Dispose() => Client.Dispose();
}

/// <summary>An ack event that says which write it acknowledges.</summary>
internal sealed class TestAck(int id) : Tcp.Event
{
    public int Id { get; } = id;

    public override bool Equals(object? obj) => obj is TestAck other && other.Id == Id;

    public override int GetHashCode() => Id;

    public override string ToString() => $"TestAck({Id})";
}

/// <summary>
/// A bound UDP listener with its bind commander and handler probes, and a plain client socket on
/// 127.0.0.1 whose receives are bounded by a timeout.
/// </summary>
internal sealed class UdpLoopback
{
    private UdpLoopback(TestProbe commander, TestProbe handler, IActorRef listener, EndPoint boundAddress, Socket client)
    {
        Commander = commander;
        Handler = handler;
        Listener = listener;
        BoundAddress = boundAddress;
        Client = client;
    }

    public TestProbe Commander { get; }

    public TestProbe Handler { get; }

    public IActorRef Listener { get; }

    public EndPoint BoundAddress { get; }

    public Socket Client { get; }

    public static UdpLoopback Bind(TestKitBase kit, EndPoint? at = null)
    {
        var commander = kit.CreateTestProbe();
        var handler = kit.CreateTestProbe();
        commander.Send(kit.Sys.Udp(), new Udp.Bind(handler.Ref, at ?? new IPEndPoint(IPAddress.Loopback, 0)));
        var bound = commander.ExpectMsg<Udp.Bound>();
        var client = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp)
        {
            ReceiveTimeout = (int)kit.Dilated(TimeSpan.FromSeconds(5)).TotalMilliseconds,
        };
        client.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        kit.Sys.RegisterOnTermination(client.Dispose);
        return new UdpLoopback(commander, handler, commander.LastSender, bound.LocalAddress, client);
    }

    /// <summary>A loopback port that was free a moment ago (bound, read, released).</summary>
    public static IPEndPoint UnusedPort()
    {
        using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return (IPEndPoint)probe.LocalEndPoint!;
    }

    public void ClientSend(byte[] datagram) => Client.SendTo(datagram, BoundAddress);

    public byte[] ClientReceive()
    {
        var buffer = new byte[65_536];
        var n = Client.Receive(buffer);
        return buffer[..n];
    }
}

/// <summary>An ack for <see cref="Udp.Send"/> that says which send it acknowledges.</summary>
internal sealed class UdpAck(int id) : Udp.Event
{
    public int Id { get; } = id;

    public override bool Equals(object? obj) => obj is UdpAck other && other.Id == Id;

    public override int GetHashCode() => Id;

    public override string ToString() => $"UdpAck({Id})";
}
