using System.Buffers;
using System.Net;
using System.Net.Sockets;

namespace ActorEcho.Bench.Baselines;

/// <summary>
/// The yardstick for ActorEcho's socket layer: the echo server a competent developer writes with
/// nothing but <see cref="Socket"/>: one accept loop, and per connection one async loop that
/// receives into a pooled buffer and sends the bytes back. No actors, no pipelines, no batching.
/// </summary>
internal sealed class PlainSocketEchoServer : IAsyncDisposable
{
    private readonly IPEndPoint _endpoint;
    private readonly int _bufferSize;
    private readonly Lock _gate = new();
    private readonly HashSet<Socket> _connections = [];
    private readonly List<Task> _handlers = [];
    private CancellationTokenSource? _stop;
    private Socket? _listener;
    private Task _accepting = Task.CompletedTask;

    /// <param name="endpoint">Where to listen; port 0 picks a free port (see <see cref="Port"/>).</param>
    /// <param name="bufferSize">Receive buffer per connection, rented while the connection lives.</param>
    public PlainSocketEchoServer(IPEndPoint endpoint, int bufferSize = 4096)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bufferSize, 1);
        _endpoint = endpoint;
        _bufferSize = bufferSize;
    }

    /// <summary>The bound endpoint; valid after <see cref="Start"/>.</summary>
    public IPEndPoint LocalEndPoint { get; private set; } = new(IPAddress.None, 0);

    /// <summary>The bound port; valid after <see cref="Start"/>.</summary>
    public int Port => LocalEndPoint.Port;

    /// <summary>Connections currently open.</summary>
    public int ActiveConnections
    {
        get
        {
            lock (_gate)
            {
                return _connections.Count;
            }
        }
    }

    /// <summary>Binds, listens and starts accepting; cancelling <paramref name="cancellationToken"/> stops the server like <see cref="StopAsync"/>.</summary>
    public IPEndPoint Start(CancellationToken cancellationToken = default)
    {
        if (_listener is not null)
        {
            throw new InvalidOperationException("the server is already started");
        }

        var listener = new Socket(_endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            listener.Bind(_endpoint);
            listener.Listen();
        }
        catch
        {
            listener.Dispose();
            throw;
        }

        _listener = listener;
        LocalEndPoint = (IPEndPoint)listener.LocalEndPoint!;
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _stop.Token.Register(CloseAll);
        _accepting = AcceptLoopAsync(listener, _stop.Token);
        return LocalEndPoint;
    }

    /// <summary>Stops accepting, closes every connection and waits for all loops to end.</summary>
    public async Task StopAsync()
    {
        if (_stop is null)
        {
            return;
        }

        await _stop.CancelAsync();
        await _accepting;
        Task[] handlers;
        lock (_gate)
        {
            handlers = [.. _handlers];
        }

        await Task.WhenAll(handlers);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _stop?.Dispose();
    }

    private async Task AcceptLoopAsync(Socket listener, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            Socket connection;
            try
            {
                connection = await listener.AcceptAsync(stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (ObjectDisposedException)
            {
                return;
            }
            catch (SocketException)
            {
                // A connection reset before it was accepted, or fds exhausted: keep serving the others.
                continue;
            }

            connection.NoDelay = true;
            lock (_gate)
            {
                _connections.Add(connection);
                _handlers.RemoveAll(t => t.IsCompleted);
                _handlers.Add(EchoAsync(connection, stop));
            }
        }
    }

    private async Task EchoAsync(Socket connection, CancellationToken stop)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(_bufferSize);
        try
        {
            while (true)
            {
                var received = await connection.ReceiveAsync(buffer.AsMemory(0, _bufferSize), SocketFlags.None, stop);
                if (received == 0)
                {
                    return;
                }

                var pending = buffer.AsMemory(0, received);
                while (!pending.IsEmpty)
                {
                    var sent = await connection.SendAsync(pending, SocketFlags.None, stop);
                    pending = pending[sent..];
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Peer reset or server stopping: the connection is over either way.
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            lock (_gate)
            {
                _connections.Remove(connection);
            }

            connection.Dispose();
        }
    }

    private void CloseAll()
    {
        _listener?.Dispose();
        lock (_gate)
        {
            foreach (var c in _connections)
            {
                c.Dispose();
            }
        }
    }
}
