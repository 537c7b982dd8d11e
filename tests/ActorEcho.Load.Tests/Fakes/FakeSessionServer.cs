using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ActorEcho.Load.Tests.Fakes;

/// <summary>
/// A small stand-in for the ActorEcho server that follows docs/PROTOCOL-SPEC for what the load
/// console uses: plain-line echo, <c>/time</c>, <c>/nick</c>, <c>/join</c>, room delivery to the
/// other members, and UDP <c>time</c>/echo. Faults can be switched on to prove the verifiers fire.
/// </summary>
internal sealed class FakeSessionServer : IAsyncDisposable
{
    private readonly Socket _listener = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
    private readonly Socket _udp = new(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
    private readonly CancellationTokenSource _stop = new();
    private readonly Dictionary<string, List<FakeSession>> _rooms = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<FakeSession> _sessions = [];
    private readonly Task _accepting;
    private readonly Task _udpLoop;
    private int _nextId;
    private long _deliveries;

    public FakeSessionServer()
    {
        _listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _listener.Listen(1024);
        Port = ((IPEndPoint)_listener.LocalEndPoint!).Port;
        _udp.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        UdpPort = ((IPEndPoint)_udp.LocalEndPoint!).Port;
        _accepting = AcceptLoopAsync();
        _udpLoop = UdpLoopAsync();
    }

    public int Port { get; }

    public int UdpPort { get; }

    /// <summary>Sends every room line twice.</summary>
    public bool DuplicateDeliveries { get; init; }

    /// <summary>Drops every Nth room delivery (0 = none).</summary>
    public int DropEveryNthDelivery { get; init; }

    /// <summary>Also delivers room lines back to their sender.</summary>
    public bool EchoToSender { get; init; }

    public CancellationToken Stopping => _stop.Token;

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Dispose();
        _udp.Dispose();
        lock (_sessions)
        {
            foreach (var s in _sessions)
            {
                s.Socket.Dispose();
            }
        }

        await Task.WhenAll(_accepting, _udpLoop);
        foreach (var s in _sessions)
        {
            s.Dispose();
        }

        _stop.Dispose();
    }

    internal static string IsoNow() => DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    internal static string CtimeNow()
    {
        var now = DateTime.Now;
        return string.Create(CultureInfo.InvariantCulture, $"{now:ddd MMM} {now.Day,2} {now:HH:mm:ss yyyy}");
    }

    internal async Task ExecuteAsync(FakeSession session, string command)
    {
        var space = command.IndexOf(' ', StringComparison.Ordinal);
        var word = (space < 0 ? command : command[..space]).ToUpperInvariant();
        var arg = space < 0 ? "" : command[(space + 1)..].Trim();
        switch (word)
        {
            case "/TIME":
                await session.SendLineAsync(IsoNow());
                break;
            case "/NICK":
                session.Nick = arg;
                await session.SendLineAsync($"OK nick {arg}");
                break;
            case "/JOIN":
                var room = arg.Length == 0 ? "lobby" : arg;
                List<FakeSession> others;
                int count;
                lock (_rooms)
                {
                    if (!_rooms.TryGetValue(room, out var members))
                    {
                        _rooms[room] = members = [];
                    }

                    others = [.. members];
                    members.Add(session);
                    count = members.Count;
                    session.Room = room;
                }

                foreach (var other in others)
                {
                    await other.SendLineAsync($"[{room}] * {session.Nick} joined");
                }

                await session.SendLineAsync($"OK joined {room} ({count} members)");
                break;
            default:
                await session.SendLineAsync($"ERR unknown command '{command.Split(' ')[0]}'; try /help");
                break;
        }
    }

    internal async Task SayAsync(FakeSession sender, string text)
    {
        List<FakeSession> members;
        lock (_rooms)
        {
            members = [.. _rooms[sender.Room!]];
        }

        var line = $"[{sender.Room}] {sender.Nick}: {text}";
        foreach (var member in members)
        {
            if (member == sender && !EchoToSender)
            {
                continue;
            }

            var n = Interlocked.Increment(ref _deliveries);
            if (DropEveryNthDelivery > 0 && n % DropEveryNthDelivery == 0)
            {
                continue;
            }

            await member.SendLineAsync(line);
            if (DuplicateDeliveries)
            {
                await member.SendLineAsync(line);
            }
        }
    }

    private async Task AcceptLoopAsync()
    {
        var handlers = new List<Task>();
        try
        {
            while (true)
            {
                var socket = await _listener.AcceptAsync(_stop.Token);
                var session = new FakeSession(this, socket, Interlocked.Increment(ref _nextId));
                lock (_sessions)
                {
                    _sessions.Add(session);
                }

                handlers.Add(session.RunAsync());
            }
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }

        await Task.WhenAll(handlers);
    }

    private async Task UdpLoopAsync()
    {
        var buffer = new byte[65536];
        EndPoint any = new IPEndPoint(IPAddress.Any, 0);
        try
        {
            while (true)
            {
                var result = await _udp.ReceiveFromAsync(buffer, SocketFlags.None, any, _stop.Token);
                var data = buffer.AsMemory(0, result.ReceivedBytes);
                var reply = Encoding.ASCII.GetString(data.Span).Trim().Equals("time", StringComparison.OrdinalIgnoreCase)
                    ? Encoding.ASCII.GetBytes(CtimeNow())
                    : data.ToArray();
                await _udp.SendToAsync(reply, SocketFlags.None, result.RemoteEndPoint, _stop.Token);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }
    }
}
