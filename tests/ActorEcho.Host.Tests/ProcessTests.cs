using ActorEcho.Host.Tests.Support;

namespace ActorEcho.Host.Tests;

/// <summary>The host as a real process: SIGTERM runs the coordinated shutdown and the exit code is 0.</summary>
public sealed class ProcessTests(ITestOutputHelper output)
{
    private static readonly string[] PortZero =
        [.. TestHosts.EndpointNames.Select(n => $"-Dactorecho.server.endpoints.{n}.port=0")];

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
            foreach (var line in host.Stdout.Concat(host.Stderr))
            {
                output.WriteLine(line);
            }
        }

        // One line per endpoint, the signal, each phase that had work, and the end.
        Assert.Equal(TestHosts.EndpointNames.Length, host.Stdout.Count(l => l.Contains("Listening: ", StringComparison.Ordinal)));
        Assert.Contains(host.Stdout, l => l.Contains("Received SIGTERM", StringComparison.Ordinal));
        foreach (var phase in new[] { "before-service-unbind", "service-unbind", "actor-system-terminate" })
        {
            Assert.Contains(host.Stdout, l => l.Contains($"phase {phase} starting", StringComparison.Ordinal));
        }

        Assert.Contains(host.Stdout, l => l.Contains("ActorEcho stopped", StringComparison.Ordinal));
        Assert.Empty(host.Stderr);
    }

    [Fact]
    public async Task PrintConfig_Should_ExitZeroAsAProcess()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var host = HostProcess.Start("--print-config");
        Assert.Equal(0, await host.WaitForExitAsync(cts.Token));
        var text = string.Join('\n', host.Stdout);
        Assert.Equal(8888, ActorEcho.Hocon.HoconReader.ParseString(text).GetInt("actorecho.server.endpoints.session-tcp.port"));
    }
}
