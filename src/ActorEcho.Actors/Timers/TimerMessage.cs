namespace ActorEcho.Actors.Timers;

/// <summary>
/// What a timer really sends: the user's message tagged with its timer's key and generation, so
/// the cell can drop deliveries of timers that were cancelled or replaced after sending.
/// </summary>
internal sealed class TimerMessage(object key, long generation, object message, TimerScheduler owner)
{
    public object Key { get; } = key;

    public long Generation { get; } = generation;

    public object Message { get; } = message;

    public TimerScheduler Owner { get; } = owner;
}
