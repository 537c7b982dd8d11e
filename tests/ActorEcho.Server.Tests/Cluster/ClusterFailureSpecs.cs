using System.Diagnostics;
using Xunit.Abstractions;

namespace ActorEcho.Server.Tests.Cluster;

/// <summary>
/// Nodes that die or leave, in an in-process cluster of three: the split-brain resolver downs a node
/// that stops answering, the survivors stop listing its users and free its nicks, chat among them goes
/// on, and a nick registry that lived on the dead node is rebuilt from the sessions that are left.
/// </summary>
public sealed class ClusterFailureSpecs : ClusterTestKit
{
    // The bounds: 45 s from a SIGKILL, 15 s from a SIGTERM.
    private static readonly TimeSpan DeathBound = TimeSpan.FromSeconds(45);
    private static readonly TimeSpan LeaveBound = TimeSpan.FromSeconds(15);
    private readonly ITestOutputHelper _output;

    public ClusterFailureSpecs(ITestOutputHelper output)
        : base(output)
    {
        _output = output;
    }

    [Fact]
    public async Task A_killed_node_is_downed_its_users_leave_its_nicks_are_free_and_the_survivors_chat_on()
    {
        var nodes = await StartClusterAsync(3);
        var alice = await LineClient.MemberAsync(nodes[0].SessionEndPoint, "alice", "lobby");
        var bob = await LineClient.MemberAsync(nodes[1].SessionEndPoint, "bob", "lobby");
        var carol = await LineClient.MemberAsync(nodes[2].SessionEndPoint, "carol", "lobby");
        // Bob's and carol's joins reach alice from two different nodes, in either order.
        await alice.ReadUntilAllAsync("[lobby] * bob joined", "[lobby] * carol joined");
        await bob.ReadUntilAsync(l => l == "[lobby] * carol joined");

        var clock = Stopwatch.StartNew();
        await nodes[2].KillAsync();

        // Chat among the survivors goes on while the dead node is only unreachable, and after.
        await alice.SendAsync(string.Concat(Enumerable.Range(0, 50).Select(i => $"line {i}\n")));
        for (var i = 0; i < 50; i++)
        {
            Assert.Equal($"[lobby] alice: line {i}", await bob.ReadLineAsync());
        }

        Assert.Equal("[lobby] * carol left", await alice.ReadLineAsync(DeathBound));
        _output.WriteLine($"survivors told 'carol left' {clock.Elapsed.TotalSeconds:0.0} s after the kill");
        Assert.Equal("[lobby] * carol left", await bob.ReadLineAsync(DeathBound));
        Assert.Equal("WHO lobby 2: alice bob", await alice.CommandAsync("/who"));
        await AwaitAssertAsync(async () => Assert.EndsWith(" nodes=2", await bob.CommandAsync("/stats"), StringComparison.Ordinal), DeathBound - clock.Elapsed);
        Assert.Equal("OK nick carol", await bob.CommandAsync("/nick carol"));
        Assert.Equal("[lobby] * bob is now known as carol", await alice.ReadLineAsync());
        Assert.True(clock.Elapsed < DeathBound, $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task When_the_node_holding_the_nick_registry_dies_the_registry_is_rebuilt_from_the_surviving_sessions()
    {
        var nodes = await StartClusterAsync(3);

        // The registry is a singleton on the oldest node, the first.
        var alice = await LineClient.MemberAsync(nodes[0].SessionEndPoint, "alice");
        var bob = await LineClient.MemberAsync(nodes[1].SessionEndPoint, "bob");
        var carol = await LineClient.MemberAsync(nodes[2].SessionEndPoint, "carol");

        var clock = Stopwatch.StartNew();
        await nodes[0].KillAsync();
        await AwaitReadyAsync(nodes.Skip(1).ToArray());
        _output.WriteLine($"survivors ready again {clock.Elapsed.TotalSeconds:0.0} s after the kill");

        // Once the registry answers again: bob's nick is still his (reported by his node), alice's is free.
        var newcomer = await LineClient.ConnectAsync(nodes[2].SessionEndPoint, "newcomer");
        await AwaitAssertAsync(
            async () => Assert.Equal("ERR nick 'bob' is already in use; choose another NAME", await newcomer.CommandAsync("/nick bob")),
            DeathBound,
            TimeSpan.FromMilliseconds(200));
        _output.WriteLine($"registry answering {clock.Elapsed.TotalSeconds:0.0} s after the kill");
        Assert.Equal("ERR nick 'carol' is already in use; choose another NAME", await newcomer.CommandAsync("/nick carol"));
        Assert.Equal("OK nick alice", await newcomer.CommandAsync("/nick alice"));
        await AwaitAssertAsync(async () => Assert.Equal("WHO * 3: alice bob carol", await bob.CommandAsync("/who")), TimeSpan.FromSeconds(10));
        await bob.SendAsync("/msg carol still here\n");
        Assert.Equal("[PM] bob: still here", await carol.ReadLineAsync());
        await alice.DisposeAsync();
    }

    [Fact]
    public async Task A_node_that_leaves_tells_its_clients_and_the_others_stop_listing_its_users()
    {
        var nodes = await StartClusterAsync(3);
        var alice = await LineClient.MemberAsync(nodes[0].SessionEndPoint, "alice", "lobby");
        var carol = await LineClient.MemberAsync(nodes[2].SessionEndPoint, "carol", "lobby");
        await alice.ReadUntilAsync(l => l == "[lobby] * carol joined");

        var clock = Stopwatch.StartNew();
        var leaving = nodes[2].LeaveAsync();
        Assert.Equal("NOTICE server shutting down", await carol.ReadLineAsync(LeaveBound));
        Assert.Equal("[lobby] * carol left", await alice.ReadLineAsync(LeaveBound));
        Assert.Equal("WHO lobby 1: alice", await alice.CommandAsync("/who"));
        await leaving.WaitAsync(LeaveBound);
        await AwaitAssertAsync(async () => Assert.EndsWith(" nodes=2", await alice.CommandAsync("/stats"), StringComparison.Ordinal), LeaveBound - clock.Elapsed);
        Assert.Equal("OK nick carol", await alice.CommandAsync("/nick carol"));
        _output.WriteLine($"left and forgotten {clock.Elapsed.TotalSeconds:0.0} s after the leave began");
        Assert.True(clock.Elapsed < LeaveBound, $"took {clock.Elapsed}");
    }
}
