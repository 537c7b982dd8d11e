using System.Net;
using ActorEcho.Actors;
using ActorEcho.Host.CommandLine;
using ActorEcho.Host.Configuration;
using ActorEcho.Server;
using Microsoft.Extensions.Logging;

namespace ActorEcho.Host.Demos;

/// <summary>
/// An in-process server for one demo: its own actor system, only the session endpoint, on
/// 127.0.0.1 with a free port, <c>/crash</c> allowed, no signal handlers. Settings come from the
/// same HOCON layers as the host, with <c>-D</c>-style overrides per demo.
/// </summary>
internal sealed class DemoServer : IAsyncDisposable
{
    private static readonly string[] OtherEndpoints = ["session-udp", "echo-tcp", "time-tcp", "time-udp", "daytime-tcp", "daytime-udp"];

    private readonly ILoggerFactory _logging;

    private DemoServer(ActorSystem system, EchoServer server, ILoggerFactory logging, SupervisorLog log)
    {
        System = system;
        Server = server;
        _logging = logging;
        SupervisorLog = log;
        SessionEndPoint = server.FindEndpoint("session-tcp")!.LocalEndPoint;
    }

    public ActorSystem System { get; }

    public EchoServer Server { get; }

    public IPEndPoint SessionEndPoint { get; }

    /// <summary>The supervisors' decisions, as the kernel logged them.</summary>
    public SupervisorLog SupervisorLog { get; }

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
        var log = new SupervisorLog();
        var logging = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Information).AddProvider(log));
        var system = ActorSystem.Create("demo-" + name, config, new ActorSystemSetup { LoggerFactory = logging });
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(20));
            var server = await EchoServer.StartAsync(system, settings, timeout.Token).ConfigureAwait(false);
            var started = new DemoServer(system, server, logging, log);
            var s = settings.Supervision;
            context.Observe($"server up on {started.SessionEndPoint} (supervision {Describe(s.Strategy)}, max-restarts {s.MaxRestarts} within {s.Within.TotalSeconds:0}s, /crash allowed)");
            return started;
        }
        catch
        {
            await system.Terminate().WaitAsync(TimeSpan.FromSeconds(20)).ConfigureAwait(false);
            logging.Dispose();
            throw;
        }
    }

    public static string Describe(SupervisionStrategyKind kind) => kind == SupervisionStrategyKind.AllForOne ? "all-for-one" : "one-for-one";

    public async Task<DemoClient> ConnectAsync(string name, DemoContext context, int? receiveBufferSize = null) =>
        await DemoClient.ConnectAsync(name, SessionEndPoint, context, receiveBufferSize).ConfigureAwait(false);

    public async ValueTask DisposeAsync()
    {
        try
        {
            await Server.StopAsync().WaitAsync(TimeSpan.FromSeconds(20)).ConfigureAwait(false);
        }
        finally
        {
            await System.Terminate().WaitAsync(TimeSpan.FromSeconds(20)).ConfigureAwait(false);
            _logging.Dispose();
        }
    }
}
