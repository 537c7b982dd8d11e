using ActorEcho.Actors.Scheduling;

namespace ActorEcho.TestKit;

/// <summary>
/// A virtual-time scheduler: time stands still until the test moves it with <see cref="Advance"/>
/// or <see cref="AdvanceTo"/>, which then run every item that has become due, in due-time order,
/// synchronously on the calling thread (a repeating item runs once per interval passed). Pass it
/// as <c>TestKitOptions.Scheduler</c> (or set <c>UseTestScheduler</c>) and the system's receive
/// timeouts, actor timers and Ask timeouts all follow it. Thread-safe.
/// </summary>
/// <remarks>
/// The clock jumps to the target of an advance before the due items run, so work scheduled
/// meanwhile (from the items, or from actors on other threads) is due relative to the target and
/// waits for the next advance. Items scheduled with a zero or negative delay run on the next
/// advance, even <c>Advance(TimeSpan.Zero)</c>.
/// </remarks>
public sealed class TestScheduler : IScheduler
{
    /// <summary>Where <see cref="Now"/> starts unless another start is given: 2000-01-01T00:00:00Z.</summary>
    public static readonly DateTimeOffset DefaultStart = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly object _gate = new();
    private readonly object _advancing = new();
    private readonly PriorityQueue<Item, (TimeSpan Due, long Sequence)> _items = new();
    private readonly DateTimeOffset _start;
    private TimeSpan _elapsed;
    private long _sequence;

    /// <summary>Creates a scheduler whose clock starts at <paramref name="start"/> (default <see cref="DefaultStart"/>).</summary>
    public TestScheduler(DateTimeOffset? start = null)
    {
        _start = start ?? DefaultStart;
    }

    /// <inheritdoc />
    public DateTimeOffset Now
    {
        get
        {
            lock (_gate)
            {
                return _start + _elapsed;
            }
        }
    }

    /// <inheritdoc />
    public TimeSpan MonotonicClock
    {
        get
        {
            lock (_gate)
            {
                return _elapsed;
            }
        }
    }

    /// <summary>How many scheduled items are waiting (cancelled ones included until their time comes).</summary>
    public int PendingCount
    {
        get
        {
            lock (_gate)
            {
                return _items.Count;
            }
        }
    }

    /// <inheritdoc />
    public ICancelable ScheduleTellOnce(TimeSpan delay, IActorRef receiver, object message, IActorRef? sender)
    {
        ArgumentNullException.ThrowIfNull(receiver);
        ArgumentNullException.ThrowIfNull(message);
        return Add(delay, null, () => receiver.Tell(message, sender));
    }

    /// <inheritdoc />
    public ICancelable ScheduleTellRepeatedly(TimeSpan initialDelay, TimeSpan interval, IActorRef receiver, object message, IActorRef? sender)
    {
        ArgumentNullException.ThrowIfNull(receiver);
        ArgumentNullException.ThrowIfNull(message);
        return Add(initialDelay, CheckInterval(interval), () => receiver.Tell(message, sender));
    }

    /// <inheritdoc />
    public ICancelable ScheduleOnce(TimeSpan delay, Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        return Add(delay, null, action);
    }

    /// <inheritdoc />
    public ICancelable ScheduleRepeatedly(TimeSpan initialDelay, TimeSpan interval, Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        return Add(initialDelay, CheckInterval(interval), action);
    }

    /// <summary>Moves the clock forward by <paramref name="offset"/> and runs everything due by then.</summary>
    public void Advance(TimeSpan offset)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(offset, TimeSpan.Zero);
        lock (_advancing)
        {
            TimeSpan target;
            lock (_gate)
            {
                target = _elapsed + offset;
                _elapsed = target;
            }

            RunDue(target);
        }
    }

    /// <summary>Moves the clock to <paramref name="when"/> (not backwards) and runs everything due by then.</summary>
    public void AdvanceTo(DateTimeOffset when)
    {
        lock (_advancing)
        {
            TimeSpan offset;
            lock (_gate)
            {
                offset = when - (_start + _elapsed);
            }

            if (offset < TimeSpan.Zero)
            {
                throw new ArgumentOutOfRangeException(nameof(when), when, $"virtual time cannot go back (it is {Now:O})");
            }

            Advance(offset);
        }
    }

    private void RunDue(TimeSpan target)
    {
        while (true)
        {
            Item item;
            TimeSpan due;
            lock (_gate)
            {
                if (!_items.TryPeek(out item!, out var key) || key.Due > target)
                {
                    return;
                }

                _items.Dequeue();
                due = key.Due;
            }

            if (item.IsCancellationRequested)
            {
                continue;
            }

            if (item.Interval is { } interval)
            {
                // Re-armed from its own due time, so one long advance runs it once per interval passed.
                lock (_gate)
                {
                    _items.Enqueue(item, (due + interval, _sequence++));
                }
            }
            else
            {
                item.MarkDone();
            }

            item.Work();
        }
    }

    private Item Add(TimeSpan delay, TimeSpan? interval, Action work)
    {
        var item = new Item(work, interval);
        lock (_gate)
        {
            var due = _elapsed + (delay > TimeSpan.Zero ? delay : TimeSpan.Zero);
            _items.Enqueue(item, (due, _sequence++));
        }

        return item;
    }

    private static TimeSpan CheckInterval(TimeSpan interval) =>
        interval > TimeSpan.Zero && interval != Timeout.InfiniteTimeSpan
            ? interval
            : throw new ArgumentOutOfRangeException(nameof(interval), interval, "a repeating schedule needs a positive, finite interval");

    private sealed class Item(Action work, TimeSpan? interval) : ICancelable
    {
        private int _cancelled;

        public TimeSpan? Interval => interval;

        public Action Work => work;

        public bool IsCancellationRequested => Volatile.Read(ref _cancelled) != 0;

        public void Cancel() => Interlocked.Exchange(ref _cancelled, 1);

        // A one-shot that has run reports itself as no longer pending, as the real scheduler does.
        public void MarkDone() => Interlocked.Exchange(ref _cancelled, 1);
    }
}
