namespace ActorEcho.Actors.Scheduling;

/// <summary>A handle to scheduled work that can be cancelled.</summary>
public interface ICancelable
{
    /// <summary>True once <see cref="Cancel"/> was called.</summary>
    bool IsCancellationRequested { get; }

    /// <summary>
    /// Cancels the work. Idempotent. A delivery already running when Cancel is called may still
    /// complete; none starts afterwards.
    /// </summary>
    void Cancel();
}
