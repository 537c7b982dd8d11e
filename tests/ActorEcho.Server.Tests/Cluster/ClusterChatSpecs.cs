using Xunit.Abstractions;

namespace ActorEcho.Server.Tests.Cluster;

/// <summary>Chat across an in-process cluster of three nodes: rooms, notices, /who, /rooms, /stats nodes=, /msg, nick races.</summary>
public sealed class ClusterChatSpecs : ClusterTestKit
{
    public ClusterChatSpecs(ITestOutputHelper output)
        : base(output)
    {
    }

    [Fact]
    public async Task A_room_line_reaches_every_member_on_every_node_once_in_order_and_never_its_sender()
    {
        var nodes = await StartClusterAsync(3);
        var alice = await LineClient.MemberAsync(nodes[0].SessionEndPoint, "alice", "lobby");
        var bob = await LineClient.MemberAsync(nodes[1].SessionEndPoint, "bob", "lobby");
        Assert.Equal("[lobby] * bob joined", await alice.ReadLineAsync());
        var carol = await LineClient.MemberAsync(nodes[2].SessionEndPoint, "carol", "lobby");
        Assert.Equal("[lobby] * carol joined", await alice.ReadLineAsync());
        Assert.Equal("[lobby] * carol joined", await bob.ReadLineAsync());

        const int lines = 200;
        await Task.WhenAll(
            alice.SendAsync(string.Concat(Enumerable.Range(0, lines).Select(i => $"a{i}\n"))),
            bob.SendAsync(string.Concat(Enumerable.Range(0, lines).Select(i => $"b{i}\n"))));

        foreach (var (reader, senders) in new[] { (alice, new[] { "bob" }), (bob, new[] { "alice" }), (carol, new[] { "alice", "bob" }) })
        {
            var next = senders.ToDictionary(s => s, _ => 0);
            for (var i = 0; i < lines * senders.Length; i++)
            {
                var line = await reader.ReadLineAsync();
                var sender = senders.Single(s => line.StartsWith($"[lobby] {s}: ", StringComparison.Ordinal));
                Assert.Equal($"[lobby] {sender}: {sender[0]}{next[sender]}", line);
                next[sender]++;
            }
        }

        // Nothing twice, nothing echoed: the next line each one gets is the answer to its own command.
        foreach (var client in new[] { alice, bob, carol })
        {
            Assert.Equal("WHO lobby 3: alice bob carol", await client.CommandAsync("/who"));
        }
    }

    [Fact]
    public async Task Who_rooms_join_counts_and_stats_are_cluster_wide()
    {
        var nodes = await StartClusterAsync(3);
        var alice = await LineClient.MemberAsync(nodes[0].SessionEndPoint, "alice", "lobby");
        var bob = await LineClient.MemberAsync(nodes[1].SessionEndPoint, "bob");

        // Node 2's count is as fresh as its copy of node 1's sessions: wait until it has alice's join.
        await AwaitAssertAsync(async () => Assert.Equal("ROOMS 1: lobby(1)", await bob.CommandAsync("/rooms")), TimeSpan.FromSeconds(10));
        Assert.Equal("OK joined lobby (2 members)", await bob.CommandAsync("/join lobby"));
        Assert.Equal("[lobby] * bob joined", await alice.ReadLineAsync());
        var carol = await LineClient.MemberAsync(nodes[2].SessionEndPoint, "carol", "dev");

        await AwaitAssertAsync(async () => Assert.Equal("ROOMS 2: dev(1) lobby(2)", await carol.CommandAsync("/rooms")), TimeSpan.FromSeconds(10));
        Assert.Equal("WHO lobby 2: alice bob", await alice.CommandAsync("/who"));
        Assert.Equal("WHO dev 1: carol", await carol.CommandAsync("/who"));

        // /who ROOM names any room, its members on every node, without joining it. Carol's node
        // already lists both rooms (above); alice's learns of carol's room when node 2's event reaches it.
        Assert.Equal("WHO lobby 2: alice bob", await carol.CommandAsync("/who LOBBY"));
        await AwaitAssertAsync(async () => Assert.Equal("WHO dev 1: carol", await alice.CommandAsync("/who dev")), TimeSpan.FromSeconds(10));
        Assert.Equal("OK left dev", await carol.CommandAsync("/leave"));
        await AwaitAssertAsync(async () => Assert.Equal("WHO * 3: alice bob carol", await carol.CommandAsync("/who")), TimeSpan.FromSeconds(10));
        await AwaitAssertAsync(
            async () =>
            {
                var stats = await alice.CommandAsync("/stats");
                Assert.True(System.Text.RegularExpressions.Regex.IsMatch(stats, "^STATS connections=1 sessions=1 .* rooms=1 nodes=3$"), stats);
            },
            TimeSpan.FromSeconds(10));

        Assert.Equal("OK nick bobby", await bob.CommandAsync("/nick bobby"));
        Assert.Equal("[lobby] * bob is now known as bobby", await alice.ReadLineAsync());
        Assert.Equal("OK left lobby", await bob.CommandAsync("/leave"));
        Assert.Equal("[lobby] * bobby left", await alice.ReadLineAsync());
    }

