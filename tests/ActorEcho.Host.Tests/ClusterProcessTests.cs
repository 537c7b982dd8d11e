using System.Diagnostics;
using System.Net;
using ActorEcho.Host.Tests.Support;

namespace ActorEcho.Host.Tests;

/// <summary>
/// Three host processes on loopback forming a cluster (--cluster-port, --seed), driven by real TCP
/// clients: a room across the nodes, a nick race, a node killed with SIGKILL (downed by the
/// split-brain resolver with the production settings), a node leaving on SIGTERM. Every wait is
/// bounded; the whole test takes well under a minute.
/// </summary>
public sealed class ClusterProcessTests : Akka.TestKit.Xunit2.TestKit
{
    // The bounds: survivors forget a SIGKILLed node within 45 s, a SIGTERMed one within 15 s.
    private static readonly TimeSpan DeathBound = TimeSpan.FromSeconds(45);
    private static readonly TimeSpan LeaveBound = TimeSpan.FromSeconds(15);

    // Only the session port, on a free port; the cluster port is free too (read back from the log).
    private static readonly string[] Node =
    [
        "--cluster-port", "0",
        .. new[] { "session-udp", "echo-tcp", "time-tcp", "time-udp", "daytime-tcp", "daytime-udp" }.Select(n => $"-Dactorecho.server.endpoints.{n}.enabled=off"),
        "-Dactorecho.server.endpoints.session-tcp.port=0",
    ];

    private readonly ITestOutputHelper _output;

    public ClusterProcessTests(ITestOutputHelper output)
        : base("akka.loglevel = WARNING", output: output)
    {
        _output = output;
    }

