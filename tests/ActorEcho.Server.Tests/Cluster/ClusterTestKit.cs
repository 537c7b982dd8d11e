using Xunit.Abstractions;

namespace ActorEcho.Server.Tests.Cluster;

/// <summary>
/// A TestKit whose test starts several <see cref="ClusterNode"/>s, each joined to the first, and waits
/// (AwaitAssert) until every node is Up everywhere and every node's chat hub follows every other's
/// (which needs the DistributedPubSub subscriptions to have spread both ways). The TestKit's own
/// system only drives the test. Every node is terminated when the test ends.
/// </summary>
public abstract class ClusterTestKit : Akka.TestKit.Xunit2.TestKit
{
    private readonly List<ClusterNode> _nodes = [];
    private static int s_clusters;
    private string _clusterName = "";

    protected ClusterTestKit(ITestOutputHelper output)
        : base("akka.loglevel = WARNING", output: output)
    {
    }

    internal IReadOnlyList<ClusterNode> Nodes => _nodes;

    /// <summary>Starts <paramref name="count"/> nodes, the first seeding itself and the rest joining it, and waits until the cluster is ready.</summary>
    internal async Task<IReadOnlyList<ClusterNode>> StartClusterAsync(int count, Func<ServerSettings, ServerSettings>? adjust = null)
    {
        var name = _clusterName = $"cluster{Interlocked.Increment(ref s_clusters)}";
        var first = await ClusterNode.StartAsync(name, "n1", seed: null, adjust);
        _nodes.Add(first);
        for (var i = 2; i <= count; i++)
        {
            _nodes.Add(await ClusterNode.StartAsync(name, $"n{i}", first.Address, adjust));
        }

        await AwaitReadyAsync(_nodes);
        return _nodes.ToArray();
    }

    /// <summary>Starts one more node joining the first, and waits until every node is ready again.</summary>
    internal async Task<ClusterNode> AddNodeAsync()
    {
        var node = await ClusterNode.StartAsync(_clusterName, $"n{_nodes.Count + 1}", _nodes[0].Address);
        _nodes.Add(node);
        await AwaitReadyAsync(_nodes);
        return node;
    }

    /// <summary>Every node in <paramref name="nodes"/> sees all of them Up and follows every other's hub.</summary>
    internal async Task AwaitReadyAsync(IReadOnlyList<ClusterNode> nodes)
    {
        await AwaitAssertAsync(
            async () =>
            {
                foreach (var node in nodes)
                {
                    var up = node.Cluster.State.Members.Where(m => m.Status == Akka.Cluster.MemberStatus.Up).Select(m => m.Address).ToHashSet();
                    Assert.True(nodes.All(n => up.Contains(n.Address)), $"{node.Name} sees {up.Count} members up");
                    var followed = await node.Server.GetSyncedPeersAsync();
                    var others = nodes.Where(n => n != node).Select(n => n.Address).ToHashSet();
                    Assert.True(others.SetEquals(followed), $"{node.Name} follows {followed.Count} hubs of {others.Count}");
                }
            },
            TimeSpan.FromSeconds(30),
            TimeSpan.FromMilliseconds(200));
    }

    protected override void AfterAll()
    {
        // Bounded: a node that does not terminate in time is left to the process's end.
        Task.WhenAll(_nodes.Select(n => n.DisposeAsync().AsTask())).Wait(TimeSpan.FromSeconds(15));
        base.AfterAll();
    }
}