    [Fact]
    public async Task A_node_that_joins_late_learns_the_sessions_and_rooms_already_there()
    {
        var nodes = await StartClusterAsync(2);
        var alice = await LineClient.MemberAsync(nodes[0].SessionEndPoint, "alice", "lobby");
        var bob = await LineClient.MemberAsync(nodes[1].SessionEndPoint, "bob", "dev");

        // Node 3's hub has seen none of these events: it learns them from the other hubs' snapshots.
        var third = await AddNodeAsync();
        var carol = await LineClient.MemberAsync(third.SessionEndPoint, "carol");
        Assert.Equal("WHO * 3: alice bob carol", await carol.CommandAsync("/who"));
        Assert.Equal("ROOMS 2: dev(1) lobby(1)", await carol.CommandAsync("/rooms"));
        Assert.Equal("OK joined lobby (2 members)", await carol.CommandAsync("/join lobby"));
        Assert.Equal("[lobby] * carol joined", await alice.ReadLineAsync());
        await alice.SendAsync("welcome\n");
        Assert.Equal("[lobby] alice: welcome", await carol.ReadLineAsync());
        Assert.Equal("ERR nick 'bob' is already in use; choose another NAME", await carol.CommandAsync("/nick bob"));
        Assert.Equal("WHO dev 1: bob", await bob.CommandAsync("/who"));
    }

    [Fact]
    public async Task Msg_reaches_a_nick_on_whatever_node_it_is_on()
    {
        var nodes = await StartClusterAsync(2);
        var alice = await LineClient.MemberAsync(nodes[0].SessionEndPoint, "alice");
        var bob = await LineClient.MemberAsync(nodes[1].SessionEndPoint, "bob");

        // Straight after the claim: found through the registry if this node's copy has not caught up yet.
        await alice.SendAsync("/msg bob hi from node 1\n");
        Assert.Equal("[PM] alice: hi from node 1", await bob.ReadLineAsync());
        await bob.SendAsync("/msg ALICE hi back\n");
        Assert.Equal("[PM] bob: hi back", await alice.ReadLineAsync());
        Assert.Equal("ERR no such nick 'carol'", await alice.CommandAsync("/msg carol anyone?"));
    }

    [Fact]
    public async Task Two_sessions_on_two_nodes_racing_for_one_nick_exactly_one_gets_it()
    {
        var nodes = await StartClusterAsync(2);
        var one = await LineClient.ConnectAsync(nodes[0].SessionEndPoint, "one");
        var two = await LineClient.ConnectAsync(nodes[1].SessionEndPoint, "two");

        for (var round = 0; round < 10; round++)
        {
            var nick = $"racer{round}";
            var answers = await Task.WhenAll(one.CommandAsync($"/nick {nick}"), two.CommandAsync($"/nick {nick}"));
            Assert.Single(answers, a => a == $"OK nick {nick}");
            Assert.Single(answers, a => a == $"ERR nick '{nick}' is already in use; choose another NAME");
        }

        // A nick given up is free again, cluster-wide.
        Assert.StartsWith("OK nick ", await one.CommandAsync("/nick left-behind"), StringComparison.Ordinal);
        Assert.StartsWith("OK nick ", await two.CommandAsync("/nick other"), StringComparison.Ordinal);
        Assert.Equal("OK nick racer9", await one.CommandAsync("/nick racer9"));
    }
}
