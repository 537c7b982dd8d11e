using System.Runtime.InteropServices;
using ActorEcho.Server.Protocol;

namespace ActorEcho.Server.Tests.Protocol;

public sealed class UdpTimeEchoResponderTests
{
    private static readonly DateTimeOffset LocalNow = new(2026, 11, 1, 9, 5, 3, TimeSpan.FromHours(1));

    [Theory]
    [InlineData("time")]
    [InlineData("TIME")]
    [InlineData("Time")]
    [InlineData(" TIME\n")]
    [InlineData("\t time \r\n")]
    public void Time_request_Should_get_the_ctime_without_newline(string text)
    {
        var reply = UdpTimeEchoResponder.Reply(System.Text.Encoding.ASCII.GetBytes(text), LocalNow);

        Assert.Equal("Sun Nov  1 09:05:03 2026"u8.ToArray(), reply.ToArray());
    }

    [Theory]
    [InlineData("hello")]
    [InlineData("times")]
    [InlineData("tim")]
    [InlineData("ti me")]
    [InlineData("time please")]
    [InlineData("   ")]
    public void Other_text_Should_be_echoed(string text)
    {
        var datagram = System.Text.Encoding.UTF8.GetBytes(text);

        var reply = UdpTimeEchoResponder.Reply(datagram, LocalNow);

        Assert.Equal(datagram, reply.ToArray());
    }

    [Fact]
    public void Binary_datagram_Should_be_echoed_as_the_same_memory()
    {
        byte[] datagram = [0x00, 0xFF, 0x74, 0x69, 0x6D, 0x65, 0x80];

        var reply = UdpTimeEchoResponder.Reply(datagram, LocalNow);

        Assert.True(MemoryMarshal.TryGetArray(reply, out var segment));
        Assert.Same(datagram, segment.Array);
        Assert.Equal(datagram.Length, segment.Count);
    }

    [Fact]
    public void Empty_datagram_Should_get_an_empty_reply()
    {
        var reply = UdpTimeEchoResponder.Reply(ReadOnlyMemory<byte>.Empty, LocalNow);

        Assert.True(reply.IsEmpty);
    }

    [Fact]
    public void Time_with_non_ascii_lookalike_Should_be_echoed()
    {
        // 0xD4 | 0x20 == 0xF4, never 't': the case fold must not turn other bytes into letters.
        byte[] datagram = [0x54 ^ 0x80, 0x49, 0x4D, 0x45];

        Assert.False(UdpTimeEchoResponder.IsTimeRequest(datagram));
    }
}
