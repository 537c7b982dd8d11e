using System.Net;
using System.Net.Sockets;
using ActorEcho.Host.Tests.Support;

namespace ActorEcho.Host.Tests;

/// <summary>The host as a real process: signals run Akka's coordinated shutdown, and the exit codes.</summary>
public sealed class ProcessTests(ITestOutputHelper output)
{
    private static readonly string[] PortZero =
        [.. HostSpecConfig.EndpointNames.Select(n => $"-Dactorecho.server.endpoints.{n}.port=0")];

    [PosixFact]
    public async Task Sigterm_Should_NotifySessionsLogEachPhaseAndExitZero()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var host = HostProcess.Start(PortZero);
        try
        {
            var endPoint = await host.WaitReadyAsync(cts.Token);
            await using var client = await TcpTestClient.ConnectAsync(endPoint, cts.Token);
            await client.SendAsync("still here\n", cts.Token);
            Assert.Equal("still here", await client.ReadLineAsync(cts.Token));

            host.Signal("TERM");
            Assert.Equal("NOTICE server shutting down", await client.ReadLineAsync(cts.Token));
            Assert.Null(await client.ReadLineAsync(cts.Token));
            Assert.Equal(0, await host.WaitForExitAsync(cts.Token));
        }
        finally
        {
            Dump(host);
        }

        // One line per endpoint, the signal, Akka's shutdown with the host's reason, each phase, the end.
        Assert.Equal(HostSpecConfig.EndpointNames.Length, host.Stdout.Count(l => l.Contains("ActorEcho.Host: Listening: ", StringComparison.Ordinal)));
        Assert.Contains(host.Stdout, l => l.Contains("ActorEcho.Host: Received SIGTERM; running coordinated shutdown of actorecho", StringComparison.Ordinal));
        Assert.Contains(host.Stdout, l => l.Contains("CoordinatedShutdown invoked due to [Reason:ActorEcho.Host.Hosting.HostShutdownReason]", StringComparison.Ordinal));
        foreach (var phase in new[] { "service-unbind", "service-requests-done", "service-stop", "actor-system-terminate" })
        {
            Assert.Contains(host.Stdout, l => l.Contains($"Coordinated shutdown phase {phase} starting", StringComparison.Ordinal));
        }

        // Server actors log under their actor path.
        Assert.Contains(host.Stdout, l => l.Contains("] akka://actorecho/user/actorecho-server-1/session-tcp: Endpoint session-tcp (tcp) bound to", StringComparison.Ordinal));
        Assert.Contains(host.Stdout, l => l.EndsWith("ActorEcho.Host: ActorEcho stopped", StringComparison.Ordinal));
        Assert.Empty(host.Stderr);
    }

    [PosixFact]
    public async Task Sigint_Should_StopAHostThatInheritedSigintIgnoredAndExitZero()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var host = HostProcess.StartWithSigintIgnored(PortZero);
        try
        {
            var endPoint = await host.WaitReadyAsync(cts.Token);
            await using var client = await TcpTestClient.ConnectAsync(endPoint, cts.Token);
            await client.SendAsync("ping\n", cts.Token);
            Assert.Equal("ping", await client.ReadLineAsync(cts.Token));

            host.Signal("INT");
            Assert.Equal(0, await host.WaitForExitAsync(cts.Token));
        }
        finally
        {
            Dump(host);
        }

        // The host saw the inherited disposition (so the test really started it ignored) and restored it.
        Assert.Contains(host.Stdout, l => l.Contains("SIGINT was ignored when the process started", StringComparison.Ordinal));
        Assert.Contains(host.Stdout, l => l.Contains("Received SIGINT; running coordinated shutdown", StringComparison.Ordinal));
        Assert.Contains(host.Stdout, l => l.EndsWith("ActorEcho stopped", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PrintConfig_Should_ExitZeroAsAProcessWithAkkasKeys()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var host = HostProcess.Start("--print-config");
        Assert.Equal(0, await host.WaitForExitAsync(cts.Token));
        var config = ActorEcho.Hocon.HoconReader.ParseString(string.Join('\n', host.Stdout));
        Assert.Equal(8888, config.GetInt("actorecho.server.endpoints.session-tcp.port"));
        Assert.Equal("4 KiB", config.GetString("akka.io.tcp.maximum-frame-size"));
    }

    [Fact]
    public async Task BusyPort_Should_ExitThreeWithOneLineNamingTheEndpointAndPort()
    {
        using var squatter = new TcpListener(IPAddress.Loopback, 0);
        squatter.Start();
        var port = ((IPEndPoint)squatter.LocalEndpoint).Port;

        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var host = HostProcess.Start([.. PortZero, $"-Dactorecho.server.endpoints.echo-tcp.port={port}"]);
        Assert.Equal(3, await host.WaitForExitAsync(cts.Token));
        Dump(host);
        var error = Assert.Single(host.Stderr);
        Assert.StartsWith("actorecho: ", error, StringComparison.Ordinal);
        Assert.Contains("echo-tcp", error, StringComparison.Ordinal);
        Assert.Contains($":{port}", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConfigurationAkkaRejects_Should_ExitTwoWithOneLine()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var host = HostProcess.Start([.. PortZero, "-Dakka.loglevel=LOUD"]);
        Assert.Equal(2, await host.WaitForExitAsync(cts.Token));
        Dump(host);
        var error = Assert.Single(host.Stderr);
        Assert.StartsWith("actorecho: configuration error: Akka rejected the configuration: ", error, StringComparison.Ordinal);
        Assert.Contains("LOUD", error, StringComparison.Ordinal);
    }

    private void Dump(HostProcess host)
    {
        foreach (var line in host.Stdout.Concat(host.Stderr))
        {
            output.WriteLine(line);
        }
    }
}
