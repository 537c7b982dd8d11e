using ActorEcho.Actors.Cell;

namespace ActorEcho.Actors.Supervision;

/// <summary>The directive applies to the failing child only; its siblings are untouched.</summary>
public sealed class OneForOneStrategy : SupervisorStrategy
{
    /// <summary>
    /// Creates the strategy. <paramref name="maxNrOfRetries"/>: restarts allowed within
    /// <paramref name="withinTimeRange"/> before the child is stopped (null or negative: unlimited).
    /// </summary>
    public OneForOneStrategy(int? maxNrOfRetries, TimeSpan? withinTimeRange, Func<Exception, Directive> decider, bool loggingEnabled = true)
        : base(maxNrOfRetries, withinTimeRange, decider, loggingEnabled)
    {
    }

    /// <summary>Creates the strategy with unlimited restarts.</summary>
    public OneForOneStrategy(Func<Exception, Directive> decider)
        : this(null, null, decider)
    {
    }

    internal override IEnumerable<ChildRestartStats> StatsToCharge(ChildRestartStats failed, IReadOnlyList<ChildRestartStats> allChildren) => [failed];

    internal override void ProcessFailure(ActorCell supervisor, bool restart, ChildRestartStats failed, Exception cause, IReadOnlyList<ChildRestartStats> allChildren)
    {
        if (restart)
        {
            ActorCell.RestartChild(failed.Child, cause, suspendFirst: false);
        }
        else
        {
            supervisor.StopChild(failed.Child);
        }
    }
}
