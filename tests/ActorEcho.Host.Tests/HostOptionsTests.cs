using System.Net;
using System.Net.Sockets;
using ActorEcho.Hocon;
using ActorEcho.Host.CommandLine;
using ActorEcho.Host.Configuration;
using ActorEcho.Host.Tests.Support;

namespace ActorEcho.Host.Tests;

public sealed class HostOptionsTests(ITestOutputHelper output)
{
    [Fact]
    public async Task PrintConfig_Should_PrintMergedHoconThatParsesBackWithTheOverride()
    {
        var (exit, stdout, stderr) = await RunAsync("--print-config", "-Dactorecho.server.endpoints.session-tcp.port=9123", "-Dactorecho.logging.level=Debug");
        Assert.Equal(HostExitCodes.Ok, exit);
        Assert.Equal(string.Empty, stderr);
        var config = HoconReader.ParseString(stdout, "--print-config output");
        Assert.Equal(9123, config.GetInt("actorecho.server.endpoints.session-tcp.port"));
        Assert.Equal("Debug", config.GetString("actorecho.logging.level"));

        // Every layer is there: kernel, socket layer, server and the application config.
        Assert.Equal(30, config.GetInt("actorecho.actor.throughput"));
        Assert.True(config.HasPath("actorecho.io.tcp.max-pending-write-bytes"));
        Assert.Equal(8007, config.GetInt("actorecho.server.endpoints.echo-tcp.port"));
        Assert.Equal("127.0.0.1", config.GetString("actorecho.server.address"));
    }

    [Fact]
    public async Task BadConfigFile_Should_ExitNonZeroWithFileLineAndColumn()
    {
        var file = Path.Combine(Path.GetTempPath(), $"actorecho-bad-{Guid.NewGuid():N}.conf");
        await File.WriteAllTextAsync(file, "actorecho {\n  server {\n    address = \"127.0.0.1\n  }\n}\n");
        try
        {
            var (exit, _, stderr) = await RunAsync(["--config", file, .. TestHosts.IsolationArgs]);
            output.WriteLine(stderr);
            Assert.Equal(HostExitCodes.BadConfiguration, exit);
            Assert.Single(stderr.TrimEnd().Split('\n'));
            Assert.Matches($@"{System.Text.RegularExpressions.Regex.Escape(file)}:3:\d+: ", stderr);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task MissingConfigFile_Should_ExitNonZeroNamingTheFile()
    {
        var (exit, _, stderr) = await RunAsync(["--config", "/nonexistent/actorecho.conf", .. TestHosts.IsolationArgs]);
        Assert.Equal(HostExitCodes.BadConfiguration, exit);
        Assert.Contains("/nonexistent/actorecho.conf", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BusyPort_Should_FailToStartNamingTheEndpointAndPort()
    {
        using var squatter = new TcpListener(IPAddress.Loopback, 0);
        squatter.Start();
        var port = ((IPEndPoint)squatter.LocalEndpoint).Port;

        var (exit, _, stderr) = await RunAsync([.. TestHosts.IsolationArgs, $"-Dactorecho.server.endpoints.echo-tcp.port={port}"]);
        output.WriteLine(stderr);
        Assert.Equal(HostExitCodes.StartFailed, exit);
        Assert.Single(stderr.TrimEnd().Split('\n'));
        Assert.Contains("echo-tcp", stderr, StringComparison.Ordinal);
        Assert.Contains($":{port}", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--no-such-option")]
    [InlineData("-Dno-equals-sign")]
    [InlineData("--bind not-an-address")]
    public async Task BadOptions_Should_ExitNonZeroWithOneLine(string commandLine)
    {
        var (exit, stdout, stderr) = await RunAsync([.. commandLine.Split(' '), "--print-config"]);
        output.WriteLine(stderr);
        Assert.Equal(HostExitCodes.BadOptions, exit);
        Assert.Equal(string.Empty, stdout);
        Assert.Single(stderr.TrimEnd().Split('\n'));
        Assert.StartsWith("actorecho: ", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void DashD_Should_AcceptAttachedAndSeparateValuesInOrder()
    {
        var options = HostCommandLine.ParseOptions("-Da.b=1", "-D", "c=\"x y\"", "-Da.b=2", "--bind", "[::1]");
        Assert.Equal(["a.b=1", "c=\"x y\"", "a.b=2"], options.Overrides);
        Assert.Equal(IPAddress.IPv6Loopback, options.BindAddress);

        var config = HostConfiguration.Load(options with { BindAddress = null });
        Assert.Equal(2, config.GetInt("a.b"));
        Assert.Equal("x y", config.GetString("c"));
    }

    [Fact]
    public async Task Layers_Should_StackReferenceApplicationFileThenDashD()
    {
        var file = Path.Combine(Path.GetTempPath(), $"actorecho-layer-{Guid.NewGuid():N}.conf");
        await File.WriteAllTextAsync(file, "actorecho.server.endpoints.echo-tcp.port = 1111\nactorecho.server.endpoints.time-tcp.port = 2222\n");
        try
        {
            var config = HostConfiguration.Load(HostCommandLine.ParseOptions("--config", file, "-Dactorecho.server.endpoints.time-tcp.port=3333"));
            Assert.Equal(1111, config.GetInt("actorecho.server.endpoints.echo-tcp.port"));   // file over application
            Assert.Equal(3333, config.GetInt("actorecho.server.endpoints.time-tcp.port"));   // -D over file
            Assert.Equal(8888, config.GetInt("actorecho.server.endpoints.session-tcp.port")); // application
            Assert.Equal(4096, config.GetInt("actorecho.server.session.max-line-length"));   // reference
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Ipv6Fact]
    public async Task BindIpv6Loopback_Should_ServeTcpAndUdpOnColonColon1()
    {
        await using var host = await TestHost.StartAsync(output, "--bind", "::1");
        Assert.All(host.Host.Endpoints, e => Assert.Equal(IPAddress.IPv6Loopback, e.LocalEndPoint.Address));

        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        await using var client = await TcpTestClient.ConnectAsync(host.Tcp("session-tcp"), cts.Token);
        await client.SendAsync("over ipv6\n", cts.Token);
        Assert.Equal("over ipv6", await client.ReadLineAsync(cts.Token));
        var reply = await Udp.RequestAsync(host.Udp("session-udp"), "time"u8.ToArray(), cts.Token);
        Ctime.AssertNow(System.Text.Encoding.UTF8.GetString(reply));
    }

    [Fact]
    public async Task Start_Should_LogOneLinePerBoundEndpoint()
    {
        await using var host = await TestHost.StartAsync(output);
        Assert.Equal(TestHosts.EndpointNames.Length, host.Host.Endpoints.Count);
        foreach (var endpoint in host.Host.Endpoints)
        {
            Assert.Single(host.Logs.Lines, l => l.Contains($"Listening: {endpoint.Name} {endpoint.Protocol} {endpoint.LocalEndPoint}", StringComparison.Ordinal));
        }
    }

    private static Task<(int Exit, string Stdout, string Stderr)> RunAsync(params string[] args) => RunCoreAsync(args);

    private static async Task<(int Exit, string Stdout, string Stderr)> RunCoreAsync(string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var exit = await HostCommandLine.RunAsync(args, stdout, stderr, cts.Token).WaitAsync(cts.Token);
        return (exit, stdout.ToString(), stderr.ToString());
    }
}
