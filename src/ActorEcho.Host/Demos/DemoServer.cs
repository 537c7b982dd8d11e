using System.Net;
using Akka.Actor;
using ActorEcho.Host.CommandLine;
using ActorEcho.Host.Configuration;
using ActorEcho.Server;
using ActorEcho.Server.Cluster;
using ActorEcho.Server.Supervision;

namespace ActorEcho.Host.Demos;

/// <summary>
/// An in-process server for one demo: its own Akka actor system, only the session endpoint, on
/// 127.0.0.1 with a free port, <c>/crash</c> allowed, no signal handlers, no log output (the demo
/// narrates; the supervisors' decisions come from the event stream). Settings come from the same
/// HOCON layers as the host, with <c>-D</c>-style overrides per demo.
/// </summary>
internal sealed class DemoServer : IAsyncDisposable
{
    private static readonly string[] OtherEndpoints = ["session-udp", "echo-tcp", "time-tcp", "time-udp", "daytime-tcp", "daytime-udp"];

    private readonly IActorRef _supervisorLog;
    private bool _killed;

    private DemoServer(ActorSystem system, EchoServer server, IActorRef supervisorLog)
    {
        System = system;
        Server = server;
        _supervisorLog = supervisorLog;
        SessionEndPoint = server.FindEndpoint("session-tcp")!.LocalEndPoint;
    }

    public ActorSystem System { get; }

    public EchoServer Server { get; }

    public IPEndPoint SessionEndPoint { get; }


    /// <summary>The overrides every demo server starts with (later ones win, so a demo can change them).</summary>
    public static IReadOnlyList<string> BaseOverrides { get; } =
    [
        "actorecho.server.address=\"127.0.0.1\"",
        "actorecho.server.endpoints.session-tcp.port=0",
        .. OtherEndpoints.Select(e => $"actorecho.server.endpoints.{e}.enabled=off"),
        .. OtherEndpoints.Select(e => $"actorecho.server.endpoints.{e}.port=0"),
        "actorecho.demo.allow-crash=on",
        "actorecho.coordinated-shutdown.run-by-process-exit=off",
        "actorecho.server.session.idle-timeout=off",

        // The narration is the output; Akka's log lines (supervision warnings among them) would
        // interleave with it. OFF also spares formatting events nobody reads.
        "akka.loglevel=\"OFF\"",
        "akka.stdout-loglevel=\"OFF\"",
    ];

    public static async Task<DemoServer> StartAsync(string name, DemoContext context, params string[] overrides)
    {
        var options = new HostOptions
        {
            ConfigFile = context.UserOptions.ConfigFile,
            Overrides = [.. context.UserOptions.Overrides, .. BaseOverrides, .. overrides],
        };
        var config = HostConfiguration.Load(options);
        var settings = ServerSettings.FromConfig(config);
        var akkaConfig = HostConfiguration.ToAkkaConfig(config);
        if (settings.Cluster.Enabled)
        {
            akkaConfig = ClusterAkkaConfig.For(settings.Cluster, settings.Address, akkaConfig);
        }

        var system = ActorSystem.Create("demo-" + name, BootstrapSetup.Create().WithConfig(akkaConfig));
        try
        {
            var log = system.ActorOf(Props.Create(() => new SupervisorLog()), "supervisor-log");
            system.EventStream.Subscribe(log, typeof(SupervisionDecision));
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(20));
            var server = await EchoServer.StartAsync(system, settings, timeout.Token).ConfigureAwait(false);
            var started = new DemoServer(system, server, log);
            var s = settings.Supervision;
            if (settings.Cluster.Enabled)
            {
                return started;
            }

            context.Observe($"server up on {started.SessionEndPoint} (supervision {Describe(s.Strategy)}, max-restarts {s.MaxRestarts} within {s.Within.TotalSeconds:0}s, /crash allowed)");
            return started;
        }
        catch
        {
            await system.Terminate().WaitAsync(TimeSpan.FromSeconds(20)).ConfigureAwait(false);
            throw;
        }
    }

    public static string Describe(SupervisionStrategyKind kind) => kind == SupervisionStrategyKind.AllForOne ? "all-for-one" : "one-for-one";

    /// <summary>The supervisors' decisions so far (<see cref="SupervisionDecision"/> from the event stream), oldest first.</summary>
    public Task<IReadOnlyList<SupervisionDecision>> SupervisionDecisionsAsync(DemoContext context) =>
        SupervisorLog.ReadAsync(_supervisorLog, context.StepTimeout);

    public async Task<DemoClient> ConnectAsync(string name, DemoContext context, int? receiveBufferSize = null) =>
        await DemoClient.ConnectAsync(name, SessionEndPoint, context, receiveBufferSize).ConfigureAwait(false);

    /// <summary>
    /// Ends the server's actor system at once, as a crash would: no coordinated shutdown, no goodbye
    /// to its clients or its cluster (the demo config turns off the shutdown Akka would otherwise run).
    /// </summary>
    public async Task KillAsync()
    {
        _killed = true;
        await System.Terminate().WaitAsync(TimeSpan.FromSeconds(20)).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        if (_killed)
        {
            return;
        }

        try
        {
            await Server.StopAsync().WaitAsync(TimeSpan.FromSeconds(20)).ConfigureAwait(false);
        }
        finally
        {
            await System.Terminate().WaitAsync(TimeSpan.FromSeconds(20)).ConfigureAwait(false);
        }
    }
}
