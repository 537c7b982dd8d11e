namespace ActorEcho.TestKit.Internal;

/// <summary>
/// Deadline arithmetic that cannot overflow: a dilated timeout may be huge (a large time factor),
/// and .NET waits accept at most about 24.8 days at a time.
/// </summary>
internal static class Deadline
{
    private static readonly TimeSpan LongestWait = TimeSpan.FromMilliseconds(int.MaxValue - 1);

    /// <summary>The monotonic instant <paramref name="timeout"/> from now (negative timeouts count as zero).</summary>
    public static TimeSpan After(TimeSpan timeout) => Add(TestKitBase.Now, timeout);

    /// <summary><paramref name="instant"/> plus <paramref name="timeout"/>, saturating at <see cref="TimeSpan.MaxValue"/>.</summary>
    public static TimeSpan Add(TimeSpan instant, TimeSpan timeout)
    {
        if (timeout <= TimeSpan.Zero)
        {
            return instant;
        }

        return timeout >= TimeSpan.MaxValue - instant ? TimeSpan.MaxValue : instant + timeout;
    }

    /// <summary>Time left until <paramref name="deadline"/>, never negative.</summary>
    public static TimeSpan Left(TimeSpan deadline)
    {
        var left = deadline - TestKitBase.Now;
        return left > TimeSpan.Zero ? left : TimeSpan.Zero;
    }

    /// <summary>One wait of at most <paramref name="left"/> that the runtime accepts; callers loop until the deadline.</summary>
    public static TimeSpan Slice(TimeSpan left) => left < LongestWait ? left : LongestWait;
}
