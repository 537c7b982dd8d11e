using System.Net;
using Akka.TestKit.Xunit2;
using ActorEcho.Hocon;
using ActorEcho.Host.Hosting;

namespace ActorEcho.Host.Tests.Support;

/// <summary>
/// A TestKit whose actor system is configured exactly as the host configures its own (every layer,
/// plus <see cref="HostSpecConfig.IsolationArgs"/> and the test's arguments), in which a test starts
/// the host's server with <see cref="StartHostAsync"/>. Each test gets a fresh system; TestKit shuts
/// it down (running the coordinated shutdown, so the server stops too) when the test ends.
/// </summary>
public abstract class HostSpec : TestKit
{
    private readonly string[] _args;
    private readonly HoconConfig _config;

    protected HostSpec(ITestOutputHelper output, params string[] args)
        : this(output, args, HostSpecConfig.Load(args))
    {
    }

    private HostSpec(ITestOutputHelper output, string[] args, HoconConfig config)
        : base(HostSpecConfig.ForTestKit(config), "actorecho", output)
    {
        _args = args;
        _config = config;
        HostLines = new CapturedLog(output);
    }

    /// <summary>What the host logged itself (Listening, ready, shutdown phases, stopped).</summary>
    internal CapturedLog HostLines { get; }

    /// <summary>
    /// Starts the host's server in this TestKit's system, bounded by a dilated 20 s. Extra arguments
    /// change the server's settings only (the system already runs with the test's configuration).
    /// </summary>
    protected async Task<RunningHost> StartHostAsync(params string[] serverArgs)
    {
        using var cts = new CancellationTokenSource(Dilated(TimeSpan.FromSeconds(20)));
        var config = serverArgs.Length == 0 ? _config : HostSpecConfig.Load([.. _args, .. serverArgs]);
        return await ServerHost.StartAsync(Sys, config, HostLines.Logger, cts.Token);
    }

    /// <summary>A source cancelled after <paramref name="seconds"/>, dilated by <c>akka.test.timefactor</c>.</summary>
    protected CancellationTokenSource Deadline(double seconds) => new(Dilated(TimeSpan.FromSeconds(seconds)));

    protected static IPEndPoint TcpEndPoint(RunningHost host, string name) => host.EndPoint(name, "tcp");

    protected static IPEndPoint UdpEndPoint(RunningHost host, string name) => host.EndPoint(name, "udp");
}
