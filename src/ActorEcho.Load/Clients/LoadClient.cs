using System.Net.Sockets;
using ActorEcho.Load.Metrics;
using ActorEcho.Load.Runner;

namespace ActorEcho.Load.Clients;

/// <summary>
/// One simulated client. The runner starts <see cref="RunAsync"/> once; the watchdog may call
/// <see cref="Abort"/> from another thread at any time, which records the reason once, cancels
/// the client's waits and closes its socket so no pending receive can hang.
/// </summary>
internal abstract class LoadClient : IDisposable
{
    private readonly CancellationTokenSource _abort = new();
    private Socket? _socket;
    private int _aborted;

    protected LoadClient(int id, RunContext context)
    {
        Id = id;
        Context = context;
    }

    public int Id { get; }

    public ClientStats Stats { get; } = new();

    public bool IsAborted => Volatile.Read(ref _aborted) == 1;

    /// <summary>
    /// <see cref="System.Diagnostics.Stopwatch"/> timestamp of the oldest request still waiting
    /// for its reply, or 0 when nothing is pending; the watchdog times clients out with it.
    /// </summary>
    public virtual long PendingSince => 0;

    protected RunContext Context { get; }

    protected CancellationToken AbortToken => _abort.Token;

    public abstract Task RunAsync();

    /// <summary>Stops this client for <paramref name="reason"/>; only the first call counts.</summary>
    public void Abort(ErrorKind reason)
    {
        if (Interlocked.Exchange(ref _aborted, 1) != 0)
        {
            return;
        }

        Stats.AddError(reason);
        _abort.Cancel();
        Close();
    }

    /// <summary>Closes the socket (idempotent); used at the end of a run and on abort.</summary>
    public void Close()
    {
        var socket = Interlocked.Exchange(ref _socket, null);
        if (socket is null)
        {
            return;
        }

        try
        {
            socket.Shutdown(SocketShutdown.Both);
        }
        catch (SocketException)
        {
            // Already reset by the peer; closing is all that is left.
        }
        catch (ObjectDisposedException)
        {
        }

        socket.Dispose();
    }

    public void Dispose()
    {
        Close();
        _abort.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Connects a TCP socket within the connect timeout; null (with the error recorded) on failure.</summary>
    protected async Task<Socket?> ConnectTcpAsync()
    {
        var options = Context.Options;
        try
        {
            await Context.ConnectGate.WaitAsync(Context.HardStop);
        }
        catch (OperationCanceledException)
        {
            Abort(ErrorKind.ConnectFailed);
            return null;
        }

        var target = Context.TcpEndPointFor(Id);
        var socket = new Socket(target.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(AbortToken, Context.HardStop);
            timeout.CancelAfter(options.ConnectTimeout);
            await socket.ConnectAsync(target, timeout.Token);
        }
        catch (SocketException e)
        {
            socket.Dispose();
            Abort(e.SocketErrorCode == SocketError.ConnectionRefused ? ErrorKind.ConnectRefused : ErrorKind.ConnectFailed);
            return null;
        }
        catch (OperationCanceledException)
        {
            socket.Dispose();
            Abort(ErrorKind.ConnectFailed);
            return null;
        }
        finally
        {
            Context.ConnectGate.Release();
        }

        return Adopt(socket) ? socket : null;
    }

    /// <summary>
    /// Makes <paramref name="socket"/> the one <see cref="Close"/> and <see cref="Abort"/> act on,
    /// and counts the client as connected unless <paramref name="connected"/> says otherwise
    /// (a UDP socket "connects" without the server hearing of it).
    /// </summary>
    protected bool Adopt(Socket socket, bool connected = true)
    {
        Volatile.Write(ref _socket, socket);
        if (IsAborted)
        {
            // Aborted while connecting: Abort() already ran Close() before the socket was known.
            Close();
            return false;
        }

        if (connected)
        {
            Stats.MarkConnected();
        }

        return true;
    }

    /// <summary>Classifies a failure of a socket operation: quiet when we caused it, else a lost connection.</summary>
    protected void OnSocketFailure()
    {
        if (!IsAborted)
        {
            Abort(ErrorKind.Disconnected);
        }
    }
}
