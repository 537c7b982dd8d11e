using System.Net;
using Akka;
using Akka.Actor;
using Akka.IO;
using ActorEcho.Server.Logging;
using ActorEcho.Server.Protocol;
using ActorEcho.Server.Runtime;

namespace ActorEcho.Server;

/// <summary>
/// A running ActorEcho server inside an <see cref="ActorSystem"/>: the TCP session protocol, UDP
/// time/echo, and the RFC 862/867/868 services, each on its own endpoint.
/// <para>
/// <see cref="StartAsync"/> binds every enabled endpoint and registers two coordinated-shutdown
/// tasks, so terminating the actor system stops the server gracefully: in phase
/// <c>service-unbind</c> every endpoint is unbound, in <c>service-requests-done</c> every session
/// gets <c>NOTICE server shutting down</c>, is flushed and closed (within that phase's timeout).
/// <see cref="StopAsync"/> runs the same steps on demand.
/// </para>
/// </summary>
public sealed partial class EchoServer : IAsyncDisposable
{
    private static readonly TimeSpan BindTimeout = TimeSpan.FromSeconds(10);
    private static long s_servers;

    private readonly ActorSystem _system;
    private readonly IActorRef _root;
    private readonly ServerRuntime _runtime;
    private readonly IReadOnlyList<EndpointProtocol.Started> _started;
    private readonly object _gate = new();
    private Task? _unbind;
    private Task? _closeConnections;
    private Task? _stop;

    private EchoServer(ActorSystem system, IActorRef root, ServerRuntime runtime, IReadOnlyList<EndpointProtocol.Started> started)
    {
        _system = system;
        _root = root;
        _runtime = runtime;
        _started = started;
        Endpoints = started.Select(s => s.Endpoint).ToArray();
    }

    /// <summary>The bound endpoints, in configuration order, with their real ports.</summary>
    public IReadOnlyList<ServerEndpoint> Endpoints { get; }

    /// <summary>The settings the server runs with.</summary>
    public ServerSettings Settings => _runtime.Settings;

    /// <summary>
    /// Starts a server: binds every enabled endpoint (through Akka.IO's <c>system.Tcp()</c> and
    /// <c>system.Udp()</c>, whose socket settings come from the system's <c>akka.io</c> config) and
    /// registers its tasks with Akka's <see cref="CoordinatedShutdown"/>. Completes when all endpoints are bound. If one cannot bind, the others are unbound again
    /// and the task fails with an <see cref="EndpointBindException"/> naming that endpoint.
    /// </summary>
    public static Task<EchoServer> StartAsync(ActorSystem system, ServerSettings settings, CancellationToken cancellationToken = default) =>
        StartWithClockAsync(system, settings, TimeProvider.System, cancellationToken);

    /// <summary>Looks up a bound endpoint by its config name (e.g. <c>session-tcp</c>); null when it is not enabled.</summary>
    public ServerEndpoint? FindEndpoint(string name) => Endpoints.FirstOrDefault(e => e.Name == name);

    /// <summary>The counters <c>/stats</c> shows, read now.</summary>
    public Task<ServerStats> GetStatsAsync() => Task.FromResult(_runtime.Counters.Snapshot());

    /// <summary>
    /// Stops the server: unbinds every endpoint, tells every session <c>NOTICE server shutting down</c>,
    /// flushes and closes the connections (resetting those still open after the
    /// <c>service-requests-done</c> phase timeout), then stops the server's actors. Safe to call more than once.
    /// </summary>
    public Task StopAsync()
    {
        lock (_gate)
        {
            return _stop ??= StopCoreAsync();
        }
    }

    /// <summary>Same as <see cref="StopAsync"/>.</summary>
    public async ValueTask DisposeAsync() => await StopAsync();

