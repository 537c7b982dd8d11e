namespace ActorEcho.Actors.Supervision;

/// <summary>
/// Restart bookkeeping for one child: how many restarts inside the current time window.
/// Owned by the supervisor's cell and only touched on the supervisor's own thread.
/// </summary>
public sealed class ChildRestartStats
{
    private long _windowStartTicks = -1;

    internal ChildRestartStats(IActorRef child)
    {
        Child = child;
    }

    /// <summary>The supervised child.</summary>
    public IActorRef Child { get; }

    /// <summary>Restarts counted in the current window.</summary>
    public int RestartCount { get; private set; }

    /// <summary>
    /// Counts one more restart and says whether it is allowed: at most
    /// <paramref name="maxNrOfRetries"/> restarts (negative: unlimited) within
    /// <paramref name="withinTimeRange"/> (null or infinite: for the child's whole life).
    /// A window with an unlimited count allows one restart per window, as Akka does.
    /// </summary>
    internal bool RequestRestartPermission(int maxNrOfRetries, TimeSpan? withinTimeRange, TimeSpan now)
    {
        var window = withinTimeRange is { } w && w > TimeSpan.Zero && w != Timeout.InfiniteTimeSpan ? w : (TimeSpan?)null;
        if (maxNrOfRetries == 0)
        {
            return false;
        }

        if (window is null)
        {
            if (maxNrOfRetries < 0)
            {
                return true;
            }

            RestartCount++;
            return RestartCount <= maxNrOfRetries;
        }

        var retries = maxNrOfRetries < 0 ? 1 : maxNrOfRetries;
        if (_windowStartTicks < 0)
        {
            _windowStartTicks = now.Ticks;
        }

        if (now.Ticks - _windowStartTicks <= window.Value.Ticks)
        {
            RestartCount++;
            return RestartCount <= retries;
        }

        // The window has passed: this failure opens a new one.
        RestartCount = 1;
        _windowStartTicks = now.Ticks;
        return true;
    }
}
