using System.Text;
using ActorEcho.Host.Tests.Support;

namespace ActorEcho.Host.Tests;

public sealed class UdpSpecs(ITestOutputHelper output) : HostSpec(output)
{
    [Theory]
    [InlineData("time")]
    [InlineData(" TIME\n")]
    public async Task TimeDatagram_Should_BeAnsweredInCtimeForm(string request)
    {
        await using var host = await StartHostAsync();
        using var cts = Deadline(15);
        var reply = await Udp.RequestAsync(UdpEndPoint(host, "session-udp"), Encoding.UTF8.GetBytes(request), cts.Token);
        Ctime.AssertNow(Encoding.UTF8.GetString(reply));
    }

    [Fact]
    public async Task OtherDatagrams_Should_BeEchoedUnchanged()
    {
        await using var host = await StartHostAsync();
        using var cts = Deadline(15);
        var binary = Enumerable.Range(0, 1500).Select(i => (byte)(i * 7)).ToArray();
        Assert.Equal(binary, await Udp.RequestAsync(UdpEndPoint(host, "session-udp"), binary, cts.Token));
        Assert.Equal("timely"u8.ToArray(), await Udp.RequestAsync(UdpEndPoint(host, "session-udp"), "timely"u8.ToArray(), cts.Token));
    }

    [Fact]
    public async Task LargestIpv4Datagram_Should_BeEchoedWhole()
    {
        // 65,507 bytes is the most an IPv4 UDP datagram carries; Akka's default receive buffer (512
        // bytes) would cut it short, hocon/actorecho.conf raises it to 64 KiB.
        await using var host = await StartHostAsync();
        using var cts = Deadline(15);
        var largest = Enumerable.Range(0, 65_507).Select(i => (byte)(i * 31 + 7)).ToArray();
        var reply = await Udp.RequestAsync(UdpEndPoint(host, "session-udp"), largest, cts.Token);
        Assert.Equal(largest.Length, reply.Length);
        Assert.True(largest.AsSpan().SequenceEqual(reply), "the echoed datagram differs from the one sent");
    }
}
