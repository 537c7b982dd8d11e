using ActorEcho.Actors.Supervision;

namespace ActorEcho.Actors.Cell;

/// <summary>
/// The parts of a cell most actors never use — children, behaviour stack, stash, timers, async hold, restart bookkeeping — allocated on first use so that a
/// plain idle actor stays a few hundred bytes.
/// </summary>
internal sealed class CellExtras
{
    /// <summary>Children by name. Locked on the extras object: guardians are given children from other threads.</summary>
    public Dictionary<string, LocalActorRef>? Children;

    /// <summary>Children told to stop that have not confirmed yet (restart and stop wait for them). Same lock.</summary>
    public HashSet<IActorRef>? StoppingChildren;

    /// <summary>Restart bookkeeping, created at a child's first failure: most children never fail. Same lock.</summary>
    public Dictionary<IActorRef, ChildRestartStats>? ChildStats;

    /// <summary>How many children were told to stop and have not confirmed yet.</summary>
    public int StoppingCount => StoppingChildren?.Count ?? 0;

    /// <summary>Counter for generated child names (<c>$a</c>, <c>$b</c>, ...).</summary>
    public long NextNameId;

    public Stack<Receive>? BehaviorStack;

    public SupervisorStrategy? Strategy;

    /// <summary>True between a failure and the supervisor's Resume or Restart.</summary>
    public bool IsFailed;

    /// <summary>The message that was being processed when the actor failed (given to PreRestart).</summary>
    public object? FailedMessage;

    /// <summary>The child whose failure this actor escalated, if any: it is not suspended twice.</summary>
    public IActorRef? Perpetrator;

    /// <summary>Set while a restart waits for the old instance's children to stop.</summary>
    public Exception? PendingRecreateCause;

    /// <summary>The ReceiveAsync task that holds the mailbox.</summary>
    public Task? HeldTask;

    public ActorSynchronizationContext? SyncContext;

    /// <summary>Messages put back at the head of the mailbox by Unstash; processed before the queue.</summary>
    public LinkedList<Envelope>? Prepended;

    /// <summary>Whether this actor ever subscribed to the event stream (so stopping knows to unsubscribe it).</summary>
    public bool SubscribedToEventStream;

    public Stashing.ActorStash? Stash;

    public Timers.TimerScheduler? Timers;
}
