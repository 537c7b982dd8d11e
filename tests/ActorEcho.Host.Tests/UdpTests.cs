using System.Text;
using ActorEcho.Host.Tests.Support;

namespace ActorEcho.Host.Tests;

public sealed class UdpTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("time")]
    [InlineData(" TIME\n")]
    public async Task TimeDatagram_Should_BeAnsweredInCtimeForm(string request)
    {
        await using var host = await TestHost.StartAsync(output);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        var reply = await Udp.RequestAsync(host.Udp("session-udp"), Encoding.UTF8.GetBytes(request), cts.Token);
        Ctime.AssertNow(Encoding.UTF8.GetString(reply));
    }

    [Fact]
    public async Task OtherDatagrams_Should_BeEchoedUnchanged()
    {
        await using var host = await TestHost.StartAsync(output);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        var binary = Enumerable.Range(0, 1500).Select(i => (byte)(i * 7)).ToArray();
        Assert.Equal(binary, await Udp.RequestAsync(host.Udp("session-udp"), binary, cts.Token));
        Assert.Equal("timely"u8.ToArray(), await Udp.RequestAsync(host.Udp("session-udp"), "timely"u8.ToArray(), cts.Token));
    }
}
