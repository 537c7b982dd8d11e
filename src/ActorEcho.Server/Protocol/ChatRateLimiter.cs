namespace ActorEcho.Server.Protocol;

/// <summary>
/// A token bucket limiting one session's chat lines: it holds up to <see cref="Burst"/> tokens,
/// refills at <see cref="LinesPerSecond"/>, and each room line, <c>/say</c> or <c>/msg</c> takes
/// one token. It starts full so a new session can paste a burst at once. Time comes from the
/// injected <see cref="TimeProvider"/>, so tests drive it with a manual clock. Not thread-safe:
/// it belongs to one session actor.
/// </summary>
public sealed class ChatRateLimiter
{
    /// <summary>The default sustained rate: 20 lines per second.</summary>
    public const double DefaultLinesPerSecond = 20;

    /// <summary>The default burst: 40 lines.</summary>
    public const int DefaultBurst = 40;

    private readonly TimeProvider _time;
    private readonly long _origin;
    private readonly double _interval;
    private readonly double _tolerance;

    // The bucket is kept as the "theoretical arrival time" of the next line (GCRA, the classic
    // equivalent of a token bucket): one timestamp instead of a fractional token count, so whole
    // intervals add up exactly and no refill step is needed.
    private double _nextFree;

    /// <summary>Creates a full bucket.</summary>
    /// <param name="linesPerSecond">Sustained rate, greater than 0 (default 20).</param>
    /// <param name="burst">Bucket size, at least 1 (default 40).</param>
    /// <param name="time">The clock; <see cref="TimeProvider.System"/> in production.</param>
    public ChatRateLimiter(double linesPerSecond, int burst, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        if (!(linesPerSecond > 0) || double.IsInfinity(linesPerSecond))
        {
            throw new ArgumentOutOfRangeException(nameof(linesPerSecond), linesPerSecond, "The chat rate must be a finite number of lines per second greater than 0.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(burst, 1);
        LinesPerSecond = linesPerSecond;
        Burst = burst;
        _time = time;
        _origin = time.GetTimestamp();
        _interval = time.TimestampFrequency / linesPerSecond;
        _tolerance = (burst - 1) * _interval;
        _nextFree = 0;
    }

    /// <summary>The sustained rate in lines per second, as configured.</summary>
    public double LinesPerSecond { get; }

    /// <summary>The bucket size: how many lines may be sent at once after a quiet spell.</summary>
    public int Burst { get; }

    /// <summary>Tokens available now: how many lines could be sent at this instant (fractional while refilling).</summary>
    public double AvailableTokens
    {
        get
        {
            var now = Now();
            return Burst - (Math.Max(_nextFree, now) - now) / _interval;
        }
    }

    /// <summary>Takes a token for one chat line.</summary>
    /// <returns>
    /// <see langword="true"/> when the line may be sent; <see langword="false"/> when it must be
    /// dropped and <see cref="ServerReplies.RateLimited(double)"/> sent instead.
    /// </returns>
    public bool TryAcquire()
    {
        var now = Now();
        var start = Math.Max(_nextFree, now);
        if (start - now > _tolerance)
        {
            return false;
        }

        _nextFree = start + _interval;
        return true;
    }

    private double Now() => _time.GetTimestamp() - _origin;
}
