using Akka.Actor;
using Akka.Cluster;
using Akka.Cluster.Tools.PublishSubscribe;
using Akka.Cluster.Tools.Singleton;
using ActorEcho.Server.Chat;
using ActorEcho.Server.Cluster;
using ActorEcho.Server.Logging;

namespace ActorEcho.Server;

public sealed partial class EchoServer
{
    // Default nicks in cluster mode are guest-<block><7 digits>: each node draws a 6-digit block.
    private const long SessionNumbersPerNode = 10_000_000;

    /// <summary>
    /// Cluster mode, before the server's actors start: Akka's DistributedPubSub mediator, the nick
    /// registry's <c>ClusterSingletonManager</c> (at the same path on every node, as Akka requires),
    /// and the join: to the seeds, or to itself when there are none. Returns the base of this node's
    /// session numbers. One server per actor system in cluster mode.
    /// </summary>
    private static long StartClusterMode(ActorSystem system, ClusterSettings settings)
    {
        if (system is not ExtendedActorSystem { Provider: IClusterActorRefProvider })
        {
            throw new InvalidOperationException(
                "actorecho.cluster.port is set but the actor system is not a cluster node (akka.actor.provider = cluster); "
                + "create it from ClusterAkkaConfig.For(...)");
        }

        var cluster = Akka.Cluster.Cluster.Get(system);
        _ = DistributedPubSub.Get(system).Mediator;
        try
        {
            system.ActorOf(
                ClusterSingletonManager.Props(
                    Props.Create(() => new NickRegistry(settings)),
                    PoisonPill.Instance,
                    ClusterSingletonManagerSettings.Create(system)),
                ChatHub.RegistryManagerName);
        }
        catch (InvalidActorNameException e)
        {
            throw new InvalidOperationException("a cluster-mode server already runs in this actor system; cluster mode allows one per system", e);
        }

        var seeds = settings.ParsedSeeds()
            .Select(s => new Address(cluster.SelfAddress.Protocol, system.Name, s.Host, s.Port))
            .DefaultIfEmpty(cluster.SelfAddress)
            .ToArray();
        Akka.Event.Logging.GetLogger(system, typeof(EchoServer)).ClusterJoining(cluster.SelfAddress.ToString(), string.Join(", ", seeds.Select(s => s.ToString())));
        cluster.JoinSeedNodes(seeds);

        // The node's uid is random per incarnation: a 6-digit block from it keeps default nicks apart.
        var block = 100_000 + ((uint)cluster.SelfUniqueAddress.Uid % 900_000);
        return block * SessionNumbersPerNode;
    }

    /// <summary>Cluster mode: the nodes whose chat hubs this node's hub follows with a synced copy of their sessions.</summary>
    internal async Task<IReadOnlyList<Address>> GetSyncedPeersAsync() =>
        (await _runtime.Hub.Ask<ClusterChatProtocol.SyncedPeers>(ClusterChatProtocol.GetSyncedPeers.Instance, BindTimeout)).Nodes;
}
