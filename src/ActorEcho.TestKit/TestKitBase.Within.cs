using ActorEcho.TestKit.Internal;

namespace ActorEcho.TestKit;

// Time bounds: Within blocks (which every expectation inside them honours through Remaining),
// and the polling assertions AwaitAssert and AwaitCondition, whose contract is to retry.
public abstract partial class TestKitBase
{
    private static readonly TimeSpan DefaultPollInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// Runs <paramref name="action"/> and asserts it took at most <paramref name="max"/> (dilated).
    /// Expectations inside without a timeout wait at most for what is left; a nested block gets at
    /// most what is left of the outer one.
    /// </summary>
    public void Within(TimeSpan max, Action action, string? hint = null, TimeSpan? epsilonValue = null) =>
        Within(TimeSpan.Zero, max, action, hint, epsilonValue);

    /// <summary>
    /// Runs <paramref name="action"/> and asserts it took at least <paramref name="min"/> (a lower
    /// bound, not dilated) and at most <paramref name="max"/> (dilated).
    /// </summary>
    public void Within(TimeSpan min, TimeSpan max, Action action, string? hint = null, TimeSpan? epsilonValue = null)
    {
        ArgumentNullException.ThrowIfNull(action);
        RunSync(WithinCore(min, max, () =>
        {
            action();
            return new ValueTask<bool>(true);
        }, hint, epsilonValue));
    }

    /// <summary>Function form of <see cref="Within(TimeSpan, Action, string?, TimeSpan?)"/>: returns what <paramref name="function"/> returns.</summary>
    public T Within<T>(TimeSpan max, Func<T> function, string? hint = null, TimeSpan? epsilonValue = null) =>
        Within(TimeSpan.Zero, max, function, hint, epsilonValue);

    /// <summary>Function form of <see cref="Within(TimeSpan, TimeSpan, Action, string?, TimeSpan?)"/>.</summary>
    public T Within<T>(TimeSpan min, TimeSpan max, Func<T> function, string? hint = null, TimeSpan? epsilonValue = null)
    {
        ArgumentNullException.ThrowIfNull(function);
        return RunSync(WithinCore(min, max, () => new ValueTask<T>(function()), hint, epsilonValue));
    }

    /// <summary>Asynchronous <see cref="Within(TimeSpan, Action, string?, TimeSpan?)"/>.</summary>
    public Task WithinAsync(TimeSpan max, Func<Task> function, string? hint = null, TimeSpan? epsilonValue = null) =>
        WithinAsync(TimeSpan.Zero, max, function, hint, epsilonValue);

    /// <summary>Asynchronous <see cref="Within(TimeSpan, TimeSpan, Action, string?, TimeSpan?)"/>.</summary>
    public Task WithinAsync(TimeSpan min, TimeSpan max, Func<Task> function, string? hint = null, TimeSpan? epsilonValue = null)
    {
        ArgumentNullException.ThrowIfNull(function);
        return WithinCore(min, max, async () =>
        {
            await function().ConfigureAwait(false);
            return true;
        }, hint, epsilonValue).AsTask();
    }

    /// <summary>Asynchronous <see cref="Within{T}(TimeSpan, Func{T}, string?, TimeSpan?)"/>.</summary>
    public Task<T> WithinAsync<T>(TimeSpan max, Func<Task<T>> function, string? hint = null, TimeSpan? epsilonValue = null) =>
        WithinAsync(TimeSpan.Zero, max, function, hint, epsilonValue);

    /// <summary>Asynchronous <see cref="Within{T}(TimeSpan, TimeSpan, Func{T}, string?, TimeSpan?)"/>.</summary>
    public Task<T> WithinAsync<T>(TimeSpan min, TimeSpan max, Func<Task<T>> function, string? hint = null, TimeSpan? epsilonValue = null)
    {
        ArgumentNullException.ThrowIfNull(function);
        return WithinCore(min, max, () => new ValueTask<T>(function()), hint, epsilonValue).AsTask();
    }

    /// <summary>
    /// Runs <paramref name="assertion"/> every <paramref name="interval"/> (default 100 ms) until it
    /// does not throw; fails with its last exception once <paramref name="duration"/> (dilated;
    /// default <see cref="RemainingOrDefault"/>) has passed.
    /// </summary>
    public void AwaitAssert(Action assertion, TimeSpan? duration = null, TimeSpan? interval = null)
    {
        ArgumentNullException.ThrowIfNull(assertion);
        RunSync(AwaitAssertCore(() =>
        {
            assertion();
            return ValueTask.CompletedTask;
        }, RemainingOrDilated(duration), interval ?? DefaultPollInterval, true, default));
    }

    /// <summary>Asynchronous <see cref="AwaitAssert"/>.</summary>
    public Task AwaitAssertAsync(Action assertion, TimeSpan? duration = null, TimeSpan? interval = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(assertion);
        return AwaitAssertCore(() =>
        {
            assertion();
            return ValueTask.CompletedTask;
        }, RemainingOrDilated(duration), interval ?? DefaultPollInterval, false, cancellationToken).AsTask();
    }

    /// <summary>Asynchronous <see cref="AwaitAssert"/> with an asynchronous assertion.</summary>
    public Task AwaitAssertAsync(Func<Task> assertion, TimeSpan? duration = null, TimeSpan? interval = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(assertion);
        return AwaitAssertCore(() => new ValueTask(assertion()), RemainingOrDilated(duration), interval ?? DefaultPollInterval, false, cancellationToken).AsTask();
    }

