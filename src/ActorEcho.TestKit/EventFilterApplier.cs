using ActorEcho.TestKit.Logging;

namespace ActorEcho.TestKit;

/// <summary>
/// One event filter, ready to apply: expect a number of matching events while an action runs, or
/// mute them. Matching events are intercepted while the filter is active (not written to the test
/// output): they were expected.
/// </summary>
public sealed class EventFilterApplier
{
    private readonly TestKitBase _kit;
    private readonly TestLogSink _sink;
    private readonly EventMatcher _matcher;

    internal EventFilterApplier(TestKitBase kit, TestLogSink sink, EventMatcher matcher)
    {
        _kit = kit;
        _sink = sink;
        _matcher = matcher;
    }

    /// <summary>
    /// Runs <paramref name="action"/>, then waits (at most the dilated
    /// <see cref="TestKitSettings.DefaultTimeout"/>) until <paramref name="occurrences"/> matching
    /// events were seen since it started. Fails when fewer arrive in time or more were seen.
    /// </summary>
    public void Expect(int occurrences, Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var task = ExpectCore(occurrences, () =>
        {
            action();
            return ValueTask.CompletedTask;
        }, sync: true, default);
        if (task.IsCompleted)
        {
            task.GetAwaiter().GetResult();
        }
        else
        {
            task.AsTask().GetAwaiter().GetResult();
        }
    }

    /// <summary>Same as <see cref="Expect(int, Action)"/> for one event.</summary>
    public void ExpectOne(Action action) => Expect(1, action);

    /// <summary>Function form of <see cref="Expect(int, Action)"/>: returns what <paramref name="function"/> returns.</summary>
    public T Expect<T>(int occurrences, Func<T> function)
    {
        ArgumentNullException.ThrowIfNull(function);
        T result = default!;
        Expect(occurrences, () => { result = function(); });
        return result;
    }

    /// <summary>Asynchronous <see cref="Expect(int, Action)"/>.</summary>
    public Task ExpectAsync(int occurrences, Func<Task> action, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(action);
        return ExpectCore(occurrences, () => new ValueTask(action()), sync: false, cancellationToken).AsTask();
    }

    /// <summary>Asynchronous <see cref="ExpectOne"/>.</summary>
    public Task ExpectOneAsync(Func<Task> action, CancellationToken cancellationToken = default) => ExpectAsync(1, action, cancellationToken);

    /// <summary>Suppresses matching events until the returned handle is disposed.</summary>
    public IDisposable Mute() => new Muting(_sink, _sink.Activate(_matcher, intercept: true));

    /// <summary>Suppresses matching events while <paramref name="action"/> runs.</summary>
    public void Mute(Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        using (Mute())
        {
            action();
        }
    }

    /// <inheritdoc />
    public override string ToString() => _matcher.Description;

    private async ValueTask ExpectCore(int occurrences, Func<ValueTask> action, bool sync, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(occurrences);
        var active = _sink.Activate(_matcher, intercept: true);
        try
        {
            await action().ConfigureAwait(false);
            var wait = _kit.Dilated(_kit.TestKitSettings.DefaultTimeout);
            var seen = await active.WaitForAsync(occurrences, Internal.Deadline.After(wait), sync, cancellationToken).ConfigureAwait(false);
            if (seen < occurrences)
            {
                throw new TestKitAssertionException($"Expected {occurrences} {Plural(occurrences)} matching {_matcher.Description}, but saw {seen} within {wait.TotalMilliseconds:0} ms");
            }

            if (seen > occurrences)
            {
                throw new TestKitAssertionException($"Expected {occurrences} {Plural(occurrences)} matching {_matcher.Description}, but saw {seen} (too many)");
            }
        }
        finally
        {
            _sink.Deactivate(active);
        }
    }

    private static string Plural(int n) => n == 1 ? "event" : "events";

    private sealed class Muting(TestLogSink sink, ActiveFilter active) : IDisposable
    {
        public void Dispose() => sink.Deactivate(active);
    }
}
