using System.Net;
using System.Reflection;
using ActorEcho.Actors;
using ActorEcho.Actors.Shutdown;
using ActorEcho.Hocon;
using ActorEcho.Host.CommandLine;
using ActorEcho.Host.Configuration;
using ActorEcho.Host.Logging;
using ActorEcho.Server;
using Microsoft.Extensions.Logging;

namespace ActorEcho.Host.Hosting;

/// <summary>
/// Starts the whole server in-process: configuration layers, logging, the actor system and every
/// endpoint. <c>Program</c> uses it and so do the end-to-end tests, which pass <c>-D</c> overrides
/// (port 0, no signal handlers) and their own logger factory.
/// </summary>
public static class ServerHost
{
    /// <summary>Parses <paramref name="args"/> as the command line would and starts the host.</summary>
    public static Task<RunningHost> StartAsync(string[] args, ILoggerFactory? logging = null, CancellationToken cancellationToken = default) =>
        StartAsync(HostCommandLine.ParseOptions(args), logging, cancellationToken);

    /// <summary>
    /// Loads the configuration for <paramref name="options"/>, starts the actor system and binds
    /// every endpoint, logging one line per bound endpoint. With no <paramref name="logging"/>
    /// the host builds its Serilog pipeline from <c>actorecho.logging.*</c> (and disposes it when
    /// the system has terminated). Throws <see cref="HoconException"/> for bad
    /// configuration and <see cref="HostStartupException"/> when an endpoint cannot be bound;
    /// nothing is left running in either case.
    /// </summary>
    public static async Task<RunningHost> StartAsync(HostOptions options, ILoggerFactory? logging = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var config = HostConfiguration.Load(options);

        // Every setting is read before anything starts, so bad values fail fast and cleanly.
        var serverSettings = ServerSettings.FromConfig(config);
        var systemName = config.GetString("actorecho.host.system-name", "actorecho") ?? "actorecho";
        var owned = logging is null ? HostLogging.CreateLoggerFactory(LoggingSettings.FromConfig(config)) : null;
        var loggerFactory = logging ?? owned!;
        var logger = loggerFactory.CreateLogger("ActorEcho.Host");
        HostLog.Starting(logger, Version, systemName, Environment.ProcessId);
        if (options.BindAddress is { } bind && !IPAddress.IsLoopback(bind))
        {
            HostLog.NonLoopback(logger, bind);
        }

        ActorSystem? system = null;
        try
        {
            system = ActorSystem.Create(systemName, config, new ActorSystemSetup { LoggerFactory = loggerFactory });
            var server = await EchoServer.StartAsync(system, serverSettings, cancellationToken).ConfigureAwait(false);
            foreach (var endpoint in server.Endpoints)
            {
                HostLog.Listening(logger, endpoint.Name, endpoint.Protocol, endpoint.LocalEndPoint);
            }

            HostLog.Ready(logger, server.Endpoints.Count);
            CoordinatedShutdown.Get(system).AddTask(CoordinatedShutdown.PhaseBeforeServiceUnbind, "host-announce-shutdown", () =>
            {
                HostLog.ShutdownBegins(logger, server.Endpoints.Count);
                return Task.FromResult(Done.Instance);
            });
            return new RunningHost(system, server, config, logger, owned);
        }
        catch (Exception e)
        {
            if (system is not null)
            {
                await system.Terminate().ConfigureAwait(false);
            }

            if (e is HoconException or OperationCanceledException)
            {
                owned?.Dispose();
                throw;
            }

            HostLog.StartFailed(logger, e.Message);
            owned?.Dispose();
            throw new HostStartupException(e.Message, e);
        }
    }

    private static string Version =>
        typeof(ServerHost).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
}
