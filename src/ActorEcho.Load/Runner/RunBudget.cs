namespace ActorEcho.Load.Runner;

/// <summary>The shared message allowance of a <c>--messages</c> run; unlimited otherwise.</summary>
internal sealed class RunBudget
{
    private long _remaining;

    public RunBudget(long? messages) => _remaining = messages ?? long.MaxValue;

    /// <summary>Takes one message from the allowance; false once it is used up.</summary>
    public bool TryTake() => Volatile.Read(ref _remaining) > 0 && Interlocked.Decrement(ref _remaining) >= 0;
}
