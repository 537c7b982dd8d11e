namespace ActorEcho.Actors.Stashing;

/// <summary>
/// Implemented by actors that stash messages. The kernel sets <see cref="Stash"/> before the
/// constructor's work is used (right after construction, before PreStart).
/// </summary>
public interface IWithStash
{
    /// <summary>The actor's stash; set by the kernel.</summary>
    IStash Stash { get; set; }
}
