using System.Net;
using ActorEcho.Actors;
using ActorEcho.Server;
using Microsoft.Extensions.Logging;


namespace ActorEcho.Host.Hosting;

/// <summary>
/// A started host: its configuration, actor system and bound endpoints. <see cref="StopAsync"/>
/// (or SIGTERM / Ctrl+C when enabled) runs the coordinated shutdown.
/// </summary>
public sealed class RunningHost : IAsyncDisposable
{
    private readonly EchoServer _server;
    private readonly ILogger _logger;
    private readonly ILoggerFactory? _ownedLogging;

    internal RunningHost(ActorSystem system, EchoServer server, HoconConfig config, ILogger logger, ILoggerFactory? ownedLogging)
    {
        System = system;
        _server = server;
        Config = config;
        _logger = logger;
        _ownedLogging = ownedLogging;
        WhenTerminated = FinishAsync();
    }

    /// <summary>The actor system the server runs in.</summary>
    public ActorSystem System { get; }

    /// <summary>The merged, resolved configuration the host started with.</summary>
    public HoconConfig Config { get; }

    /// <summary>Every bound endpoint with its actual local address (port 0 becomes the real port).</summary>
    public IReadOnlyList<ServerEndpoint> Endpoints => _server.Endpoints;

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

    /// <summary>Runs the coordinated shutdown (unbind, notify sessions, flush, stop) and waits for it to finish.</summary>
    public async Task StopAsync()
    {
        _ = System.Terminate();
        await WhenTerminated.ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync() => await StopAsync().ConfigureAwait(false);

    private async Task FinishAsync()
    {
        await System.WhenTerminated.ConfigureAwait(false);
        HostLog.Stopped(_logger);
        _ownedLogging?.Dispose();
    }
}
