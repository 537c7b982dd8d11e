using System.Diagnostics;

namespace ActorEcho.Host.Demos;

/// <summary>
/// Demo 7: three in-process cluster nodes (their own actor systems, remoting on loopback) share a
/// room; one node is killed without leaving; Akka's split-brain resolver downs it, and the
/// survivors stop listing its user, free her nick and chat on.
/// </summary>
internal sealed class ClusterDemo : ISupervisionDemo
{
    // A killed node is noticed by Akka's failure detector in a few seconds and downed after the
    // resolver's stable-after (7 s); removal follows. The issue's bound is 45 s.
    private static readonly TimeSpan DeathBound = TimeSpan.FromSeconds(45);

    // The demo ends nodes by terminating their actor systems: no coordinated shutdown may run then,
    // not even the one Akka starts when the cluster daemon stops, or the kill would be a leave.
    private static readonly string[] NodeOverrides =
    [
        "actorecho.cluster.port=0",
        "akka.coordinated-shutdown.run-by-actor-system-terminate=off",
        "akka.cluster.run-coordinated-shutdown-when-down=off",
    ];

    public string Name => "cluster";

    public string Title => "three nodes share a room; one is killed and the survivors carry on";

    public async Task<DemoResult> RunAsync(DemoContext context)
    {
        context.Step("starting three cluster nodes on 127.0.0.1: node 1 seeds itself, nodes 2 and 3 join it");
        await using var node1 = await DemoServer.StartAsync(Name, context, NodeOverrides).ConfigureAwait(false);
        var seed = Akka.Cluster.Cluster.Get(node1.System).SelfAddress;
        var join = $"actorecho.cluster.seeds=[\"{seed.Host}:{seed.Port}\"]";
        await using var node2 = await DemoServer.StartAsync(Name, context, [.. NodeOverrides, join]).ConfigureAwait(false);
        await using var node3 = await DemoServer.StartAsync(Name, context, [.. NodeOverrides, join]).ConfigureAwait(false);
        var nodes = new[] { node1, node2, node3 };
        for (var i = 0; i < nodes.Length; i++)
        {
            context.Observe($"node {i + 1}: {Akka.Cluster.Cluster.Get(nodes[i].System).SelfAddress}, sessions on {nodes[i].SessionEndPoint}");
        }

        await using var alice = await Member(node1, "alice", context).ConfigureAwait(false);
        await using var bob = await Member(node2, "bob", context).ConfigureAwait(false);
        await using var carol = await Member(node3, "carol", context).ConfigureAwait(false);

        context.Step("waiting until every node lists all three users (the cluster has formed and the hubs follow each other)");
        var clock = Stopwatch.StartNew();
        foreach (var client in new[] { alice, bob, carol })
        {
            await UntilAsync(client, "/who", "WHO * 3: alice bob carol", TimeSpan.FromSeconds(30), context).ConfigureAwait(false);
        }

        context.Observe($"formed in {clock.Elapsed.TotalSeconds:0.0}s; alice's /stats: '{await CommandAsync(alice, "/stats").ConfigureAwait(false)}'");

        context.Step("alice, bob and carol join the lobby, each on its own node (each waits until its node has heard of the room)");
        await ExpectAsync(alice, "/join lobby", "OK joined lobby (1 members)", context).ConfigureAwait(false);
        await UntilAsync(bob, "/rooms", "ROOMS 1: lobby(1)", context.StepTimeout, context).ConfigureAwait(false);
        await ExpectAsync(bob, "/join lobby", "OK joined lobby (2 members)", context).ConfigureAwait(false);
        await SessionRestartDemo.ExpectLineAsync(alice, "[lobby] * bob joined", context).ConfigureAwait(false);
        await UntilAsync(carol, "/rooms", "ROOMS 1: lobby(2)", context.StepTimeout, context).ConfigureAwait(false);
        await ExpectAsync(carol, "/join lobby", "OK joined lobby (3 members)", context).ConfigureAwait(false);
        await SessionRestartDemo.ExpectLineAsync(alice, "[lobby] * carol joined", context).ConfigureAwait(false);
        await SessionRestartDemo.ExpectLineAsync(bob, "[lobby] * carol joined", context).ConfigureAwait(false);

        context.Step("alice says hello: the line crosses to nodes 2 and 3, and is not echoed to her");
        await alice.SendAsync("hello from node 1\n").ConfigureAwait(false);
        await SessionRestartDemo.ExpectLineAsync(bob, "[lobby] alice: hello from node 1", context).ConfigureAwait(false);
        await SessionRestartDemo.ExpectLineAsync(carol, "[lobby] alice: hello from node 1", context).ConfigureAwait(false);
        await ExpectAsync(alice, "/who", "WHO lobby 3: alice bob carol", context).ConfigureAwait(false);

        context.Step("node 3 is killed: its actor system stops at once, without leaving the cluster");
        clock.Restart();
        await node3.KillAsync().ConfigureAwait(false);
        context.Observe("node 3 is gone; to the others it is only unreachable for now");

        context.Step("alice and bob chat on while the cluster decides about node 3");
        await bob.SendAsync("are you still there, alice?\n").ConfigureAwait(false);
        await SessionRestartDemo.ExpectLineAsync(alice, "[lobby] bob: are you still there, alice?", context).ConfigureAwait(false);
        await alice.SendAsync("yes, still here\n").ConfigureAwait(false);
        await SessionRestartDemo.ExpectLineAsync(bob, "[lobby] alice: yes, still here", context).ConfigureAwait(false);

        context.Step("Akka's split-brain resolver (keep-majority) downs node 3; its user leaves the survivors' rooms");
        var left = await alice.ReadLineAsync("carol's departure", DeathBound).ConfigureAwait(false);
        context.Observe($"alice got '{left}' {clock.Elapsed.TotalSeconds:0.0}s after the kill");
        DemoContext.Check(left == "[lobby] * carol left", $"alice expected '[lobby] * carol left' but got '{left}'");
        await SessionRestartDemo.ExpectLineAsync(bob, "[lobby] * carol left", context).ConfigureAwait(false);
        await ExpectAsync(alice, "/who", "WHO lobby 2: alice bob", context).ConfigureAwait(false);
        var stats = await UntilAsync(alice, "/stats", null, DeathBound - clock.Elapsed, context, s => s.EndsWith(" nodes=2", StringComparison.Ordinal)).ConfigureAwait(false);
        context.Observe($"alice's /stats: '{stats}'");

        context.Step("carol's nick is free again, cluster-wide: bob takes it");
        await ExpectAsync(bob, "/nick carol", "OK nick carol", context).ConfigureAwait(false);
        await SessionRestartDemo.ExpectLineAsync(alice, "[lobby] * bob is now known as carol", context).ConfigureAwait(false);
        context.Observe($"everything above within {clock.Elapsed.TotalSeconds:0.0}s of the kill (bound: {DeathBound.TotalSeconds:0}s)");
        DemoContext.Check(clock.Elapsed < DeathBound, $"the survivors took {clock.Elapsed.TotalSeconds:0.0}s, more than {DeathBound.TotalSeconds:0}s");
        return DemoResult.Pass;
    }

