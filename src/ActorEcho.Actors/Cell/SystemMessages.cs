namespace ActorEcho.Actors.Cell;

// The kernel's internal protocol between cells. System messages travel in their own queue and
// are always processed before user messages, even while an actor is suspended.

/// <summary>
/// Base of every system message. <see cref="Next"/> links it into the receiving cell's inbox, so
/// an instance is sent once, to one cell: always send a fresh one (hence no shared instances).
/// </summary>
internal abstract class SystemMessage
{
    public SystemMessage? Next;
}

/// <summary>Build the actor instance and run PreStart. Always the first system message of a cell.</summary>
internal sealed class Create : SystemMessage;

/// <summary>Supervisor → failed child: restart with a fresh instance.</summary>
internal sealed class Recreate(Exception cause) : SystemMessage
{
    public Exception Cause { get; } = cause;
}

/// <summary>Stop processing user messages (nestable: each Suspend needs a Resume).</summary>
internal sealed class Suspend : SystemMessage;

/// <summary>Undo one Suspend; with a cause, also clears the child's failed state (the Resume directive).</summary>
internal sealed class Resume(Exception? causedByFailure) : SystemMessage
{
    public Exception? CausedByFailure { get; } = causedByFailure;
}

/// <summary>Stop: children first, then PostStop, then notify watchers and the parent.</summary>
internal sealed class Terminate : SystemMessage;

/// <summary>Register <see cref="Watcher"/> to be told when <see cref="Watchee"/> stops.</summary>
internal sealed class Watch(IInternalActorRef watchee, IInternalActorRef watcher) : SystemMessage
{
    public IInternalActorRef Watchee { get; } = watchee;

    public IInternalActorRef Watcher { get; } = watcher;
}

/// <summary>Undo a Watch.</summary>
internal sealed class Unwatch(IInternalActorRef watchee, IInternalActorRef watcher) : SystemMessage
{
    public IInternalActorRef Watchee { get; } = watchee;

    public IInternalActorRef Watcher { get; } = watcher;
}

/// <summary>Dying actor → its watchers and its parent: <see cref="Actor"/> has stopped.</summary>
internal sealed class DeathWatchNotification(IActorRef actor, bool existenceConfirmed) : SystemMessage
{
    public IActorRef Actor { get; } = actor;

    public bool ExistenceConfirmed { get; } = existenceConfirmed;
}

/// <summary>Failed child → its parent: decide what to do with me.</summary>
internal sealed class Failed(IActorRef child, Exception cause) : SystemMessage
{
    public IActorRef Child { get; } = child;

    public Exception Cause { get; } = cause;
}

/// <summary>
/// An await continuation of a ReceiveAsync handler, run inside the actor. <see cref="Context"/> is
/// the context of the incarnation that posted it: a restarted actor drops the old one's.
/// </summary>
internal sealed class RunContinuation(SendOrPostCallback callback, object? state, ActorSynchronizationContext context) : SystemMessage
{
    public SendOrPostCallback Callback { get; } = callback;

    public object? State { get; } = state;

    public ActorSynchronizationContext Context { get; } = context;
}

/// <summary>The task that holds the mailbox (ReceiveAsync) has completed.</summary>
internal sealed class AsyncTaskCompleted(Task task) : SystemMessage
{
    public Task Task { get; } = task;
}

/// <summary>The receive-timeout timer fired; the cell checks whether the actor was really idle.</summary>
internal sealed class ReceiveTimeoutTick(long generation) : SystemMessage
{
    public long Generation { get; } = generation;
}
