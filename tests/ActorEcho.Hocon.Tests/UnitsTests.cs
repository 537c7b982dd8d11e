namespace ActorEcho.Hocon.Tests;

/// <summary>Durations, byte sizes, booleans and numbers as the getters read them.</summary>
public sealed class UnitsTests
{
    [Theory]
    [InlineData("1ns", 0)]
    [InlineData("500ns", 5)]
    [InlineData("3us", 30)]
    [InlineData("2 microseconds", 20)]
    [InlineData("15ms", 150_000)]
    [InlineData("15 milliseconds", 150_000)]
    [InlineData("1.5s", 15_000_000)]
    [InlineData("10 seconds", 100_000_000)]
    [InlineData("2m", 1_200_000_000)]
    [InlineData("1 minute", 600_000_000)]
    [InlineData("1h", 36_000_000_000)]
    [InlineData("2 hours", 72_000_000_000)]
    [InlineData("1d", 864_000_000_000)]
    [InlineData("3 days", 2_592_000_000_000)]
    [InlineData("250", 2_500_000)]
    [InlineData("\"250\"", 2_500_000)]
    public void Duration_Should_ReadEveryUnit(string written, long ticks) =>
        Assert.Equal(TimeSpan.FromTicks(ticks), Hocon.Parse($"d = {written}").GetTimeSpan("d"));

    [Fact]
    public void Duration_Should_AcceptInfinite() =>
        Assert.Equal(Timeout.InfiniteTimeSpan, Hocon.Parse("d = infinite").GetTimeSpan("d"));

    [Theory]
    [InlineData("10 parsecs")]
    [InlineData("10S")]
    [InlineData("fast")]
    [InlineData("[1]")]
    [InlineData("99999999999999999 days")]
    public void Duration_Should_RejectNonsenseNamingTheExpectation(string written)
    {
        var error = Assert.Throws<HoconException>(() => Hocon.Parse($"x.d = {written}").GetTimeSpan("x.d"));
        Assert.Contains("path x.d: expected a duration", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("100", 100)]
    [InlineData("100B", 100)]
    [InlineData("100 bytes", 100)]
    [InlineData("1K", 1024)]
    [InlineData("1k", 1024)]
    [InlineData("1KiB", 1024)]
    [InlineData("1 kibibyte", 1024)]
    [InlineData("1kB", 1000)]
    [InlineData("1KB", 1000)]
    [InlineData("1 kilobytes", 1000)]
    [InlineData("2M", 2 * 1024 * 1024)]
    [InlineData("2MiB", 2 * 1024 * 1024)]
    [InlineData("2MB", 2_000_000)]
    [InlineData("3G", 3L * 1024 * 1024 * 1024)]
    [InlineData("3GB", 3_000_000_000)]
    [InlineData("1T", 1024L * 1024 * 1024 * 1024)]
    [InlineData("1TiB", 1024L * 1024 * 1024 * 1024)]
    [InlineData("1.5K", 1536)]
    public void ByteSize_Should_ReadEveryUnit(string written, long bytes) =>
        Assert.Equal(bytes, Hocon.Parse($"s = {written}").GetByteSize("s"));

    [Theory]
    [InlineData("12 furlongs")]
    [InlineData("big")]
    [InlineData("99999999E")]
    public void ByteSize_Should_RejectNonsense(string written) =>
        Assert.Throws<HoconException>(() => Hocon.Parse($"s = {written}").GetByteSize("s"));

    [Theory]
    [InlineData("true", true)]
    [InlineData("yes", true)]
    [InlineData("on", true)]
    [InlineData("\"true\"", true)]
    [InlineData("false", false)]
    [InlineData("no", false)]
    [InlineData("off", false)]
    public void Boolean_Should_ReadTheSixSpellings(string written, bool expected) =>
        Assert.Equal(expected, Hocon.Parse($"b = {written}").GetBoolean("b"));

    [Fact]
    public void Boolean_Should_RejectOtherWords() =>
        Assert.Throws<HoconException>(() => Hocon.Parse("b = maybe").GetBoolean("b"));

    [Fact]
    public void Numbers_Should_ConvertBetweenKindsWhenExact()
    {
        var config = Hocon.Parse("i = 42\nl = 9223372036854775807\nd = 2.5\ne = 1e3\ns = \"17\"\nbig = 3000000000");
        Assert.Equal(42, config.GetInt("i"));
        Assert.Equal(long.MaxValue, config.GetLong("l"));
        Assert.Equal(2.5, config.GetDouble("d"));
        Assert.Equal(1000, config.GetInt("e"));
        Assert.Equal(17, config.GetInt("s"));
        Assert.Equal(42.0, config.GetDouble("i"));
        Assert.Equal(3_000_000_000, config.GetLong("big"));
        Assert.Throws<HoconException>(() => config.GetInt("d"));
        Assert.Throws<HoconException>(() => config.GetInt("big"));
    }
}
