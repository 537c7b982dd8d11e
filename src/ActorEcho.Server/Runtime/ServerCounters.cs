using ActorEcho.Server.Protocol;

namespace ActorEcho.Server.Runtime;

/// <summary>
/// The counters behind <c>/stats</c>, shared by every actor of one server. Plain interlocked fields
/// rather than a stats actor: every chunk in and every write out is counted, and a message per count
/// would double the server's message traffic for numbers that only need to be eventually right.
/// </summary>
internal sealed class ServerCounters
{
    private long _connections;
    private long _sessions;
    private long _messagesIn;
    private long _messagesOut;
    private long _restarts;
    private long _drops;
    private long _rooms;
    private long _bufferedBytes;
    private long _peakConnectionBufferedBytes;
    private long _heldSessions;
    private long _holds;

    public void ConnectionOpened() => Interlocked.Increment(ref _connections);

    public void ConnectionClosed() => Interlocked.Decrement(ref _connections);

    public void SessionStarted() => Interlocked.Increment(ref _sessions);

    public void SessionStopped() => Interlocked.Decrement(ref _sessions);

    public void MessageIn() => Interlocked.Increment(ref _messagesIn);

    public void MessagesOut(int count) => Interlocked.Add(ref _messagesOut, count);

    public void Restarted() => Interlocked.Increment(ref _restarts);

    public void Dropped(long count) => Interlocked.Add(ref _drops, count);

    /// <summary>
    /// One connection's outbound queue now holds <paramref name="connectionBytes"/> after a change of
    /// <paramref name="delta"/>: the server-wide total moves by the delta, and the per-connection
    /// peak keeps the highest value any one connection reached.
    /// </summary>
    public void Buffered(long delta, long connectionBytes)
    {
        Interlocked.Add(ref _bufferedBytes, delta);
        var peak = Volatile.Read(ref _peakConnectionBufferedBytes);
        while (connectionBytes > peak)
        {
            var seen = Interlocked.CompareExchange(ref _peakConnectionBufferedBytes, connectionBytes, peak);
            if (seen == peak)
            {
                break;
            }

            peak = seen;
        }
    }

    /// <summary>The hub told a session to hold (<paramref name="held"/> true) or to go on.</summary>
    public void InputHeld(bool held)
    {
        Interlocked.Add(ref _heldSessions, held ? 1 : -1);
        if (held)
        {
            Interlocked.Increment(ref _holds);
        }
    }

    /// <summary>Set by the chat hub, the only owner of rooms.</summary>
    public void SetRooms(int count) => Volatile.Write(ref _rooms, count);

    public ServerStats Snapshot() => new(
        Volatile.Read(ref _connections),
        Volatile.Read(ref _sessions),
        Volatile.Read(ref _messagesIn),
        Volatile.Read(ref _messagesOut),
        Volatile.Read(ref _restarts),
        Volatile.Read(ref _drops),
        Volatile.Read(ref _rooms))
    {
        BufferedBytes = Volatile.Read(ref _bufferedBytes),
        PeakConnectionBufferedBytes = Volatile.Read(ref _peakConnectionBufferedBytes),
        HeldSessions = Volatile.Read(ref _heldSessions),
        Holds = Volatile.Read(ref _holds),
    };
}
