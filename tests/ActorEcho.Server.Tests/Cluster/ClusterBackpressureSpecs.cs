using System.Text;
using Xunit.Abstractions;

namespace ActorEcho.Server.Tests.Cluster;

/// <summary>
/// Back-pressure across nodes: a reader on one node that falls behind holds a sender on another
/// (its hub publishes the congestion, the sender's hub holds the sender's input), and once the
/// reader catches up every line has arrived, in order; nothing was dropped.
/// </summary>
public sealed class ClusterBackpressureSpecs : ClusterTestKit
{
    private const int Lines = 3_000;

    public ClusterBackpressureSpecs(ITestOutputHelper output)
        : base(output)
    {
    }

    [Fact]
    public async Task A_slow_reader_on_one_node_holds_a_sender_on_another_and_loses_nothing()
    {
        var nodes = await StartClusterAsync(2, s => s with
        {
            Session = s.Session with { MaxQueuedMessages = 50, SlowReaderTimeout = TimeSpan.FromSeconds(60) },
            SocketSendBufferSize = 8 * 1024,
        });
        var alice = await LineClient.MemberAsync(nodes[0].SessionEndPoint, "alice", "bp");
        var slow = await LineClient.MemberAsync(nodes[1].SessionEndPoint, "slow", receiveBufferSize: 4096);
        await AwaitAssertAsync(async () => Assert.Equal("ROOMS 1: bp(1)", await slow.CommandAsync("/rooms")), TimeSpan.FromSeconds(10));
        Assert.Equal("OK joined bp (2 members)", await slow.CommandAsync("/join bp"));
        Assert.Equal("[bp] * slow joined", await alice.ReadLineAsync());

        // About 3 MB at once: far more than the sockets and the reader's queue take while it does not read.
        var filler = new string('x', 1_000);
        var burst = new StringBuilder();
        for (var i = 0; i < Lines; i++)
        {
            burst.Append(i).Append(' ').Append(filler).Append('\n');
        }

        var sending = Task.Run(() => alice.SendAsync(burst.ToString()));
        await AwaitAssertAsync(async () => Assert.Equal(1, (await nodes[0].Server.GetStatsAsync()).HeldSessions), TimeSpan.FromSeconds(20));

        for (var i = 0; i < Lines; i++)
        {
            Assert.Equal($"[bp] alice: {i} {filler}", await slow.ReadLineAsync());
        }

        await sending;
        await AwaitAssertAsync(async () => Assert.Equal(0, (await nodes[0].Server.GetStatsAsync()).HeldSessions), TimeSpan.FromSeconds(10));
        Assert.Equal(0, (await nodes[1].Server.GetStatsAsync()).Drops);
    }
}
