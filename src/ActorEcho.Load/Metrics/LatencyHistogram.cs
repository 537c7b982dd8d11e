using System.Numerics;

namespace ActorEcho.Load.Metrics;

/// <summary>
/// Log-bucketed latency histogram in the HdrHistogram manner: values below 256 are exact, above
/// that each power of two is cut into 128 buckets, so any recorded value is reported within 0.8%
/// while memory stays fixed (about 30 KiB, allocated on the first record). One writer at a time;
/// per-client histograms are merged at the end of a run.
/// </summary>
internal sealed class LatencyHistogram
{
    private const int LinearBits = 8;
    private const int Linear = 1 << LinearBits;
    private const int SubBuckets = Linear / 2;
    private const int MaxMsb = 40;
    private const int BucketCount = Linear + ((MaxMsb - LinearBits + 1) * SubBuckets);

    private long[]? _counts;

    public long Count { get; private set; }

    public long Max { get; private set; }

    public long Min { get; private set; } = long.MaxValue;

    public double Sum { get; private set; }

    public double Mean => Count == 0 ? 0 : Sum / Count;

    /// <summary>Records one value (microseconds); negatives count as zero, huge values land in the last bucket.</summary>
    public void Record(long value)
    {
        if (value < 0)
        {
            value = 0;
        }

        _counts ??= new long[BucketCount];
        _counts[IndexOf(value)]++;
        Count++;
        Sum += value;
        if (value > Max)
        {
            Max = value;
        }

        if (value < Min)
        {
            Min = value;
        }
    }

    /// <summary>Adds every value of <paramref name="other"/> to this histogram.</summary>
    public void Add(LatencyHistogram other)
    {
        if (other._counts is null)
        {
            return;
        }

        _counts ??= new long[BucketCount];
        for (var i = 0; i < BucketCount; i++)
        {
            _counts[i] += other._counts[i];
        }

        Count += other.Count;
        Sum += other.Sum;
        Max = Math.Max(Max, other.Max);
        Min = Math.Min(Min, other.Min);
    }

    /// <summary>
    /// The smallest recorded value (within bucket precision) that at least <paramref name="percentile"/>
    /// percent of values do not exceed; 0 when empty.
    /// </summary>
    public long ValueAtPercentile(double percentile)
    {
        if (Count == 0 || _counts is null)
        {
            return 0;
        }

        var p = Math.Clamp(percentile, 0, 100);
        var target = Math.Max(1, (long)Math.Ceiling(p / 100.0 * Count));
        long seen = 0;
        for (var i = 0; i < BucketCount; i++)
        {
            seen += _counts[i];
            if (seen >= target)
            {
                // The last bucket also holds everything beyond the range; only Max is exact there.
                return i == BucketCount - 1 ? Max : Math.Clamp(HighestEquivalent(i), Min, Max);
            }
        }

        return Max;
    }

    private static int IndexOf(long value)
    {
        if (value < Linear)
        {
            return (int)value;
        }

        var msb = 63 - BitOperations.LeadingZeroCount((ulong)value);
        if (msb > MaxMsb)
        {
            return BucketCount - 1;
        }

        var shift = msb - (LinearBits - 1);
        var mantissa = (int)(value >> shift);
        return Linear + ((shift - 1) * SubBuckets) + (mantissa - SubBuckets);
    }

    private static long HighestEquivalent(int index)
    {
        if (index < Linear)
        {
            return index;
        }

        var shift = ((index - Linear) / SubBuckets) + 1;
        var mantissa = ((index - Linear) % SubBuckets) + SubBuckets;
        return ((long)(mantissa + 1) << shift) - 1;
    }
}
