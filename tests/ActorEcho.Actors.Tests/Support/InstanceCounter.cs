namespace ActorEcho.Actors.Tests.Support;

/// <summary>Numbers actor instances (1, 2, ...) so a test can tell which incarnation handled a message.</summary>
internal sealed class InstanceCounter
{
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public int Next() => Interlocked.Increment(ref _count);
}
