using ActorEcho.Actors.Logging;
using ActorEcho.Actors.Supervision;
using Microsoft.Extensions.Logging;

namespace ActorEcho.Actors.Cell;

/// <summary>
/// The runtime home of one actor: its mailbox, its current instance and behaviour, its children,
/// watchers and supervision state. The cell is also the actor's thread-pool work item: at most one
/// thread runs it at a time (guarded by one compare-and-swap on the mailbox status), so
/// everything below that is not explicitly marked otherwise is touched by one thread at a time.
/// </summary>
/// <remarks>
/// The cell is split by concern: <c>Mailbox</c> (queues and the run loop), <c>Invoke</c> (user
/// messages and behaviours), <c>Lifecycle</c> (create, restart, stop), <c>Faults</c> (failure
/// and supervision), <c>Children</c>, <c>DeathWatch</c> and <c>ReceiveTimeout</c>.
/// Rarely used state lives in <see cref="CellExtras"/>, created on first use, to keep idle actors small.
/// </remarks>
internal sealed partial class ActorCell : IActorContext
{
    [ThreadStatic]
    private static ActorCell? t_creating;

    [ThreadStatic]
    private static ActorCell? t_current;

    private readonly ActorSystem _system;
    private readonly IInternalActorRef _parent;
    private readonly LocalActorRef _self;
    private ActorBase? _actor;
    private Receive? _behavior;
    private int _suspendCount;
    private volatile bool _terminating;
    private CellExtras? _extras;

    public ActorCell(ActorSystem system, Props props, IInternalActorRef parent, ActorPath path)
    {
        _system = system;
        Props = props;
        _parent = parent;
        _self = new LocalActorRef(this, path);
        var mailbox = props.Mailbox ?? system.Settings.DefaultMailbox;
        _mailbox = new UserMailbox(mailbox is Dispatch.BoundedMailbox bounded ? bounded.Capacity : 0);
        _throughput = system.Settings.Throughput;
    }

    /// <summary>The cell whose actor constructor is running on this thread (how ActorBase finds its cell).</summary>
    public static ActorCell? Creating => t_creating;

    /// <summary>The cell whose actor is running on this thread, if any (used for implicit senders).</summary>
    public static ActorCell? Current => t_current;

    public IActorRef Self => _self;

    public LocalActorRef SelfRef => _self;

    public IActorRef Sender => _mailbox.Current.Sender ?? _system.DeadLetters;

    public IActorRef Parent => _parent;

    public ActorSystem System => _system;

    public Props Props { get; }

    public ActorBase? Actor => _actor;

    /// <summary>The message being processed (or whose async handler holds the mailbox).</summary>
    public Envelope CurrentEnvelope => _mailbox.Current;

    public bool IsTerminating => _terminating;

    public ILogger GetLogger()
    {
        var category = _actor?.GetType().FullName ?? Props.ActorType.FullName ?? "ActorEcho.Actor";
        return new ActorLogger(_system.LoggerFactory.CreateLogger(category), _self.Path.ToString());
    }

    private CellExtras Extras => _extras ?? InitExtras();

    private CellExtras InitExtras()
    {
        // Usually created on the cell's own thread; guardians also create children from callers'
        // threads, so publish it atomically.
        var created = new CellExtras();
        return Interlocked.CompareExchange(ref _extras, created, null) ?? created;
    }

    private SupervisorStrategy Strategy()
    {
        var extras = Extras;
        if (extras.Strategy is null)
        {
            extras.Strategy = Props.SupervisorStrategy
                ?? _actor?.InvokeSupervisorStrategy()
                ?? SupervisorStrategy.DefaultStrategy;
        }

        return extras.Strategy;
    }

    private void LogHookFailure(Exception e, string hook) =>
        KernelLog.LifecycleHookFailed(_system.KernelLogger, e, _self.Path.ToString(), hook);

    public override string ToString() => $"ActorCell({_self.Path})";
}
