using System.Net;
using Akka.Actor;
using ActorEcho.Hocon;
using ActorEcho.Server;
using Serilog;

namespace ActorEcho.Host.Hosting;

/// <summary>
/// A started host: its configuration, actor system and bound endpoints. <see cref="StopAsync"/>
/// (or SIGTERM / Ctrl+C, when the host handles signals) runs Akka's coordinated shutdown:
/// unbind every endpoint, tell every session <c>NOTICE server shutting down</c>, flush and close,
/// terminate the actor system.
/// </summary>
public sealed class RunningHost : IAsyncDisposable
{
    private readonly ILogger _log;
    private readonly IDisposable? _ownedLogger;

    internal RunningHost(ActorSystem system, EchoServer server, HoconConfig config, ILogger log, IDisposable? ownedLogger)
    {
        System = system;
        Server = server;
        Config = config;
        _log = log;
        _ownedLogger = ownedLogger;
        WhenTerminated = FinishAsync();
    }

    /// <summary>The actor system the server runs in.</summary>
    public ActorSystem System { get; }

    /// <summary>The running server.</summary>
    public EchoServer Server { get; }

    /// <summary>The merged, resolved configuration the host started with.</summary>
    public HoconConfig Config { get; }

    /// <summary>Every bound endpoint with its actual local address (port 0 becomes the real port).</summary>
    public IReadOnlyList<ServerEndpoint> Endpoints => Server.Endpoints;

    /// <summary>Completes once the system has terminated and the host's own logging is flushed.</summary>
    public Task WhenTerminated { get; }

    /// <summary>The local address of endpoint <paramref name="name"/> over <paramref name="protocol"/> ("tcp" or "udp").</summary>
    public IPEndPoint EndPoint(string name, string protocol = "tcp")
    {
        foreach (var endpoint in Endpoints)
        {
            if (string.Equals(endpoint.Name, name, StringComparison.OrdinalIgnoreCase)
                && string.Equals(endpoint.Protocol, protocol, StringComparison.OrdinalIgnoreCase))
            {
                return endpoint.LocalEndPoint;
            }
        }

        var known = string.Join(", ", Endpoints.Select(e => $"{e.Name}/{e.Protocol}"));
        throw new KeyNotFoundException($"no {protocol} endpoint named '{name}'; bound: {known}");
    }

    /// <summary>Runs the coordinated shutdown (unbind, notify sessions, flush, terminate) and waits for it to finish.</summary>
    public async Task StopAsync()
    {
        await CoordinatedShutdown.Get(System).Run(new HostShutdownReason(nameof(StopAsync))).ConfigureAwait(false);
        await WhenTerminated.ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync() => await StopAsync().ConfigureAwait(false);

    private async Task FinishAsync()
    {
        await System.WhenTerminated.ConfigureAwait(false);
        _log.Stopped();
        if (_ownedLogger is not null)
        {
            // The host installed it as Serilog's static logger (Akka.Logger.Serilog writes there).
            if (ReferenceEquals(Log.Logger, _ownedLogger))
            {
                await Log.CloseAndFlushAsync().ConfigureAwait(false);
            }
            else
            {
                _ownedLogger.Dispose();
            }
        }
    }
}
