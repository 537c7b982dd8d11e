namespace ActorEcho.IO.TcpTransport;

/// <summary>Live connections of one listener; its connection actors decrement it in PostStop, from their own threads.</summary>
internal sealed class ConnectionCounter
{
    private int _live;

    public int Live => Volatile.Read(ref _live);

    public void Increment() => Interlocked.Increment(ref _live);

    public void Decrement() => Interlocked.Decrement(ref _live);
}
