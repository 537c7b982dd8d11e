namespace ActorEcho.TestKit.Logging;

/// <summary>
/// An installed event filter and how many events it has matched so far. Waiters block on a signal
/// completed by each match, so <c>Expect</c> wakes when an event arrives rather than polling.
/// </summary>
internal sealed class ActiveFilter(EventMatcher matcher, bool intercepts)
{
    private readonly object _gate = new();
    private int _count;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public EventMatcher Matcher => matcher;

    public bool Intercepts => intercepts;

    public int Count => Volatile.Read(ref _count);

    public void Increment()
    {
        TaskCompletionSource changed;
        lock (_gate)
        {
            _count++;
            changed = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        changed.TrySetResult();
    }

    /// <summary>Waits until at least <paramref name="count"/> events matched or <paramref name="deadline"/> (Stopwatch time) passed.</summary>
    public async ValueTask<int> WaitForAsync(int count, TimeSpan deadline, bool sync, CancellationToken cancellationToken)
    {
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                if (_count >= count)
                {
                    return _count;
                }

                changed = _changed.Task;
            }

            var left = Internal.Deadline.Slice(Internal.Deadline.Left(deadline));
            if (left <= TimeSpan.Zero)
            {
                return Count;
            }

            if (sync)
            {
                changed.Wait(left, cancellationToken);
            }
            else
            {
                await changed.WaitAsync(left, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                cancellationToken.ThrowIfCancellationRequested();
            }
        }
    }
}