    /// <summary>Starts a server whose replies and chat rate limiter read <paramref name="time"/> (tests pass a manual clock).</summary>
    internal static async Task<EchoServer> StartWithClockAsync(ActorSystem system, ServerSettings settings, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(time);
        settings.Validate();
        settings.ValidateAgainst(TcpSettings.Create(system));
        var sessionNumberBase = settings.Cluster.Enabled ? StartClusterMode(system, settings.Cluster) : 0;
        var runtime = new ServerRuntime(settings, system.Tcp(), system.Udp(), time) { SessionNumberBase = sessionNumberBase };

        var number = Interlocked.Increment(ref s_servers);
        var root = system.ActorOf(Props.Create(() => new ServerRoot(runtime)), $"actorecho-server-{number}");
        var requests = settings.AllEndpoints()
            .Where(e => e.Settings.Enabled)
            .Select(e => new EndpointSpec(e.Name, e.Protocol, EndpointSpec.KindOf(e.Name), new IPEndPoint(settings.Address, e.Settings.Port)))
            .Select(spec => root.Ask<EndpointProtocol.Started>(new EndpointProtocol.Start(spec), BindTimeout, cancellationToken))
            .ToArray();

        try
        {
            await Task.WhenAll(requests);
        }
        catch (Exception) when (requests.Any(r => !r.IsCompletedSuccessfully))
        {
            // Free the ports that did bind before reporting the one that did not.
            var bound = requests.Where(r => r.IsCompletedSuccessfully).Select(r => r.Result).ToArray();
            await Task.WhenAll(bound.Select(b => UnbindOneAsync(b.Actor)));
            await StopActorAsync(root);
            var failure = requests.First(r => !r.IsCompletedSuccessfully).Exception?.InnerException;
            if (failure is EndpointBindException or OperationCanceledException)
            {
                throw failure;
            }

            throw new EndpointBindException($"starting the server failed: {failure?.Message}", failure ?? new InvalidOperationException("endpoint start failed"));
        }

        var server = new EchoServer(system, root, runtime, requests.Select(r => r.Result).ToArray());
        server.RegisterShutdownTasks(number);
        return server;
    }

    private static Task<EndpointProtocol.Unbound> UnbindOneAsync(IActorRef endpoint) =>
        endpoint.Ask<EndpointProtocol.Unbound>(EndpointProtocol.Unbind.Instance, BindTimeout);

    private static async Task StopActorAsync(IActorRef actor)
    {
        try
        {
            await actor.GracefulStop(BindTimeout);
        }
        catch (TaskCanceledException)
        {
            // The system is already gone; so is the actor.
        }
    }

    private void RegisterShutdownTasks(long number)
    {
        // Tasks added once the shutdown already runs are ignored by Akka; the system's own stop then
        // takes the server's actors with it.
        var shutdown = CoordinatedShutdown.Get(_system);
        shutdown.AddTask(CoordinatedShutdown.PhaseServiceUnbind, $"actorecho-server-{number}-unbind", async () =>
        {
            await UnbindAsync();
            return Done.Instance;
        });
        shutdown.AddTask(CoordinatedShutdown.PhaseServiceRequestsDone, $"actorecho-server-{number}-close-sessions", async () =>
        {
            await CloseConnectionsAsync(shutdown.Timeout(CoordinatedShutdown.PhaseServiceRequestsDone));
            return Done.Instance;
        });
        shutdown.AddTask(CoordinatedShutdown.PhaseServiceStop, $"actorecho-server-{number}-stop", async () =>
        {
            await StopAsync();
            return Done.Instance;
        });
    }

    private Task UnbindAsync()
    {
        lock (_gate)
        {
            return _unbind ??= Task.WhenAll(_started.Select(s => UnbindOneAsync(s.Actor)));
        }
    }

    private Task CloseConnectionsAsync(TimeSpan phaseTimeout)
    {
        lock (_gate)
        {
            // Leave a little of the phase for the replies to travel back before the phase gives up.
            var deadline = phaseTimeout > TimeSpan.FromSeconds(1) ? phaseTimeout - TimeSpan.FromMilliseconds(500) : phaseTimeout * 0.8;
            return _closeConnections ??= Task.WhenAll(_started.Select(s =>
                s.Actor.Ask<EndpointProtocol.ConnectionsClosed>(new EndpointProtocol.CloseConnections(deadline), phaseTimeout + TimeSpan.FromSeconds(5))));
        }
    }

    private async Task StopCoreAsync()
    {
        var shutdown = CoordinatedShutdown.Get(_system);
        try
        {
            await UnbindAsync();
            await CloseConnectionsAsync(shutdown.Timeout(CoordinatedShutdown.PhaseServiceRequestsDone));
        }
        catch (Exception ex) when (ex is AskTimeoutException or TaskCanceledException)
        {
            // An endpoint actor is already gone (the system is stopping): nothing left to unbind or close.
        }
        finally
        {
            await StopActorAsync(_root);
            Akka.Event.Logging.GetLogger(_system, typeof(EchoServer)).ServerStopped();
        }
    }
}
