using ActorEcho.Actors.Cell;

namespace ActorEcho.Actors.Supervision;

/// <summary>
/// How a parent treats its failing children. The decider maps the exception to a
/// <see cref="Directive"/>; the retry budget (<see cref="MaxNumberOfRetries"/> within
/// <see cref="WithinTimeRange"/>) turns a Restart into a Stop once it is spent.
/// </summary>
public abstract class SupervisorStrategy
{
    /// <summary>Creates a strategy.</summary>
    protected SupervisorStrategy(int? maxNrOfRetries, TimeSpan? withinTimeRange, Func<Exception, Directive>? decider, bool loggingEnabled)
    {
        MaxNumberOfRetries = maxNrOfRetries ?? -1;
        WithinTimeRange = withinTimeRange;
        Decider = decider ?? Supervision.Decider.DefaultDecider;
        LoggingEnabled = loggingEnabled;
    }

    /// <summary>One-for-one, unlimited restarts, <see cref="Supervision.Decider.DefaultDecider"/>: Akka's default.</summary>
    public static SupervisorStrategy DefaultStrategy { get; } = new OneForOneStrategy(Supervision.Decider.DefaultDecider);

    /// <summary>One-for-one that stops any failing child.</summary>
    public static SupervisorStrategy StoppingStrategy { get; } = new OneForOneStrategy(_ => Directive.Stop);

    /// <summary>Restarts allowed within <see cref="WithinTimeRange"/>; negative means unlimited, 0 means none.</summary>
    public int MaxNumberOfRetries { get; }

    /// <summary>The window the retry count applies to; null means the child's whole life.</summary>
    public TimeSpan? WithinTimeRange { get; }

    /// <summary>Maps a failure to a directive.</summary>
    public Func<Exception, Directive> Decider { get; }

    /// <summary>Whether the supervisor logs each failure with its exception and directive (default on).</summary>
    public bool LoggingEnabled { get; }

    /// <summary>
    /// Applies the directive to the failing child (one-for-one) or to all children (all-for-one).
    /// Runs on the supervisor's thread.
    /// </summary>
    internal abstract void ProcessFailure(ActorCell supervisor, bool restart, ChildRestartStats failed, Exception cause, IReadOnlyList<ChildRestartStats> allChildren);

    /// <summary>Which stats to charge for a restart: just the failed child or every child.</summary>
    internal abstract IEnumerable<ChildRestartStats> StatsToCharge(ChildRestartStats failed, IReadOnlyList<ChildRestartStats> allChildren);
}
