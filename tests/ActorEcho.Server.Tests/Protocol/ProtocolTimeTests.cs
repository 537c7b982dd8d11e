using System.Text;
using ActorEcho.Server.Protocol;

namespace ActorEcho.Server.Tests.Protocol;

public sealed class ProtocolTimeTests
{
    private static readonly DateTimeOffset Sample = new(2026, 11, 21, 10, 15, 30, 123, TimeSpan.Zero);

    [Fact]
    public void Iso8601_Should_be_utc_with_milliseconds()
    {
        Assert.Equal("2026-11-21T10:15:30.123Z", ProtocolTime.FormatIso8601(Sample));
        Assert.Equal("2026-11-21T10:15:30.000Z", ProtocolTime.FormatIso8601(new DateTimeOffset(2026, 11, 21, 10, 15, 30, TimeSpan.Zero)));
    }

    [Fact]
    public void Iso8601_Should_convert_other_offsets_to_utc_and_truncate_below_milliseconds()
    {
        var instant = new DateTimeOffset(2026, 11, 21, 12, 15, 30, 123, TimeSpan.FromHours(2)).AddTicks(9_999);

        Assert.Equal("2026-11-21T10:15:30.123Z", ProtocolTime.FormatIso8601(instant));
    }

    [Theory]
    [InlineData(2026, 11, 21, 10, 15, 30, "Sat Nov 21 10:15:30 2026")]
    [InlineData(2026, 11, 1, 9, 5, 3, "Sun Nov  1 09:05:03 2026")]
    [InlineData(2000, 2, 29, 23, 59, 59, "Tue Feb 29 23:59:59 2000")]
    [InlineData(2036, 2, 7, 6, 28, 16, "Thu Feb  7 06:28:16 2036")]
    [InlineData(1999, 12, 31, 0, 0, 0, "Fri Dec 31 00:00:00 1999")]
    public void Ctime_Should_match_python_with_a_space_padded_day(int year, int month, int day, int hour, int minute, int second, string expected)
    {
        var instant = new DateTimeOffset(year, month, day, hour, minute, second, TimeSpan.Zero);

        Assert.Equal(expected, ProtocolTime.FormatCtime(instant));
        Assert.Equal(expected, Encoding.ASCII.GetString(ProtocolTime.CtimeBytes(instant)));
    }

    [Fact]
    public void Ctime_Should_show_the_wall_clock_at_the_given_offset()
    {
        var local = new DateTimeOffset(2026, 11, 21, 23, 30, 0, TimeSpan.FromHours(-5));

        Assert.Equal("Sat Nov 21 23:30:00 2026", ProtocolTime.FormatCtime(local));
    }

    [Fact]
    public void Daytime_Should_be_ctime_with_crlf()
    {
        var bytes = ProtocolTime.DaytimeBytes(Sample);

        Assert.Equal("Sat Nov 21 10:15:30 2026\r\n"u8.ToArray(), bytes);
    }

    [Theory]
    [InlineData(1900, 1, 1, 0, 0, 0, 0u)]
    [InlineData(1970, 1, 1, 0, 0, 0, 2208988800u)]
    [InlineData(2000, 2, 29, 23, 59, 59, 3160857599u)]
    [InlineData(2026, 11, 21, 10, 15, 30, 4004244930u)]
    [InlineData(2036, 2, 7, 6, 28, 15, uint.MaxValue)]
    [InlineData(2036, 2, 7, 6, 28, 16, 0u)]
    [InlineData(2036, 2, 7, 6, 28, 17, 1u)]
    public void Rfc868_Should_count_seconds_since_1900_modulo_2_pow_32(int year, int month, int day, int hour, int minute, int second, uint expected)
    {
        var instant = new DateTimeOffset(year, month, day, hour, minute, second, TimeSpan.Zero);

        Assert.Equal(expected, ProtocolTime.Rfc868Seconds(instant));
    }

    [Fact]
    public void Rfc868_Should_drop_fractions_and_ignore_the_offset()
    {
        var instant = new DateTimeOffset(1970, 1, 1, 1, 0, 0, 999, TimeSpan.FromHours(1));

        Assert.Equal(2208988800u, ProtocolTime.Rfc868Seconds(instant));
    }

    [Fact]
    public void Rfc868_before_1900_Should_wrap_rounding_down()
    {
        var instant = ProtocolTime.Rfc868Epoch.AddMilliseconds(-1);

        Assert.Equal(uint.MaxValue, ProtocolTime.Rfc868Seconds(instant));
    }

    [Fact]
    public void Rfc868_bytes_Should_be_big_endian()
    {
        Assert.Equal([0x83, 0xAA, 0x7E, 0x80], ProtocolTime.Rfc868Bytes(DateTimeOffset.UnixEpoch));
        Assert.Equal([0xEE, 0xAB, 0xED, 0xC2], ProtocolTime.Rfc868Bytes(Sample));

        Span<byte> buffer = [1, 2, 3, 4, 5];
        ProtocolTime.WriteRfc868(DateTimeOffset.UnixEpoch, buffer);
        Assert.Equal([0x83, 0xAA, 0x7E, 0x80, 5], buffer.ToArray());
    }

    [Fact]
    public void Decode_Should_pick_the_era_nearest_the_reference()
    {
        var sample = new DateTimeOffset(2026, 11, 21, 10, 15, 30, TimeSpan.Zero);
        var afterWrap = new DateTimeOffset(2040, 1, 1, 0, 0, 0, TimeSpan.Zero);

        Assert.Equal(sample, ProtocolTime.DecodeRfc868(4004244930u, sample.AddDays(3)));
        Assert.Equal(sample, ProtocolTime.DecodeRfc868(4004244930u, sample.AddYears(-40)));
        Assert.Equal(afterWrap, ProtocolTime.DecodeRfc868(ProtocolTime.Rfc868Seconds(afterWrap), afterWrap.AddDays(-1)));
        Assert.Equal(DateTimeOffset.UnixEpoch, ProtocolTime.DecodeRfc868(2208988800u, DateTimeOffset.UnixEpoch));
    }
}
