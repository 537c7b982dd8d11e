using System.Net;
using ActorEcho.Host.Hosting;
using Microsoft.Extensions.Logging;

namespace ActorEcho.Host.Tests.Support;

/// <summary>A host started in-process for one test, logging to the test output; disposing stops it.</summary>
internal sealed class TestHost : IAsyncDisposable
{
    private readonly ILoggerFactory _factory;

    private TestHost(RunningHost host, CapturingLoggerProvider logs, ILoggerFactory factory)
    {
        Host = host;
        Logs = logs;
        _factory = factory;
    }

    public RunningHost Host { get; }

    public CapturingLoggerProvider Logs { get; }

    public static async Task<TestHost> StartAsync(ITestOutputHelper output, params string[] extra)
    {
        var factory = CapturingLoggerProvider.CreateFactory(output, out var logs);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        try
        {
            var host = await ServerHost.StartAsync([.. TestHosts.IsolationArgs, .. extra], factory, cts.Token);
            return new TestHost(host, logs, factory);
        }
        catch
        {
            factory.Dispose();
            throw;
        }
    }

    public IPEndPoint Tcp(string name) => Host.EndPoint(name, "tcp");

    public IPEndPoint Udp(string name) => Host.EndPoint(name, "udp");

    public async ValueTask DisposeAsync()
    {
        // Bounded: a shutdown that hangs fails the test instead of hanging the run.
        await Host.StopAsync().WaitAsync(TimeSpan.FromSeconds(30));
        _factory.Dispose();
    }
}
