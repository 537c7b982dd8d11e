namespace ActorEcho.Hocon.Units;

/// <summary>
/// Durations as the spec writes them (<c>10s</c>, <c>500 ms</c>, <c>2 minutes</c>); a bare number
/// is milliseconds, and <c>infinite</c> means <see cref="Timeout.InfiniteTimeSpan"/> as in Akka.
/// TimeSpan counts 100 ns ticks, so nanoseconds are truncated to whole ticks.
/// </summary>
internal static class DurationParser
{
    public const string Expected = "a duration such as 500ms, 10s, 5m or infinite (units: ns us ms s m h d)";

    private static readonly Dictionary<string, long> TicksPerUnit = BuildUnits();

    public static bool TryParse(string text, out TimeSpan value)
    {
        value = default;
        if (text.AsSpan().Trim().SequenceEqual("infinite"))
        {
            value = Timeout.InfiniteTimeSpan;
            return true;
        }

        if (!UnitText.TrySplit(text, out var number, out var isInteger, out var integer, out var unit)
            || !TicksPerUnit.TryGetValue(unit, out var ticksPerUnit))
        {
            return false;
        }

        return FromUnits(number, isInteger, integer, ticksPerUnit, out value);
    }

    /// <summary>A number without unit is milliseconds.</summary>
    public static bool TryFromNumber(string numberText, out TimeSpan value) => TryParse(numberText + "ms", out value);

    private static bool FromUnits(double number, bool isInteger, long integer, long ticksPerUnit, out TimeSpan value)
    {
        value = default;
        if (ticksPerUnit < 0)
        {
            // Sub-tick units divide instead: nanoseconds are -100, microseconds handled as 10 ticks.
            var divisor = -ticksPerUnit;
            value = isInteger ? TimeSpan.FromTicks(integer / divisor) : TimeSpan.FromTicks((long)(number / divisor));
            return true;
        }

        if (isInteger)
        {
            try
            {
                value = TimeSpan.FromTicks(checked(integer * ticksPerUnit));
                return true;
            }
            catch (OverflowException)
            {
                return false;
            }
        }

        var ticks = number * ticksPerUnit;
        if (ticks is >= long.MaxValue or <= long.MinValue)
        {
            return false;
        }

        value = TimeSpan.FromTicks((long)Math.Round(ticks));
        return true;
    }

    private static Dictionary<string, long> BuildUnits()
    {
        var units = new Dictionary<string, long>(StringComparer.Ordinal);
        void Add(long ticks, params string[] names)
        {
            foreach (var name in names)
            {
                units[name] = ticks;
            }
        }

        Add(-100, "ns", "nano", "nanos", "nanosecond", "nanoseconds");
        Add(10, "us", "micro", "micros", "microsecond", "microseconds");
        Add(TimeSpan.TicksPerMillisecond, "", "ms", "milli", "millis", "millisecond", "milliseconds");
        Add(TimeSpan.TicksPerSecond, "s", "second", "seconds");
        Add(TimeSpan.TicksPerMinute, "m", "minute", "minutes");
        Add(TimeSpan.TicksPerHour, "h", "hour", "hours");
        Add(TimeSpan.TicksPerDay, "d", "day", "days");
        return units;
    }
}
