namespace ActorEcho.Actors.Scheduling;

/// <summary>
/// The production scheduler: one <see cref="ITimer"/> per scheduled item from a
/// <see cref="TimeProvider"/>. .NET's timer queue is per-core and cheap to add to and remove from,
/// so a timer per item scales to the tens of thousands of receive timeouts a busy server holds.
/// </summary>
internal sealed class DefaultScheduler : IScheduler, IDisposable
{
    private readonly TimeProvider _time;
    private readonly long _startTimestamp;
    private volatile bool _disposed;

    public DefaultScheduler(TimeProvider? time = null)
    {
        _time = time ?? TimeProvider.System;
        _startTimestamp = _time.GetTimestamp();
    }

    public DateTimeOffset Now => _time.GetUtcNow();

    public TimeSpan MonotonicClock => _time.GetElapsedTime(_startTimestamp);

    public ICancelable ScheduleTellOnce(TimeSpan delay, IActorRef receiver, object message, IActorRef? sender) =>
        Schedule(delay, Timeout.InfiniteTimeSpan, new TellWork(receiver, message, sender));

    public ICancelable ScheduleTellRepeatedly(TimeSpan initialDelay, TimeSpan interval, IActorRef receiver, object message, IActorRef? sender) =>
        Schedule(initialDelay, CheckInterval(interval), new TellWork(receiver, message, sender));

    public ICancelable ScheduleOnce(TimeSpan delay, Action action) =>
        Schedule(delay, Timeout.InfiniteTimeSpan, new ActionWork(action));

    public ICancelable ScheduleRepeatedly(TimeSpan initialDelay, TimeSpan interval, Action action) =>
        Schedule(initialDelay, CheckInterval(interval), new ActionWork(action));

    public void Dispose() => _disposed = true;

    private static TimeSpan CheckInterval(TimeSpan interval)
    {
        if (interval <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(interval), interval, "a repeating schedule needs an interval greater than zero");
        }

        return interval;
    }

    private Item Schedule(TimeSpan delay, TimeSpan period, Work work)
    {
        ArgumentNullException.ThrowIfNull(work);
        var item = new Item(this, work, period != Timeout.InfiniteTimeSpan);
        if (_disposed)
        {
            item.Cancel();
            return item;
        }

        item.Start(_time, delay < TimeSpan.Zero ? TimeSpan.Zero : delay, period);
        return item;
    }

    private abstract class Work
    {
        public abstract void Run();
    }

    private sealed class TellWork(IActorRef receiver, object message, IActorRef? sender) : Work
    {
        public override void Run() => receiver.Tell(message, sender);
    }

    private sealed class ActionWork(Action action) : Work
    {
        public override void Run() => action();
    }

    private sealed class Item : ICancelable
    {
        private static readonly TimerCallback Fire = state => ((Item)state!).OnFire();
        private readonly DefaultScheduler _owner;
        private readonly bool _repeating;

        // Both dropped once the item is spent: callers keep the cancellable for a long time (a
        // cancelled receive timeout lives as long as its actor), the timer and message need not.
        private Work? _work;
        private ITimer? _timer;
        private int _cancelled;

        public Item(DefaultScheduler owner, Work work, bool repeating)
        {
            _owner = owner;
            _work = work;
            _repeating = repeating;
        }

        public bool IsCancellationRequested => Volatile.Read(ref _cancelled) != 0;

        public void Start(TimeProvider time, TimeSpan due, TimeSpan period)
        {
            var timer = time.CreateTimer(Fire, this, due, period);
            Volatile.Write(ref _timer, timer);

            // Cancel may have raced with creation: make sure a cancelled item holds no timer.
            if (IsCancellationRequested)
            {
                Release();
            }
        }

        public void Cancel()
        {
            if (Interlocked.Exchange(ref _cancelled, 1) == 0)
            {
                Release();
            }
        }

        private void OnFire()
        {
            if (IsCancellationRequested)
            {
                return;
            }

            if (_owner._disposed)
            {
                // The system is gone: a repeating timer must not keep the process busy forever.
                Cancel();
                return;
            }

            var work = Volatile.Read(ref _work);
            if (!_repeating)
            {
                if (Interlocked.Exchange(ref _cancelled, 1) != 0)
                {
                    return; // cancelled in the meantime
                }

                Release();
            }

            work?.Run();
        }

        private void Release()
        {
            Interlocked.Exchange(ref _timer, null)?.Dispose();
            Volatile.Write(ref _work, null);
        }
    }
}