    private static async Task<DemoClient> Member(DemoServer node, string nick, DemoContext context)
    {
        var client = await node.ConnectAsync(nick, context).ConfigureAwait(false);
        await client.SendAsync($"/nick {nick}\n").ConfigureAwait(false);
        var answer = await client.ReadLineAsync("the /nick answer").ConfigureAwait(false);
        DemoContext.Check(answer == $"OK nick {nick}", $"{nick} expected 'OK nick {nick}' but got '{answer}'");
        return client;
    }

    private static async Task<string> CommandAsync(DemoClient client, string command)
    {
        await client.SendAsync(command + "\n").ConfigureAwait(false);
        return await client.ReadLineAsync($"the answer to {command}").ConfigureAwait(false);
    }

    private static async Task ExpectAsync(DemoClient client, string command, string expected, DemoContext context)
    {
        var answer = await CommandAsync(client, command).ConfigureAwait(false);
        context.Observe($"{client.Name}: {command} -> '{answer}'");
        DemoContext.Check(answer == expected, $"{client.Name} expected '{expected}' after {command} but got '{answer}'");
    }

    /// <summary>Asks <paramref name="command"/> every quarter second until the answer is right, for at most <paramref name="within"/>.</summary>
    private static async Task<string> UntilAsync(DemoClient client, string command, string? expected, TimeSpan within, DemoContext context, Func<string, bool>? match = null)
    {
        match ??= a => a == expected;
        var deadline = Stopwatch.StartNew();
        var answer = "";
        for (var attempt = 0; attempt < 400 && deadline.Elapsed < within; attempt++)
        {
            answer = await CommandAsync(client, command).ConfigureAwait(false);
            if (match(answer))
            {
                return answer;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250), context.CancellationToken).ConfigureAwait(false);
        }

        throw new DemoCheckException($"{client.Name}: {command} still answered '{answer}' after {within.TotalSeconds:0}s");
    }
}
