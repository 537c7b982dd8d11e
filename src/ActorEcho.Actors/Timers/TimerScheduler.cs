using ActorEcho.Actors.Cell;
using ActorEcho.Actors.Scheduling;

namespace ActorEcho.Actors.Timers;

/// <summary>The timers of one actor incarnation; used only on the actor's own thread.</summary>
internal sealed class TimerScheduler(ActorCell cell) : ITimerScheduler
{
    private readonly Dictionary<object, Timer> _timers = [];
    private long _generation;

    public IReadOnlyCollection<object> ActiveTimers => _timers.Keys.ToArray();

    public void StartSingleTimer(object key, object message, TimeSpan timeout) => Start(key, message, timeout, null);

    public void StartPeriodicTimer(object key, object message, TimeSpan interval) => Start(key, message, interval, interval);

    public void StartPeriodicTimer(object key, object message, TimeSpan initialDelay, TimeSpan interval) => Start(key, message, initialDelay, interval);

    public bool IsTimerActive(object key) => _timers.ContainsKey(key);

    public void Cancel(object key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (_timers.Remove(key, out var timer))
        {
            timer.Task.Cancel();
        }
    }

    public void CancelAll()
    {
        foreach (var timer in _timers.Values)
        {
            timer.Task.Cancel();
        }

        _timers.Clear();
    }

    /// <summary>Unwraps a delivery if its timer is still the current one for its key.</summary>
    internal bool TryAccept(TimerMessage delivery, out object message)
    {
        message = delivery.Message;
        if (!ReferenceEquals(delivery.Owner, this)
            || !_timers.TryGetValue(delivery.Key, out var timer)
            || timer.Generation != delivery.Generation)
        {
            return false;
        }

        if (!timer.Repeating)
        {
            _timers.Remove(delivery.Key);
        }

        return true;
    }

    private void Start(object key, object message, TimeSpan delay, TimeSpan? interval)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(message);
        Cancel(key);
        var generation = ++_generation;
        var delivery = new TimerMessage(key, generation, message, this);
        var scheduler = cell.System.Scheduler;
        var task = interval is { } every
            ? scheduler.ScheduleTellRepeatedly(delay, every, cell.Self, delivery, null)
            : scheduler.ScheduleTellOnce(delay, cell.Self, delivery, null);
        _timers[key] = new Timer(generation, interval is not null, task);
    }

    private sealed record Timer(long Generation, bool Repeating, ICancelable Task);
}
