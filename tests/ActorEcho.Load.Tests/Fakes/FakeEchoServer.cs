using System.Net;
using System.Net.Sockets;

namespace ActorEcho.Load.Tests.Fakes;

/// <summary>
/// A tiny loopback echo server on port 0 for end-to-end tests. It can corrupt one byte of the
/// stream (to prove the load console notices) or swallow everything (to prove reply timeouts end
/// the run).
/// </summary>
internal sealed class FakeEchoServer : IAsyncDisposable
{
    private readonly Socket _listener = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Socket> _connections = [];
    private readonly Task _accepting;
    private long _echoed;

    public FakeEchoServer(long corruptAtByte = -1, bool silent = false)
    {
        CorruptAtByte = corruptAtByte;
        Silent = silent;
        _listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _listener.Listen(1024);
        Port = ((IPEndPoint)_listener.LocalEndPoint!).Port;
        _accepting = AcceptLoopAsync();
    }

    public int Port { get; }

    public long CorruptAtByte { get; }

    public bool Silent { get; }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Dispose();
        lock (_connections)
        {
            foreach (var c in _connections)
            {
                c.Dispose();
            }
        }

        await _accepting;
        _stop.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        var handlers = new List<Task>();
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var socket = await _listener.AcceptAsync(_stop.Token);
                lock (_connections)
                {
                    _connections.Add(socket);
                }

                handlers.Add(EchoAsync(socket));
            }
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }

        await Task.WhenAll(handlers);
    }

    private async Task EchoAsync(Socket socket)
    {
        var buffer = new byte[8192];
        try
        {
            while (true)
            {
                var n = await socket.ReceiveAsync(buffer, SocketFlags.None, _stop.Token);
                if (n == 0)
                {
                    return;
                }

                if (Silent)
                {
                    continue;
                }

                var start = Interlocked.Add(ref _echoed, n) - n;
                if (CorruptAtByte >= start && CorruptAtByte < start + n)
                {
                    buffer[CorruptAtByte - start] ^= 0x20;
                }

                await socket.SendAsync(buffer.AsMemory(0, n), SocketFlags.None, _stop.Token);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }
        finally
        {
            socket.Dispose();
        }
    }
}
