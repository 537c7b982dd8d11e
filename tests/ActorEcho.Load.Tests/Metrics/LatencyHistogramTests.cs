using ActorEcho.Load.Metrics;

namespace ActorEcho.Load.Tests.Metrics;

public class LatencyHistogramTests
{
    [Fact]
    public void Percentiles_Should_MatchUniformDataWithinOnePercent()
    {
        var h = new LatencyHistogram();
        for (var v = 1; v <= 100_000; v++)
        {
            h.Record(v);
        }

        Assert.Equal(100_000, h.Count);
        AssertWithin(50_000, h.ValueAtPercentile(50));
        AssertWithin(90_000, h.ValueAtPercentile(90));
        AssertWithin(99_000, h.ValueAtPercentile(99));
        AssertWithin(99_900, h.ValueAtPercentile(99.9));
        Assert.Equal(100_000, h.ValueAtPercentile(100));
        Assert.Equal(100_000, h.Max);
        Assert.Equal(1, h.Min);
    }

    [Fact]
    public void SmallValues_Should_BeExact()
    {
        var h = new LatencyHistogram();
        foreach (var v in new long[] { 3, 7, 7, 9, 200 })
        {
            h.Record(v);
        }

        Assert.Equal(7, h.ValueAtPercentile(50));
        Assert.Equal(3, h.ValueAtPercentile(0));
        Assert.Equal(200, h.ValueAtPercentile(99));
    }

    [Fact]
    public void SkewedData_Should_ReportTheTail()
    {
        var h = new LatencyHistogram();
        for (var i = 0; i < 990; i++)
        {
            h.Record(100);
        }

        for (var i = 0; i < 10; i++)
        {
            h.Record(1_000_000);
        }

        Assert.Equal(100, h.ValueAtPercentile(50));
        Assert.Equal(100, h.ValueAtPercentile(99));
        AssertWithin(1_000_000, h.ValueAtPercentile(99.9));
        Assert.Equal(1_000_000, h.Max);
    }

    [Fact]
    public void Add_Should_EqualRecordingEverythingInOne()
    {
        var a = new LatencyHistogram();
        var b = new LatencyHistogram();
        var all = new LatencyHistogram();
        var rng = new Random(42);
        for (var i = 0; i < 10_000; i++)
        {
            var v = (long)rng.Next(1, 5_000_000);
            (i % 2 == 0 ? a : b).Record(v);
            all.Record(v);
        }

        var merged = new LatencyHistogram();
        merged.Add(a);
        merged.Add(b);
        merged.Add(new LatencyHistogram());
        Assert.Equal(all.Count, merged.Count);
        Assert.Equal(all.Max, merged.Max);
        foreach (var p in new[] { 50, 90, 99, 99.9 })
        {
            Assert.Equal(all.ValueAtPercentile(p), merged.ValueAtPercentile(p));
        }
    }

    [Fact]
    public void Empty_Should_ReportZero()
    {
        var h = new LatencyHistogram();
        Assert.Equal(0, h.ValueAtPercentile(99));
        Assert.Equal(0, h.Count);
    }

    [Fact]
    public void HugeAndNegativeValues_Should_NotThrow()
    {
        var h = new LatencyHistogram();
        h.Record(-5);
        h.Record(long.MaxValue / 2);
        Assert.Equal(0, h.ValueAtPercentile(1));
        Assert.Equal(long.MaxValue / 2, h.ValueAtPercentile(100));
    }

    private static void AssertWithin(long expected, long actual) =>
        Assert.InRange(actual, expected * 0.99, expected * 1.01);
}
