using System.Net;
using System.Reflection;
using Akka;
using Akka.Actor;
using Akka.Configuration;
using Akka.IO;
using ActorEcho.Hocon;
using ActorEcho.Host.CommandLine;
using ActorEcho.Host.Configuration;
using ActorEcho.Host.Logging;
using ActorEcho.Server;
using ActorEcho.Server.Cluster;
using Serilog;

namespace ActorEcho.Host.Hosting;

/// <summary>
/// Starts the whole server in-process. <see cref="StartAsync(HostOptions, CancellationToken)"/> is
/// what <c>Program</c> runs: configuration layers, Serilog, an actor system of its own, every
/// endpoint, and the SIGINT/SIGTERM handlers. <see cref="StartAsync(ActorSystem, HoconConfig, ILogger, CancellationToken)"/>
/// starts the same server in an actor system someone else created (a TestKit's, in the tests).
/// </summary>
public static class ServerHost
{
    /// <summary>The key naming the actor system (default <c>actorecho</c>).</summary>
    public const string SystemNameKey = "actorecho.host.system-name";

    /// <summary>The key that turns the host's SIGINT/SIGTERM handling on or off (default on).</summary>
    public const string HandleSignalsKey = "actorecho.coordinated-shutdown.run-by-process-exit";

    // The phases the host announces as they start, in Akka's order. Akka itself logs phases only at
    // Debug; these lines show an operator where a slow shutdown is.
    private static readonly string[] AnnouncedPhases =
    [
        CoordinatedShutdown.PhaseServiceUnbind,
        CoordinatedShutdown.PhaseServiceRequestsDone,
        CoordinatedShutdown.PhaseServiceStop,
        CoordinatedShutdown.PhaseActorSystemTerminate,
    ];

