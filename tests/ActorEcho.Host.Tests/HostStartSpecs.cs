using System.Net;
using System.Net.Sockets;
using ActorEcho.Host.Hosting;
using ActorEcho.Host.Tests.Support;
using ActorEcho.Server.Supervision;

namespace ActorEcho.Host.Tests;

/// <summary>Starting the host's server in an actor system: what it logs, binds, and refuses.</summary>
public sealed class HostStartSpecs(ITestOutputHelper output) : HostSpec(output)
{
    [Fact]
    public async Task Start_Should_LogOneLinePerBoundEndpointAndTheServerItsBindsThroughAkka()
    {
        RunningHost? host = null;
        await EventFilter.Info(contains: "bound to 127.0.0.1:").ExpectAsync(HostSpecConfig.EndpointNames.Length, async () => host = await StartHostAsync());
        await using var _ = host!;
        Assert.Equal(HostSpecConfig.EndpointNames.Length, host!.Endpoints.Count);
        foreach (var endpoint in host.Endpoints)
        {
            Assert.Single(HostLines.Lines, l => l.Contains($"ActorEcho.Host: Listening: {endpoint.Name} {endpoint.Protocol} {endpoint.LocalEndPoint}", StringComparison.Ordinal));
        }

        Assert.Single(HostLines.Lines, l => l.EndsWith("ActorEcho ready: 7 endpoints bound; Ctrl+C or SIGTERM stops it", StringComparison.Ordinal));
    }

    [Fact]
    public async Task BusyPort_Should_FailToStartNamingTheEndpointAndPort()
    {
        using var squatter = new TcpListener(IPAddress.Loopback, 0);
        squatter.Start();
        var port = ((IPEndPoint)squatter.LocalEndpoint).Port;

        HostStartupException? failure = null;
        await EventFilter.Error(contains: "could not bind").ExpectOneAsync(async () =>
            failure = await Assert.ThrowsAsync<HostStartupException>(() => StartHostAsync($"-Dactorecho.server.endpoints.echo-tcp.port={port}")));
        Assert.Contains("echo-tcp", failure!.Message, StringComparison.Ordinal);
        Assert.Contains($":{port}", failure.Message, StringComparison.Ordinal);
        Assert.Contains(HostLines.Lines, l => l.Contains("ActorEcho failed to start", StringComparison.Ordinal));

        // The endpoints that did bind were released again: the same ports can be bound at once.
        await using var host = await StartHostAsync();
        Assert.Equal(HostSpecConfig.EndpointNames.Length, host.Endpoints.Count);
    }

    [Fact]
    public async Task FaultDemoConfig_Should_RestartACrashedSessionAndPublishTheDecision()
    {
        await using var host = await StartHostAsync("--config", Path.Combine(AppContext.BaseDirectory, "hocon", "fault-demo.conf"));
        var decisions = CreateTestProbe();
        Sys.EventStream.Subscribe(decisions, typeof(SupervisionDecision));
        using var cts = Deadline(15);
        await using var client = await TcpTestClient.ConnectAsync(TcpEndPoint(host, "session-tcp"), cts.Token);

        await client.SendAsync("/nick carl\n/crash\n", cts.Token);
        Assert.Equal("OK nick carl", await client.ReadLineAsync(cts.Token));
        Assert.Equal("NOTICE session state was reset after an internal error", await client.ReadLineAsync(cts.Token));
        var decision = await decisions.ExpectMsgAsync<SupervisionDecision>();
        Assert.Equal("Restart", decision.Directive);
        Assert.EndsWith("/session-tcp", decision.Supervisor, StringComparison.Ordinal);
        Assert.StartsWith(decision.Supervisor + "/", decision.Child, StringComparison.Ordinal);

        await client.SendAsync("/who\n", cts.Token);
        Assert.DoesNotContain("carl", await client.ReadLineAsync(cts.Token), StringComparison.Ordinal);
    }
}
