using System.Collections.Concurrent;
using System.Net.Sockets;
using ActorEcho.Actors;

namespace ActorEcho.IO.Sockets;

/// <summary>
/// Every live <see cref="Socket"/> the layer created or accepted for one actor system. Actors
/// dispose their sockets in PostStop; this registry counts them (tests assert it returns to zero
/// after each scenario) and, as a last line of defence, disposes any socket still open when the
/// system terminates, e.g. one accepted while its listener was stopping.
/// </summary>
internal sealed class SocketTracker
{
    private readonly ConcurrentDictionary<Socket, byte> _open = new(ReferenceEqualityComparer.Instance);

    private SocketTracker(ActorSystem system)
    {
        _ = system.WhenTerminated.ContinueWith(_ => DisposeAll(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    /// <summary>How many sockets are open right now.</summary>
    public int OpenCount => _open.Count;

    /// <summary>The system's tracker.</summary>
    public static SocketTracker For(ActorSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        return system.GetOrCreateExtension(s => new SocketTracker(s));
    }

    /// <summary>Starts tracking <paramref name="socket"/>; returns it for chaining.</summary>
    public Socket Track(Socket socket)
    {
        _open.TryAdd(socket, 0);
        return socket;
    }

    /// <summary>Disposes <paramref name="socket"/> (idempotent) and stops tracking it.</summary>
    public void Dispose(Socket? socket)
    {
        if (socket is null)
        {
            return;
        }

        socket.Dispose();
        _open.TryRemove(socket, out _);
    }

    /// <summary>Resets then disposes <paramref name="socket"/>: a zero linger makes close() send RST and drop queued data.</summary>
    public void Abort(Socket? socket)
    {
        if (socket is null)
        {
            return;
        }

        try
        {
            socket.LingerState = new LingerOption(true, 0);
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            // Already closed or reset by the peer: disposing is all that is left to do.
        }

        Dispose(socket);
    }

    private void DisposeAll()
    {
        foreach (var socket in _open.Keys)
        {
            Dispose(socket);
        }
    }
}
