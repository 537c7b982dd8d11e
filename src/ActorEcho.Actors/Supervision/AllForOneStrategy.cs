using ActorEcho.Actors.Cell;

namespace ActorEcho.Actors.Supervision;

/// <summary>
/// The directive applies to every child of the supervisor: one child's failure restarts or stops
/// all of them (Resume still only resumes the failing one, which is the only suspended one).
/// Use it when the children only make sense together.
/// </summary>
public sealed class AllForOneStrategy : SupervisorStrategy
{
    /// <summary>
    /// Creates the strategy. <paramref name="maxNrOfRetries"/>: restarts allowed within
    /// <paramref name="withinTimeRange"/> before the children are stopped (null or negative: unlimited).
    /// </summary>
    public AllForOneStrategy(int? maxNrOfRetries, TimeSpan? withinTimeRange, Func<Exception, Directive> decider, bool loggingEnabled = true)
        : base(maxNrOfRetries, withinTimeRange, decider, loggingEnabled)
    {
    }

    /// <summary>Creates the strategy with unlimited restarts.</summary>
    public AllForOneStrategy(Func<Exception, Directive> decider)
        : this(null, null, decider)
    {
    }

    internal override IEnumerable<ChildRestartStats> StatsToCharge(ChildRestartStats failed, IReadOnlyList<ChildRestartStats> allChildren) => allChildren;

    internal override void ProcessFailure(ActorCell supervisor, bool restart, ChildRestartStats failed, Exception cause, IReadOnlyList<ChildRestartStats> allChildren)
    {
        foreach (var stats in allChildren)
        {
            if (restart)
            {
                // Siblings are healthy and running: suspend them first so none processes a message
                // between the decision and its own restart.
                ActorCell.RestartChild(stats.Child, cause, suspendFirst: !ReferenceEquals(stats.Child, failed.Child));
            }
            else
            {
                supervisor.StopChild(stats.Child);
            }
        }
    }
}
