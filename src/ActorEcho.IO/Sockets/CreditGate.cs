namespace ActorEcho.IO.Sockets;

/// <summary>
/// Lets an actor pace one of its socket loops. The loop awaits <see cref="WaitAsync"/> before each
/// operation (a read or an accept); the actor either opens the gate (push mode) or grants a number
/// of operations (pull mode, accept batches). Thread-safe: the actor and the loop run on different
/// threads.
/// </summary>
internal sealed class CreditGate
{
    private readonly Lock _lock = new();
    private bool _open;
    private long _credits;
    private TaskCompletionSource? _waiter;

    /// <summary>Opens the gate: every wait succeeds until <see cref="Shut"/>.</summary>
    public void Open()
    {
        TaskCompletionSource? wake;
        lock (_lock)
        {
            _open = true;
            wake = TakeWaiter();
        }

        wake?.TrySetResult();
    }

    /// <summary>Shuts the gate: waits consume credits and block when there are none.</summary>
    public void Shut()
    {
        lock (_lock)
        {
            _open = false;
        }
    }

    /// <summary>Allows <paramref name="count"/> more operations while the gate is shut.</summary>
    public void Grant(int count)
    {
        TaskCompletionSource? wake;
        lock (_lock)
        {
            _credits += count;
            wake = _credits > 0 ? TakeWaiter() : null;
        }

        wake?.TrySetResult();
    }

    /// <summary>Completes when one more operation is allowed (consuming a credit when the gate is shut).</summary>
    public ValueTask WaitAsync(CancellationToken cancellationToken)
    {
        Task waitFor;
        lock (_lock)
        {
            if (_open)
            {
                return ValueTask.CompletedTask;
            }

            if (_credits > 0)
            {
                _credits--;
                return ValueTask.CompletedTask;
            }

            _waiter ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            waitFor = _waiter.Task;
        }

        return AwaitThenRetry(waitFor, cancellationToken);
    }

    private async ValueTask AwaitThenRetry(Task waitFor, CancellationToken cancellationToken)
    {
        await waitFor.WaitAsync(cancellationToken);
        await WaitAsync(cancellationToken);
    }

    private TaskCompletionSource? TakeWaiter()
    {
        var waiter = _waiter;
        _waiter = null;
        return waiter;
    }
}
