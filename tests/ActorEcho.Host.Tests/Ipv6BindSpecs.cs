using System.Net;
using ActorEcho.Host.Tests.Support;

namespace ActorEcho.Host.Tests;

public sealed class Ipv6BindSpecs(ITestOutputHelper output) : HostSpec(output, "--bind", "::1")
{
    [Ipv6Fact]
    public async Task BindIpv6Loopback_Should_ServeTcpAndUdpOnColonColon1()
    {
        await using var host = await StartHostAsync();
        Assert.All(host.Endpoints, e => Assert.Equal(IPAddress.IPv6Loopback, e.LocalEndPoint.Address));

        using var cts = Deadline(15);
        await using var client = await TcpTestClient.ConnectAsync(TcpEndPoint(host, "session-tcp"), cts.Token);
        await client.SendAsync("over ipv6\n", cts.Token);
        Assert.Equal("over ipv6", await client.ReadLineAsync(cts.Token));
        var reply = await Udp.RequestAsync(UdpEndPoint(host, "session-udp"), "time"u8.ToArray(), cts.Token);
        Ctime.AssertNow(System.Text.Encoding.UTF8.GetString(reply));
    }
}
