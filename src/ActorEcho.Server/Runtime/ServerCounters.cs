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

    public void ConnectionOpened() => Interlocked.Increment(ref _connections);

    public void ConnectionClosed() => Interlocked.Decrement(ref _connections);

    public void SessionStarted() => Interlocked.Increment(ref _sessions);

    public void SessionStopped() => Interlocked.Decrement(ref _sessions);

    public void MessageIn() => Interlocked.Increment(ref _messagesIn);

    public void MessagesOut(int count) => Interlocked.Add(ref _messagesOut, count);

    public void Restarted() => Interlocked.Increment(ref _restarts);

    public void Dropped(long count) => Interlocked.Add(ref _drops, count);

    /// <summary>Set by the chat hub, the only owner of rooms.</summary>
    public void SetRooms(int count) => Volatile.Write(ref _rooms, count);

    public ServerStats Snapshot() => new(
        Volatile.Read(ref _connections),
        Volatile.Read(ref _sessions),
        Volatile.Read(ref _messagesIn),
        Volatile.Read(ref _messagesOut),
        Volatile.Read(ref _restarts),
        Volatile.Read(ref _drops),
        Volatile.Read(ref _rooms));
}
