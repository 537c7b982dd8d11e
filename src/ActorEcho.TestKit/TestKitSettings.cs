using System.Globalization;

namespace ActorEcho.TestKit;

/// <summary>
/// The TestKit's timeouts and its time factor. Every timeout here is undilated: the TestKit
/// multiplies by <see cref="TimeFactor"/> exactly once, where it uses the value (see
/// <see cref="TestKitBase.Dilated"/>). Built from <c>actorecho.test.*</c> in HOCON by
/// <see cref="FromConfig"/>; <c>ACTORECHO_TEST_TIMEFACTOR</c> overrides the factor (see
/// <see cref="WithEnvironmentOverrides()"/>).
/// </summary>
public sealed record TestKitSettings
{
    /// <summary>The environment variable that overrides <see cref="TimeFactor"/> (a positive number, e.g. <c>3</c> on a slow CI machine).</summary>
    public const string TimeFactorEnvironmentVariable = "ACTORECHO_TEST_TIMEFACTOR";

    private readonly TimeSpan _defaultTimeout = TimeSpan.FromSeconds(3);
    private readonly TimeSpan _singleExpectDefault = TimeSpan.FromSeconds(3);
    private readonly TimeSpan _expectNoMessageDefault = TimeSpan.FromMilliseconds(300);
    private readonly double _timeFactor = 1.0;

    /// <summary>Every setting at its default, without looking at the environment.</summary>
    public static TestKitSettings Default { get; } = new();

    /// <summary>
    /// Bound of operations that are not expectations: waiting for the system to terminate on
    /// dispose, for a watch to be set up, for the events an <c>EventFilter</c> expects
    /// (default 3 s; <c>actorecho.test.default-timeout</c>).
    /// </summary>
    public TimeSpan DefaultTimeout
    {
        get => _defaultTimeout;
        init => _defaultTimeout = Positive(value, nameof(DefaultTimeout));
    }

    /// <summary>
    /// How long an expectation without an explicit timeout waits, outside <c>Within</c>
    /// (default 3 s; <c>actorecho.test.single-expect-default</c>).
    /// </summary>
    public TimeSpan SingleExpectDefault
    {
        get => _singleExpectDefault;
        init => _singleExpectDefault = Positive(value, nameof(SingleExpectDefault));
    }

    /// <summary>How long <c>ExpectNoMsg()</c> without a duration watches for silence (default 300 ms; <c>actorecho.test.expect-no-message-default</c>).</summary>
    public TimeSpan ExpectNoMessageDefault
    {
        get => _expectNoMessageDefault;
        init => _expectNoMessageDefault = Positive(value, nameof(ExpectNoMessageDefault));
    }

    /// <summary>
    /// The factor every timeout is multiplied by, once (default 1.0; <c>actorecho.test.timefactor</c>,
    /// overridden by the <c>ACTORECHO_TEST_TIMEFACTOR</c> environment variable). Must be positive and finite.
    /// </summary>
    public double TimeFactor
    {
        get => _timeFactor;
        init => _timeFactor = double.IsFinite(value) && value > 0
            ? value
            : throw new ArgumentOutOfRangeException(nameof(TimeFactor), value, "the time factor must be a positive, finite number");
    }

    /// <summary>
    /// Reads <c>actorecho.test.*</c> from <paramref name="config"/> (missing keys keep their
    /// defaults), then applies the environment override of the time factor.
    /// </summary>
    public static TestKitSettings FromConfig(ActorEcho.Config.Config config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var d = Default;
        return new TestKitSettings
        {
            TimeFactor = config.GetDouble("actorecho.test.timefactor", d.TimeFactor),
            DefaultTimeout = config.GetTimeSpan("actorecho.test.default-timeout", d.DefaultTimeout),
            SingleExpectDefault = config.GetTimeSpan("actorecho.test.single-expect-default", d.SingleExpectDefault),
            ExpectNoMessageDefault = config.GetTimeSpan("actorecho.test.expect-no-message-default", d.ExpectNoMessageDefault),
        }.WithEnvironmentOverrides();
    }

    /// <summary>
    /// These settings with <see cref="TimeFactor"/> taken from <c>ACTORECHO_TEST_TIMEFACTOR</c>
    /// when it is set. A value that is not a positive number is an error, not silently ignored.
    /// </summary>
    public TestKitSettings WithEnvironmentOverrides() =>
        WithEnvironmentOverrides(Environment.GetEnvironmentVariable(TimeFactorEnvironmentVariable));

    internal TestKitSettings WithEnvironmentOverrides(string? timeFactor)
    {
        if (string.IsNullOrWhiteSpace(timeFactor))
        {
            return this;
        }

        if (!double.TryParse(timeFactor, NumberStyles.Float, CultureInfo.InvariantCulture, out var factor) || !double.IsFinite(factor) || factor <= 0)
        {
            throw new ArgumentException($"{TimeFactorEnvironmentVariable}='{timeFactor}' is not a positive number (e.g. 1, 2.5)");
        }

        return this with { TimeFactor = factor };
    }

    /// <summary>The one implementation of dilation: <paramref name="duration"/> times <see cref="TimeFactor"/>; infinite stays infinite.</summary>
    internal TimeSpan Dilate(TimeSpan duration)
    {
        if (duration == Timeout.InfiniteTimeSpan)
        {
            return duration;
        }

        if (duration < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(duration), duration, "a duration cannot be negative");
        }

        var ticks = duration.Ticks * TimeFactor;
        return ticks >= TimeSpan.MaxValue.Ticks ? TimeSpan.MaxValue : TimeSpan.FromTicks((long)ticks);
    }

    private static TimeSpan Positive(TimeSpan value, string name) =>
        value > TimeSpan.Zero && value != Timeout.InfiniteTimeSpan
            ? value
            : throw new ArgumentOutOfRangeException(name, value, $"{name} must be a positive, finite duration");
}
