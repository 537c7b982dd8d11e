using ActorEcho.Actors.Scheduling;
using ActorEcho.Actors.Supervision;

namespace ActorEcho.Actors.Cell;

/// <summary>
/// The parts of a cell most actors never use — children, behaviour stack, receive timeout, stash, timers, async hold, restart bookkeeping — allocated on first use so that a
/// plain idle actor stays a few hundred bytes.
/// </summary>
internal sealed class CellExtras
{
    /// <summary>Children by name. Locked on itself: guardians are given children from other threads.</summary>
    public Dictionary<string, ChildInfo>? Children;

    /// <summary>Actors told to stop that have not confirmed yet (restart and stop wait for them).</summary>
    public int StoppingChildren;

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

    public TimeSpan? ReceiveTimeout;

    public long ReceiveTimeoutGeneration;

    public TimeSpan LastActivity;

    public ICancelable? ReceiveTimeoutTimer;

    /// <summary>Whether this actor ever subscribed to the event stream (so stopping knows to unsubscribe it).</summary>
    public bool SubscribedToEventStream;

    public Stashing.ActorStash? Stash;

    public Timers.TimerScheduler? Timers;
}

/// <summary>A child and its supervision state.</summary>
internal sealed class ChildInfo(LocalActorRef child)
{
    public LocalActorRef Ref { get; } = child;

    private ChildRestartStats? _stats;

    /// <summary>Created on the child's first failure: most children never fail.</summary>
    public ChildRestartStats Stats => _stats ??= new(Ref);

    /// <summary>True once this parent told the child to stop.</summary>
    public bool Stopping { get; set; }
}
