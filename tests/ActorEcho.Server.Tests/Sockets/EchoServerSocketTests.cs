using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using ActorEcho.Server.Protocol;
using Xunit.Abstractions;

namespace ActorEcho.Server.Tests.Sockets;

/// <summary>A few smoke tests through real loopback sockets (the heavy end-to-end tests live in ActorEcho.Host.Tests).</summary>
public sealed partial class EchoServerSocketTests : Akka.TestKit.Xunit2.TestKit
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    public EchoServerSocketTests(ITestOutputHelper output)
        : base(output: output)
    {
    }

    [Fact]
    public async Task StartAsync_Should_BindEveryEndpoint_WithRealPorts()
    {
        await using var server = await EchoServer.StartAsync(Sys, ServerSettings.Default.WithEphemeralPorts());

        Assert.Equal(["session-tcp", "session-udp", "echo-tcp", "time-tcp", "time-udp", "daytime-tcp", "daytime-udp"], server.Endpoints.Select(e => e.Name).ToArray());
        Assert.All(server.Endpoints, e =>
        {
            Assert.Equal(IPAddress.Loopback, e.LocalEndPoint.Address);
            Assert.NotEqual(0, e.LocalEndPoint.Port);
        });
    }

    [Fact]
    public async Task SessionPort_Should_EchoTheClassicClientsMessage()
    {
        await using var server = await EchoServer.StartAsync(Sys, ServerSettings.Default.WithEphemeralPorts());
        using var client = await ConnectAsync(server, "session-tcp");
        var stream = client.GetStream();

        await stream.WriteAsync("Hello Server!"u8.ToArray());

        Assert.Equal("Hello Server!", await ReadTextAsync(stream, 13));
        await stream.WriteAsync("\n/stats\n"u8.ToArray());
        Assert.Equal("\n", await ReadTextAsync(stream, 1));
        Assert.StartsWith("STATS connections=1 sessions=1 ", await ReadLineAsync(stream), StringComparison.Ordinal);
        Assert.Equal(1, (await server.GetStatsAsync()).Sessions);
    }

    [Fact]
    public async Task StopAsync_Should_TellSessionsAndCloseThem()
    {
        var server = await EchoServer.StartAsync(Sys, ServerSettings.Default.WithEphemeralPorts());
        using var client = await ConnectAsync(server, "session-tcp");
        var stream = client.GetStream();
        await stream.WriteAsync("hi\n"u8.ToArray());
        Assert.Equal("hi", await ReadLineAsync(stream));

        await server.StopAsync();

        Assert.Equal("NOTICE server shutting down", await ReadLineAsync(stream));
        using var cts = new CancellationTokenSource(Wait);
        Assert.Equal(0, await stream.ReadAsync(new byte[16], cts.Token));
    }

    [Fact]
    public async Task CrashBudget_Should_EndTheSessionWithItsFinalLine_OverARealSocket()
    {
        var settings = ServerSettings.Default.WithEphemeralPorts() with
        {
            AllowCrash = true,
            Supervision = new SupervisionSettings { MaxRestarts = 1 },
        };
        await using var server = await EchoServer.StartAsync(Sys, settings);
        using var client = await ConnectAsync(server, "session-tcp");
        var stream = client.GetStream();

        await stream.WriteAsync("/crash\n"u8.ToArray());
        Assert.Equal("NOTICE session state was reset after an internal error", await ReadLineAsync(stream));
        await stream.WriteAsync("/crash\n"u8.ToArray());

        Assert.Equal("ERR session stopped after repeated internal errors", await ReadLineAsync(stream));
        using var cts = new CancellationTokenSource(Wait);
        Assert.Equal(0, await stream.ReadAsync(new byte[16], cts.Token));
        Assert.Equal(2, (await server.GetStatsAsync()).Restarts);
    }

    [Fact]
    public async Task UdpSessionPort_Should_AnswerTimeInCtimeForm_AndEchoAnythingElse()
    {
        await using var server = await EchoServer.StartAsync(Sys, ServerSettings.Default.WithEphemeralPorts());
        using var udp = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        var target = server.FindEndpoint("session-udp")!.LocalEndPoint;

        Assert.Matches(CtimePattern(), Encoding.ASCII.GetString(await ExchangeAsync(udp, target, "time"u8.ToArray())));
        Assert.Equal("time please", Encoding.ASCII.GetString(await ExchangeAsync(udp, target, "time please"u8.ToArray())));
    }

    [Fact]
    public async Task TimeEndpoints_Should_AnswerRfc868_OverTcpAndUdp()
    {
        await using var server = await EchoServer.StartAsync(Sys, ServerSettings.Default.WithEphemeralPorts());
        using var tcp = await ConnectAsync(server, "time-tcp");
        using var udp = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));

        var overTcp = await ReadToEndAsync(tcp.GetStream());
        var overUdp = await ExchangeAsync(udp, server.FindEndpoint("time-udp")!.LocalEndPoint, [1]);

        foreach (var bytes in new[] { overTcp, overUdp })
        {
            Assert.Equal(4, bytes.Length);
            var seconds = (uint)((bytes[0] << 24) | (bytes[1] << 16) | (bytes[2] << 8) | bytes[3]);
            var when = ProtocolTime.DecodeRfc868(seconds, DateTimeOffset.UtcNow);
            Assert.InRange(when, DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddMinutes(1));
        }
    }

    [Fact]
    public async Task DaytimeEndpoints_Should_AnswerRfc867_OverTcpAndUdp()
    {
        await using var server = await EchoServer.StartAsync(Sys, ServerSettings.Default.WithEphemeralPorts());
        using var tcp = await ConnectAsync(server, "daytime-tcp");
        using var udp = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));

        var overTcp = Encoding.ASCII.GetString(await ReadToEndAsync(tcp.GetStream()));
        var overUdp = Encoding.ASCII.GetString(await ExchangeAsync(udp, server.FindEndpoint("daytime-udp")!.LocalEndPoint, [1]));

        Assert.All(new[] { overTcp, overUdp }, text =>
        {
            Assert.EndsWith("\r\n", text, StringComparison.Ordinal);
            Assert.Matches(CtimePattern(), text[..^2]);
        });
    }

    [Fact]
    public async Task EchoPort_Should_EchoBytesWithoutCommands()
    {
        await using var server = await EchoServer.StartAsync(Sys, ServerSettings.Default.WithEphemeralPorts());
        using var client = await ConnectAsync(server, "echo-tcp");
        var stream = client.GetStream();

        await stream.WriteAsync("/time\r\n"u8.ToArray());

        Assert.Equal("/time\r\n", await ReadTextAsync(stream, 7));
    }

    [Fact]
    public async Task StartAsync_Should_FailNamingTheEndpoint_WhenItsPortIsTaken()
    {
        using var blocker = new TcpListener(IPAddress.Loopback, 0);
        blocker.Start();
        var port = ((IPEndPoint)blocker.LocalEndpoint).Port;
        var settings = ServerSettings.Default.WithEphemeralPorts() with { EchoTcp = new EndpointSettings(true, port) };

        var error = await Assert.ThrowsAsync<EndpointBindException>(() => EchoServer.StartAsync(Sys, settings));

        Assert.Equal("echo-tcp", error.EndpointName);
        Assert.Contains("echo-tcp", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DisabledEndpoints_Should_NotBeBound()
    {
        var settings = ServerSettings.Default.WithEphemeralPorts() with
        {
            SessionUdp = new EndpointSettings(false, 0),
            TimeTcp = new EndpointSettings(false, 0),
            TimeUdp = new EndpointSettings(false, 0),
            DaytimeTcp = new EndpointSettings(false, 0),
            DaytimeUdp = new EndpointSettings(false, 0),
            EchoTcp = new EndpointSettings(false, 0),
        };

        await using var server = await EchoServer.StartAsync(Sys, settings);

        Assert.Equal(["session-tcp"], server.Endpoints.Select(e => e.Name).ToArray());
        Assert.Null(server.FindEndpoint("echo-tcp"));
    }

    [GeneratedRegex(@"^(Mon|Tue|Wed|Thu|Fri|Sat|Sun) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) [ 1-3]\d \d\d:\d\d:\d\d \d{4}$")]
    private static partial Regex CtimePattern();

    private static async Task<TcpClient> ConnectAsync(EchoServer server, string endpoint)
    {
        var client = new TcpClient(AddressFamily.InterNetwork);
        using var cts = new CancellationTokenSource(Wait);
        await client.ConnectAsync(server.FindEndpoint(endpoint)!.LocalEndPoint, cts.Token);
        return client;
    }

    private static async Task<string> ReadTextAsync(NetworkStream stream, int count)
    {
        var buffer = new byte[count];
        using var cts = new CancellationTokenSource(Wait);
        await stream.ReadExactlyAsync(buffer, cts.Token);
        return Encoding.UTF8.GetString(buffer);
    }

    private static async Task<string> ReadLineAsync(NetworkStream stream)
    {
        var line = new List<byte>();
        using var cts = new CancellationTokenSource(Wait);
        var one = new byte[1];
        for (var i = 0; i < 64 * 1024; i++)
        {
            await stream.ReadExactlyAsync(one, cts.Token);
            if (one[0] == (byte)'\n')
            {
                return Encoding.UTF8.GetString(line.ToArray());
            }

            line.Add(one[0]);
        }

        throw new InvalidOperationException("line longer than 64 KiB");
    }

    private static async Task<byte[]> ReadToEndAsync(NetworkStream stream)
    {
        using var cts = new CancellationTokenSource(Wait);
        using var all = new MemoryStream();
        await stream.CopyToAsync(all, cts.Token);
        return all.ToArray();
    }

    private static async Task<byte[]> ExchangeAsync(UdpClient udp, IPEndPoint target, byte[] datagram)
    {
        await udp.SendAsync(datagram, target);
        using var cts = new CancellationTokenSource(Wait);
        return (await udp.ReceiveAsync(cts.Token)).Buffer;
    }
}