    /// <summary>
    /// Loads the configuration for <paramref name="options"/>, installs the Serilog pipeline of
    /// <c>actorecho.logging</c> as <see cref="Log.Logger"/> (where Akka.Logger.Serilog writes),
    /// creates the actor system with the resolved configuration and binds every endpoint. Throws
    /// <see cref="HoconException"/> for bad configuration and <see cref="HostStartupException"/>
    /// when an endpoint cannot be bound; nothing is left running in either case.
    /// </summary>
    public static async Task<RunningHost> StartAsync(HostOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var config = HostConfiguration.Load(options);

        // Every setting is read before anything starts, so bad values fail fast and cleanly.
        var serverSettings = ReadServerSettings(config);
        var systemName = config.GetString(SystemNameKey, "actorecho") ?? "actorecho";
        var handleSignals = config.GetBoolean(HandleSignalsKey, true);
        var akkaConfig = HostConfiguration.ToAkkaConfig(config);
        if (serverSettings.Cluster.Enabled)
        {
            // Cluster mode: remoting on the server's own address, the split-brain resolver, the serializer.
            akkaConfig = ClusterAkkaConfig.For(serverSettings.Cluster, serverSettings.Address, akkaConfig);
        }

        CheckAkkaIoSettings(akkaConfig, serverSettings);

        var logger = HostLogging.CreateLogger(LoggingSettings.FromConfig(config));
        Log.Logger = logger;
        var log = HostLog.For(logger);
        log.Starting(Version, systemName, Environment.ProcessId);
        if (SigintDisposition.RestoredAtStartup)
        {
            log.SigintRestored();
        }

        if (options.BindAddress is { } bind && !IPAddress.IsLoopback(bind))
        {
            log.NonLoopback(bind);
        }

        if (serverSettings.Cluster.Enabled && !IPAddress.IsLoopback(serverSettings.Address))
        {
            log.ClusterNonLoopback(serverSettings.Address, serverSettings.Cluster.Port ?? 0);
        }

        ActorSystem? system = null;
        try
        {
            system = CreateSystem(systemName, akkaConfig);
            if (handleSignals)
            {
                ShutdownSignals.Register(system, log);
            }

            return await StartAsync(system, config, logger, owned: logger, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            if (system is not null)
            {
                await system.Terminate().ConfigureAwait(false);
            }

            await Log.CloseAndFlushAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// Starts the server in <paramref name="system"/> with the settings of <paramref name="config"/>
    /// (a configuration from <see cref="HostConfiguration.Load"/>; the system should have been created
    /// from it), logging the host's lines to <paramref name="logger"/>. Registers no signal handlers
    /// and leaves Serilog's static logger alone. <see cref="RunningHost.StopAsync"/> runs the system's
    /// coordinated shutdown, which terminates the system.
    /// </summary>
    public static Task<RunningHost> StartAsync(ActorSystem system, HoconConfig config, ILogger logger, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(logger);
        return StartAsync(system, config, logger, owned: null, cancellationToken);
    }

    private static async Task<RunningHost> StartAsync(
        ActorSystem system, HoconConfig config, ILogger logger, IDisposable? owned, CancellationToken cancellationToken)
    {
        var log = HostLog.For(logger);
        var settings = ReadServerSettings(config);
        EchoServer server;
        try
        {
            server = await EchoServer.StartAsync(system, settings, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.StartFailed(e.Message);
            throw new HostStartupException(e.Message, e);
        }

        foreach (var endpoint in server.Endpoints)
        {
            log.Listening(endpoint.Name, endpoint.Protocol, endpoint.LocalEndPoint);
        }

        log.Ready(server.Endpoints.Count);
        AnnounceShutdown(CoordinatedShutdown.Get(system), server.Endpoints.Count, log);
        return new RunningHost(system, server, config, log, owned);
    }

    private static void AnnounceShutdown(CoordinatedShutdown shutdown, int endpoints, ILogger log)
    {
        shutdown.AddTask(CoordinatedShutdown.PhaseBeforeServiceUnbind, "actorecho-host-announce", () =>
        {
            log.ShutdownBegins(endpoints);
            return Task.FromResult(Done.Instance);
        });
        foreach (var phase in AnnouncedPhases)
        {
            // A task of the phase itself: Akka starts every task of a phase together, when the phase starts.
            shutdown.AddTask(phase, "actorecho-host-log-phase", () =>
            {
                log.PhaseStarting(phase, shutdown.Timeout(phase));
                return Task.FromResult(Done.Instance);
            });
        }
    }

    private static ActorSystem CreateSystem(string name, Config akkaConfig)
    {
        try
        {
            return ActorSystem.Create(name, BootstrapSetup.Create().WithConfig(akkaConfig));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The configuration is all Akka is given here, so whatever it rejects is a configuration
            // error (an unknown akka.loglevel, a logger type that does not load, ...).
            throw new HoconException("Akka rejected the configuration: " + e.Message, e);
        }
    }

    private static void CheckAkkaIoSettings(Config akkaConfig, ServerSettings serverSettings)
    {
        // Akka reads akka.io only when the server first uses TCP or UDP; a bad value would then look
        // like a bind failure. Akka's own readers, run now, report it as what it is.
        try
        {
            serverSettings.ValidateAgainst(TcpSettings.Create(akkaConfig.GetConfig("akka.io.tcp")));
            _ = UdpSettings.Create(akkaConfig.GetConfig("akka.io.udp"));
        }
        catch (Exception e) when (e is ArgumentException or FormatException or OverflowException or ConfigurationException)
        {
            throw new HoconException("akka.io: " + e.Message, e);
        }
    }

    private static ServerSettings ReadServerSettings(HoconConfig config)
    {
        try
        {
            return ServerSettings.FromConfig(config);
        }
        catch (ArgumentException e)
        {
            // An out-of-range value is a configuration error like a syntax error: same message form, same exit code.
            throw new HoconException(e.Message, e);
        }
    }

    private static string Version =>
        typeof(ServerHost).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
}