    /// <summary>
    /// Evaluates <paramref name="conditionIsFulfilled"/> every <paramref name="interval"/> (default
    /// 100 ms) until it is true; fails once <paramref name="max"/> (dilated; default
    /// <see cref="RemainingOrDefault"/>) has passed, with <paramref name="message"/> in the failure.
    /// </summary>
    public void AwaitCondition(Func<bool> conditionIsFulfilled, TimeSpan? max = null, TimeSpan? interval = null, string? message = null)
    {
        ArgumentNullException.ThrowIfNull(conditionIsFulfilled);
        RunSync(AwaitConditionCore(() => new ValueTask<bool>(conditionIsFulfilled()), RemainingOrDilated(max), interval ?? DefaultPollInterval, message, true, default));
    }

    /// <summary>Same as <see cref="AwaitCondition(Func{bool}, TimeSpan?, TimeSpan?, string?)"/> with the default interval.</summary>
    public void AwaitCondition(Func<bool> conditionIsFulfilled, TimeSpan? max, string? message) =>
        AwaitCondition(conditionIsFulfilled, max, null, message);

    /// <summary>Asynchronous <see cref="AwaitCondition(Func{bool}, TimeSpan?, TimeSpan?, string?)"/>.</summary>
    public Task AwaitConditionAsync(Func<bool> conditionIsFulfilled, TimeSpan? max = null, TimeSpan? interval = null, string? message = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(conditionIsFulfilled);
        return AwaitConditionCore(() => new ValueTask<bool>(conditionIsFulfilled()), RemainingOrDilated(max), interval ?? DefaultPollInterval, message, false, cancellationToken).AsTask();
    }

    /// <summary>Asynchronous <see cref="AwaitCondition(Func{bool}, TimeSpan?, TimeSpan?, string?)"/> with an asynchronous condition.</summary>
    public Task AwaitConditionAsync(Func<Task<bool>> conditionIsFulfilled, TimeSpan? max = null, TimeSpan? interval = null, string? message = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(conditionIsFulfilled);
        return AwaitConditionCore(() => new ValueTask<bool>(conditionIsFulfilled()), RemainingOrDilated(max), interval ?? DefaultPollInterval, message, false, cancellationToken).AsTask();
    }

    private async ValueTask<T> WithinCore<T>(TimeSpan min, TimeSpan max, Func<ValueTask<T>> body, string? hint, TimeSpan? epsilonValue)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(min, TimeSpan.Zero);
        if (max == Timeout.InfiniteTimeSpan || max < min)
        {
            throw new ArgumentOutOfRangeException(nameof(max), max, "Within needs a finite max that is not below min");
        }

        var start = Now;
        var dilatedMax = Dilated(max);

        // A nested block never gets more time than is left of the block around it.
        var maxDiff = _end is { } outer ? Min(Max(outer - start, TimeSpan.Zero), dilatedMax) : dilatedMax;
        var previousEnd = _end;
        _end = Deadline.Add(start, maxDiff);
        T result;
        try
        {
            result = await body().ConfigureAwait(false);
        }
        finally
        {
            _end = previousEnd;
        }

        var took = Now - start;
        if (took < min)
        {
            throw Fail($"Within: the block took {Format(took)}, less than the minimum {Format(min)}", hint);
        }

        // A trailing ExpectNoMsg waits out the whole remainder by design; it cannot be "too slow".
        if (!_lastWasNoMsg && took > Deadline.Add(maxDiff, epsilonValue ?? TimeSpan.Zero))
        {
            throw Fail($"Within: the block took {Format(took)}, exceeding the maximum {Format(maxDiff)}", hint);
        }

        return result;
    }

    private static async ValueTask AwaitAssertCore(Func<ValueTask> assertion, TimeSpan max, TimeSpan interval, bool sync, CancellationToken cancellationToken)
    {
        CheckInterval(interval);
        var stop = Deadline.After(max);
        while (true)
        {
            try
            {
                await assertion().ConfigureAwait(false);
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                var left = stop - Now;
                if (left <= TimeSpan.Zero)
                {
                    throw Fail($"AwaitAssert: the assertion still failed after {Format(max)}: {e.Message}", null, e);
                }

                await Pause(Min(interval, left), sync, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static async ValueTask AwaitConditionCore(Func<ValueTask<bool>> condition, TimeSpan max, TimeSpan interval, string? message, bool sync, CancellationToken cancellationToken)
    {
        CheckInterval(interval);
        var stop = Deadline.After(max);
        while (!await condition().ConfigureAwait(false))
        {
            var left = stop - Now;
            if (left <= TimeSpan.Zero)
            {
                throw Fail($"Timeout ({Format(max)}) while awaiting a condition" + (string.IsNullOrEmpty(message) ? string.Empty : ": " + message), null);
            }

            await Pause(Min(interval, left), sync, cancellationToken).ConfigureAwait(false);
        }
    }

    // Retrying at an interval is what AwaitAssert/AwaitCondition promise; message expectations never get here.
    private static async ValueTask Pause(TimeSpan delay, bool sync, CancellationToken cancellationToken)
    {
        if (sync)
        {
            Thread.Sleep(delay);
        }
        else
        {
            await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
        }
    }

    private static void CheckInterval(TimeSpan interval)
    {
        if (interval <= TimeSpan.Zero || interval == Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(interval), interval, "the polling interval must be positive and finite");
        }
    }
}
