using System.Net;
using Akka.Configuration;
using ActorEcho.Server.Cluster;

namespace ActorEcho.Server.Tests.Cluster;

/// <summary>
/// One in-process cluster node: an actor system of its own (a cluster provider on loopback, port 0)
/// with an ActorEcho server whose only endpoint is the session port (port 0). Several of them in one
/// test process form a real cluster over real remoting.
/// </summary>
internal sealed class ClusterNode : IAsyncDisposable
{
    // Shorter than production so a node's death is decided in a few seconds. Terminating a node's
    // system (a kill, or the end of the test) runs no coordinated shutdown, not even the one Akka runs
    // when the cluster daemon stops: the server's shutdown tasks would wait on actors already gone.
    private const string TestConfig = """
        akka.loglevel = WARNING
        akka.stdout-loglevel = WARNING
        akka.coordinated-shutdown.run-by-actor-system-terminate = off
        akka.coordinated-shutdown.run-by-clr-shutdown-hook = off
        akka.cluster.run-coordinated-shutdown-when-down = off
        akka.cluster.split-brain-resolver.stable-after = 2s
        akka.cluster.failure-detector.acceptable-heartbeat-pause = 2s
        akka.cluster.pub-sub.gossip-interval = 500ms
        """;

    private ClusterNode(ActorSystem system, EchoServer server, string name)
    {
        System = system;
        Server = server;
        Name = name;
    }

    public ActorSystem System { get; }

    public EchoServer Server { get; }

    public string Name { get; }

    public Akka.Cluster.Cluster Cluster => Akka.Cluster.Cluster.Get(System);

    public Address Address => Cluster.SelfAddress;

    public IPEndPoint SessionEndPoint => Server.FindEndpoint("session-tcp")!.LocalEndPoint;

    /// <summary>Starts a node joining <paramref name="seed"/> (or itself when null).</summary>
    public static async Task<ClusterNode> StartAsync(string systemName, string name, Address? seed, Func<ServerSettings, ServerSettings>? adjust = null)
    {
        var cluster = new ClusterSettings
        {
            HeartbeatInterval = TimeSpan.FromMilliseconds(500),
            RegistryRebuildTimeout = TimeSpan.FromSeconds(5),
            Port = 0,
            Seeds = seed is null ? [] : [$"{seed.Host}:{seed.Port}"],
        };
        var settings = ServerSettings.Default with
        {
            SessionTcp = new EndpointSettings(true, 0),
            SessionUdp = new EndpointSettings(false, 0),
            EchoTcp = new EndpointSettings(false, 0),
            TimeTcp = new EndpointSettings(false, 0),
            TimeUdp = new EndpointSettings(false, 0),
            DaytimeTcp = new EndpointSettings(false, 0),
            DaytimeUdp = new EndpointSettings(false, 0),
            Chat = new ChatSettings { RateLimit = 10_000, RateBurst = 10_000 },
            Cluster = cluster,
        };
        settings = adjust?.Invoke(settings) ?? settings;
        var config = ClusterAkkaConfig.For(settings.Cluster, IPAddress.Loopback, ConfigurationFactory.ParseString(TestConfig));
        var system = ActorSystem.Create(systemName, config);
        try
        {
            return new ClusterNode(system, await EchoServer.StartAsync(system, settings), name);
        }
        catch
        {
            await system.Terminate();
            throw;
        }
    }

    /// <summary>Stops the node the way SIGKILL would look to the others: no leave, no goodbye, its remoting just goes away.</summary>
    public Task KillAsync() => System.Terminate();

    /// <summary>Leaves the cluster the way SIGTERM does: Akka's coordinated shutdown, which also stops the server.</summary>
    public Task LeaveAsync() => CoordinatedShutdown.Get(System).Run(CoordinatedShutdown.ClrExitReason.Instance);

    public async ValueTask DisposeAsync()
    {
        if (!System.WhenTerminated.IsCompleted)
        {
            await System.Terminate();
        }
    }
}