    [PosixFact]
    public async Task Three_processes_share_rooms_and_nicks_survive_a_SIGKILL_and_let_a_SIGTERMed_node_go()
    {
        using var budget = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var ct = budget.Token;
        using var n1 = HostProcess.Start(Node);
        HostProcess? n2 = null;
        HostProcess? n3 = null;
        try
        {
            var e1 = await n1.WaitReadyAsync(ct);
            var seed = await n1.WaitClusterAddressAsync(ct);
            n2 = HostProcess.Start([.. Node, "--seed", seed]);
            n3 = HostProcess.Start([.. Node, "--seed", seed]);
            var e2 = await n2.WaitReadyAsync(ct);
            var e3 = await n3.WaitReadyAsync(ct);

            await using var alice = await MemberAsync(e1, "alice", ct);
            await using var bob = await MemberAsync(e2, "bob", ct);
            await using var carol = await MemberAsync(e3, "carol", ct);

            // The cluster is formed and every hub follows every other once each node lists all three.
            foreach (var client in new[] { alice, bob, carol })
            {
                await AwaitAssertAsync(async () => Assert.Equal("WHO * 3: alice bob carol", await CommandAsync(client, "/who", ct)), TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(250));
                Assert.EndsWith(" nodes=3", await CommandAsync(client, "/stats", ct), StringComparison.Ordinal);
            }

            // A room across the three nodes (30 lines: within the default burst of the chat rate limit).
            // Another node's member count is as fresh as its copy: each joiner waits until its node lists the room.
            Assert.Equal("OK joined lobby (1 members)", await CommandAsync(alice, "/join lobby", ct));
            await AwaitAssertAsync(async () => Assert.Equal("ROOMS 1: lobby(1)", await CommandAsync(bob, "/rooms", ct)), TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(100));
            Assert.Equal("OK joined lobby (2 members)", await CommandAsync(bob, "/join lobby", ct));
            Assert.Equal("[lobby] * bob joined", await alice.ReadLineAsync(ct));
            await AwaitAssertAsync(async () => Assert.Equal("ROOMS 1: lobby(2)", await CommandAsync(carol, "/rooms", ct)), TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(100));
            Assert.Equal("OK joined lobby (3 members)", await CommandAsync(carol, "/join lobby", ct));
            Assert.Equal("[lobby] * carol joined", await alice.ReadLineAsync(ct));
            Assert.Equal("[lobby] * carol joined", await bob.ReadLineAsync(ct));
            await alice.SendAsync(string.Concat(Enumerable.Range(0, 30).Select(i => $"hello {i}\n")), ct);
            foreach (var reader in new[] { bob, carol })
            {
                for (var i = 0; i < 30; i++)
                {
                    Assert.Equal($"[lobby] alice: hello {i}", await reader.ReadLineAsync(ct));
                }
            }

            Assert.Equal("WHO lobby 3: alice bob carol", await CommandAsync(alice, "/who", ct));

            // A nick race between two nodes: exactly one wins.
            await using var racer2 = await TcpTestClient.ConnectAsync(e2, ct);
            await using var racer3 = await TcpTestClient.ConnectAsync(e3, ct);
            var answers = await Task.WhenAll(CommandAsync(racer2, "/nick racer", ct), CommandAsync(racer3, "/nick racer", ct));
            Assert.Single(answers, a => a == "OK nick racer");
            Assert.Single(answers, a => a == "ERR nick 'racer' is already in use; choose another NAME");

            // SIGKILL: the resolver downs n3, the survivors forget carol and free her nick, chat goes on.
            var clock = Stopwatch.StartNew();
            n3.Signal("KILL");
            await bob.SendAsync("/say still there?\n", ct);
            Assert.Equal("[lobby] bob: still there?", await alice.ReadLineAsync(ct));
            using (var death = CancellationTokenSource.CreateLinkedTokenSource(ct))
            {
                death.CancelAfter(DeathBound);
                Assert.Equal("[lobby] * carol left", await alice.ReadLineAsync(death.Token));
                var forgotten = clock.Elapsed;
                Assert.Equal("[lobby] * carol left", await bob.ReadLineAsync(death.Token));
                Assert.Equal("WHO lobby 2: alice bob", await CommandAsync(alice, "/who", ct));
                await AwaitAssertAsync(async () => Assert.EndsWith(" nodes=2", await CommandAsync(alice, "/stats", ct), StringComparison.Ordinal), DeathBound - clock.Elapsed, TimeSpan.FromMilliseconds(250));
                Assert.Equal("OK nick carol", await CommandAsync(racer2, "/nick carol", ct));
                _output.WriteLine($"SIGKILL: survivors stopped listing carol after {forgotten.TotalSeconds:0.0} s, nodes=2 after {clock.Elapsed.TotalSeconds:0.0} s");
            }

            // SIGTERM: n2 leaves during coordinated shutdown; bob is told, alice stops listing him, exit 0.
            clock.Restart();
            n2.Signal("TERM");
            using (var leave = CancellationTokenSource.CreateLinkedTokenSource(ct))
            {
                leave.CancelAfter(LeaveBound);
                Assert.Equal("NOTICE server shutting down", await bob.ReadLineAsync(leave.Token));
                Assert.Equal("[lobby] * bob left", await alice.ReadLineAsync(leave.Token));
                Assert.Equal("WHO lobby 1: alice", await CommandAsync(alice, "/who", ct));
                Assert.Equal(0, await n2.WaitForExitAsync(leave.Token));
                await AwaitAssertAsync(async () => Assert.EndsWith(" nodes=1", await CommandAsync(alice, "/stats", ct), StringComparison.Ordinal), LeaveBound - clock.Elapsed, TimeSpan.FromMilliseconds(250));
                _output.WriteLine($"SIGTERM: node gone and forgotten after {clock.Elapsed.TotalSeconds:0.0} s");
            }

            Assert.Equal("OK nick bob", await CommandAsync(alice, "/nick bob", ct));
        }
        finally
        {
            foreach (var (name, host) in new[] { ("n1", n1), ("n2", n2), ("n3", n3) })
            {
                if (host is null)
                {
                    continue;
                }

                _output.WriteLine($"---- {name}");
                foreach (var line in host.Stdout.Concat(host.Stderr).TakeLast(60))
                {
                    _output.WriteLine(line);
                }
            }

            n2?.Dispose();
            n3?.Dispose();
        }
    }

    private static async Task<TcpTestClient> MemberAsync(IPEndPoint server, string nick, CancellationToken ct)
    {
        var client = await TcpTestClient.ConnectAsync(server, ct);
        Assert.Equal($"OK nick {nick}", await CommandAsync(client, $"/nick {nick}", ct));
        return client;
    }

    private static async Task<string?> CommandAsync(TcpTestClient client, string line, CancellationToken ct)
    {
        await client.SendAsync(line + "\n", ct);
        return await client.ReadLineAsync(ct);
    }
}
