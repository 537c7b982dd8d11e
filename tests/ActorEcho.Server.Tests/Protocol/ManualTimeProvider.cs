namespace ActorEcho.Server.Tests.Protocol;

/// <summary>A clock that only moves when a test says so.</summary>
internal sealed class ManualTimeProvider : TimeProvider
{
    private DateTimeOffset _utcNow;
    private long _timestamp;

    public ManualTimeProvider(DateTimeOffset start, TimeZoneInfo? localZone = null)
    {
        _utcNow = start;
        LocalTimeZone = localZone ?? TimeZoneInfo.Utc;

        // Start away from zero so nothing can depend on timestamps beginning at 0.
        _timestamp = 1_000_000_000;
    }

    public override TimeZoneInfo LocalTimeZone { get; }

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override DateTimeOffset GetUtcNow() => _utcNow;

    public override long GetTimestamp() => _timestamp;

    public void Advance(TimeSpan by)
    {
        _utcNow += by;
        _timestamp += by.Ticks;
    }
}
