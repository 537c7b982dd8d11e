using System.Text;
using ActorEcho.Load.Verification;

namespace ActorEcho.Load.Tests.Verification;

public class FormatTests
{
    [Fact]
    public void TryParseIso_Should_ReadTheProtocolForm()
    {
        Assert.True(TimeFormats.TryParseIso("2026-11-21T10:15:30.123Z"u8, out var t));
        Assert.Equal(new DateTime(2026, 11, 21, 10, 15, 30, 123, DateTimeKind.Utc), t);
        Assert.Equal(DateTimeKind.Utc, t.Kind);
    }

    [Theory]
    [InlineData("2026-11-21T10:15:30Z")]
    [InlineData("2026-11-21 10:15:30.123Z")]
    [InlineData("2026-13-21T10:15:30.123Z")]
    [InlineData("ERR unknown command")]
    public void TryParseIso_Should_RejectOtherForms(string text) =>
        Assert.False(TimeFormats.TryParseIso(Encoding.ASCII.GetBytes(text), out _));

    [Fact]
    public void TryParseCtime_Should_ReadSpacePaddedDays()
    {
        Assert.True(TimeFormats.TryParseCtime("Sun Nov  1 09:05:03 2026"u8, out var t));
        Assert.Equal(new DateTime(2026, 11, 1, 9, 5, 3), t);
        Assert.True(TimeFormats.TryParseCtime("Sat Nov 21 10:15:30 2026"u8, out _));
    }

    [Theory]
    [InlineData("Sun Nov 01 09:05:03 2026")]
    [InlineData("Sat Nov  1 09:05:03 2026")]
    [InlineData("Sat Nov 1 09:05:03 2026")]
    [InlineData("time")]
    public void TryParseCtime_Should_RejectWrongPaddingOrWeekday(string text) =>
        Assert.False(TimeFormats.TryParseCtime(Encoding.ASCII.GetBytes(text), out _));

    [Fact]
    public void WithinSkewAnyZone_Should_AllowWholeZoneOffsetsOnly()
    {
        var now = new DateTime(2026, 11, 21, 10, 0, 0);
        Assert.True(TimeFormats.WithinSkewAnyZone(now.AddSeconds(2), now));
        Assert.True(TimeFormats.WithinSkewAnyZone(now.AddHours(-5).AddMinutes(-30), now));
        Assert.False(TimeFormats.WithinSkewAnyZone(now.AddMinutes(7), now));
        Assert.False(TimeFormats.WithinSkewAnyZone(now.AddHours(20), now));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(32)]
    [InlineData(200)]
    public void ChatLine_Should_RoundTrip(int payload)
    {
        var buffer = new byte[ChatLine.TextLength(payload) + 1];
        var n = ChatLine.Write(1234, 987654321, payload, buffer);
        Assert.Equal(buffer.Length, n);
        Assert.Equal((byte)'\n', buffer[n - 1]);
        Assert.True(ChatLine.TryParse(buffer.AsSpan(0, n - 1), payload, out var seq, out var ts));
        Assert.Equal(1234, seq);
        Assert.Equal(987654321, ts);

        buffer[n - 2] ^= 0x01;
        Assert.False(ChatLine.TryParse(buffer.AsSpan(0, n - 1), payload, out _, out _));
        Assert.False(ChatLine.TryParse(buffer.AsSpan(0, n - 2), payload, out _, out _));
    }

    [Fact]
    public void LineSplitter_Should_JoinLinesSplitAcrossChunksAndStripCr()
    {
        var splitter = new LineSplitter(64);
        var lines = new List<string>();
        foreach (var chunk in new[] { "ab", "c\r\nde", "f\ng", "hi\n" })
        {
            ReadOnlySpan<byte> data = Encoding.ASCII.GetBytes(chunk);
            while (splitter.Next(ref data, out var line) == LineStatus.Line)
            {
                lines.Add(Encoding.ASCII.GetString(line));
            }
        }

        Assert.Equal(["abc", "def", "ghi"], lines);
    }

    [Fact]
    public void LineSplitter_Should_ReportOverlongLines()
    {
        var splitter = new LineSplitter(4);
        ReadOnlySpan<byte> data = "abcdefgh\nok\n"u8;
        Assert.Equal(LineStatus.TooLong, splitter.Next(ref data, out _));
        Assert.Equal(LineStatus.Line, splitter.Next(ref data, out var line));
        Assert.Equal("ok", Encoding.ASCII.GetString(line));
    }
}
