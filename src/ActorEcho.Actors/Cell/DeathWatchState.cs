namespace ActorEcho.Actors.Cell;

/// <summary>
/// A cell's DeathWatch sets, created at the first Watch in either direction. Kept apart from
/// <see cref="CellExtras"/> because it is the one extra that every connection-shaped actor needs
/// (a connection watches its handler, a listener watches its sessions): those actors then carry
/// 88 bytes for it instead of the whole extras object.
/// </summary>
internal sealed class DeathWatchState
{
    /// <summary>Actors watching this one. A mutable struct: use in place.</summary>
    public RefSet<IInternalActorRef> Watchers;

    /// <summary>Actors this one watches. A mutable struct: use in place.</summary>
    public RefSet<IActorRef> Watching;

    /// <summary>Watched actors whose Terminated is queued; an Unwatch removes the entry so the queued message is dropped.</summary>
    public RefSet<IActorRef> TerminatedQueued;
}
