using System.Buffers.Binary;
using System.Text;
using ActorEcho.Host.Tests.Support;

namespace ActorEcho.Host.Tests;

public sealed class ClassicServicesSpecs(ITestOutputHelper output) : HostSpec(output)
{
    private static readonly DateTime Epoch1900 = new(1900, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task Rfc868Time_Should_SendFourBigEndianBytesOverTcpAndUdp()
    {
        await using var host = await StartHostAsync();
        using var cts = Deadline(15);
        await using var client = await TcpTestClient.ConnectAsync(TcpEndPoint(host, "time-tcp"), cts.Token);
        var tcp = await client.ReadToEndAsync(cts.Token);
        AssertRfc868Now(tcp);

        AssertRfc868Now(await Udp.RequestAsync(UdpEndPoint(host, "time-udp"), [0], cts.Token));
    }

    [Fact]
    public async Task Rfc867Daytime_Should_SendOneCtimeLineOverTcpAndUdp()
    {
        await using var host = await StartHostAsync();
        using var cts = Deadline(15);
        await using var client = await TcpTestClient.ConnectAsync(TcpEndPoint(host, "daytime-tcp"), cts.Token);
        AssertDaytime(await client.ReadToEndAsync(cts.Token));

        AssertDaytime(await Udp.RequestAsync(UdpEndPoint(host, "daytime-udp"), "anything"u8.ToArray(), cts.Token));
    }

    private static void AssertRfc868Now(byte[] reply)
    {
        Assert.Equal(4, reply.Length);
        var seconds = BinaryPrimitives.ReadUInt32BigEndian(reply);
        var now = (DateTime.UtcNow - Epoch1900).TotalSeconds;
        Assert.InRange(seconds, now - 30, now + 30);
    }

    private static void AssertDaytime(byte[] reply)
    {
        var text = Encoding.ASCII.GetString(reply);
        Assert.EndsWith("\r\n", text, StringComparison.Ordinal);
        Ctime.AssertNow(text[..^2]);
    }
}
