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
        Schedule(new TellItem(this, repeating: false, receiver, message, sender), delay, Timeout.InfiniteTimeSpan);

    public ICancelable ScheduleTellRepeatedly(TimeSpan initialDelay, TimeSpan interval, IActorRef receiver, object message, IActorRef? sender) =>
        Schedule(new TellItem(this, repeating: true, receiver, message, sender), initialDelay, CheckInterval(interval));

    public ICancelable ScheduleOnce(TimeSpan delay, Action action) =>
        Schedule(new ActionItem(this, repeating: false, action), delay, Timeout.InfiniteTimeSpan);

    public ICancelable ScheduleRepeatedly(TimeSpan initialDelay, TimeSpan interval, Action action) =>
        Schedule(new ActionItem(this, repeating: true, action), initialDelay, CheckInterval(interval));

    public void Dispose() => _disposed = true;

    private static TimeSpan CheckInterval(TimeSpan interval)
    {
        if (interval <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(interval), interval, "a repeating schedule needs an interval greater than zero");
        }

        return interval;
    }

    private Item Schedule(Item item, TimeSpan delay, TimeSpan period)
    {
        if (_disposed)
        {
            item.Cancel();
            return item;
        }

        item.Start(_time, delay < TimeSpan.Zero ? TimeSpan.Zero : delay, period);
        return item;
    }

    /// <summary>A scheduled tell: the item carries the message itself (one object less per schedule).</summary>
    private sealed class TellItem : Item
    {
        private IActorRef? _receiver;
        private object? _message;
        private IActorRef? _sender;

        public TellItem(DefaultScheduler owner, bool repeating, IActorRef receiver, object message, IActorRef? sender)
            : base(owner, repeating)
        {
            ArgumentNullException.ThrowIfNull(receiver);
            ArgumentNullException.ThrowIfNull(message);
            _receiver = receiver;
            _message = message;
            _sender = sender;
        }

        protected override void Run()
        {
            // Read before a racing Release clears them; a spent item never runs (see OnFire).
            var receiver = Volatile.Read(ref _receiver);
            var message = Volatile.Read(ref _message);
            if (receiver is not null && message is not null)
            {
                receiver.Tell(message, _sender);
            }
        }

        protected override void Forget()
        {
            Volatile.Write(ref _receiver, null);
            Volatile.Write(ref _message, null);
            _sender = null;
        }
    }

    private sealed class ActionItem : Item
    {
        private Action? _action;

        public ActionItem(DefaultScheduler owner, bool repeating, Action action)
            : base(owner, repeating)
        {
            ArgumentNullException.ThrowIfNull(action);
            _action = action;
        }

        protected override void Run() => Volatile.Read(ref _action)?.Invoke();

        protected override void Forget() => Volatile.Write(ref _action, null);
    }

    /// <summary>
    /// One scheduled item and its timer. Once spent (cancelled, or a one-shot that fired) it drops
    /// the timer and what it would deliver: callers keep the cancellable for a long time (a
    /// cancelled receive timeout lives as long as its actor), the timer and message need not.
    /// </summary>
    private abstract class Item : ICancelable
    {
        private static readonly TimerCallback Fire = state => ((Item)state!).OnFire();
        private readonly DefaultScheduler _owner;
        private readonly bool _repeating;
        private ITimer? _timer;
        private int _cancelled;

        protected Item(DefaultScheduler owner, bool repeating)
        {
            _owner = owner;
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

            if (_repeating)
            {
                Run();
                return;
            }

            if (Interlocked.Exchange(ref _cancelled, 1) != 0)
            {
                return; // cancelled in the meantime
            }

            // Only this thread can get here for a one-shot, and Cancel no longer releases: deliver, then forget.
            Run();
            Release();
        }

        /// <summary>Delivers the item (a tell or an action).</summary>
        protected abstract void Run();

        /// <summary>Drops what the item would deliver.</summary>
        protected abstract void Forget();

        private void Release()
        {
            Interlocked.Exchange(ref _timer, null)?.Dispose();
            Forget();
        }
    }
}
