namespace ActorEcho.Actors.Timers;

/// <summary>Implemented by actors that use timers; the kernel sets <see cref="Timers"/> right after construction.</summary>
public interface IWithTimers
{
    /// <summary>The actor's timers; set by the kernel.</summary>
    ITimerScheduler Timers { get; set; }
}
