namespace ActorEcho.Actors.Scheduling;

/// <summary>
/// Delivers messages (or runs actions) later or periodically. Every timed behaviour of the
/// kernel — receive timeouts, actor timers, ask timeouts — goes through the system's scheduler,
/// so replacing it (the TestKit's virtual-time scheduler) controls time for all of them.
/// </summary>
public interface IScheduler
{
    /// <summary>Wall-clock time as this scheduler sees it.</summary>
    DateTimeOffset Now { get; }

    /// <summary>A monotonic clock (time since an arbitrary start) for measuring intervals.</summary>
    TimeSpan MonotonicClock { get; }

    /// <summary>Sends <paramref name="message"/> to <paramref name="receiver"/> once, after <paramref name="delay"/>.</summary>
    ICancelable ScheduleTellOnce(TimeSpan delay, IActorRef receiver, object message, IActorRef? sender);

    /// <summary>
    /// Sends <paramref name="message"/> after <paramref name="initialDelay"/>, then every
    /// <paramref name="interval"/>, until cancelled or the system terminates.
    /// </summary>
    ICancelable ScheduleTellRepeatedly(TimeSpan initialDelay, TimeSpan interval, IActorRef receiver, object message, IActorRef? sender);

    /// <summary>Runs <paramref name="action"/> once after <paramref name="delay"/> on the thread pool. It must not block.</summary>
    ICancelable ScheduleOnce(TimeSpan delay, Action action);

    /// <summary>Runs <paramref name="action"/> after <paramref name="initialDelay"/>, then every <paramref name="interval"/>.</summary>
    ICancelable ScheduleRepeatedly(TimeSpan initialDelay, TimeSpan interval, Action action);
}
