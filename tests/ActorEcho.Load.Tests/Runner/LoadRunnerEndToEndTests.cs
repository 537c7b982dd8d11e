using System.Net;
using System.Net.Sockets;
using ActorEcho.Load.Cli;
using ActorEcho.Load.Metrics;
using ActorEcho.Load.Runner;
using ActorEcho.Load.Tests.Fakes;

namespace ActorEcho.Load.Tests.Runner;

public class LoadRunnerEndToEndTests
{
    private static readonly TimeSpan TestBound = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task EchoWorkload_Should_VerifyEveryReplyWithManyInFlight()
    {
        await using var server = new FakeEchoServer();
        var summary = await Run(new LoadOptions
        {
            Workload = WorkloadKind.Echo, Port = server.Port, Connections = 8, Outstanding = 4, Payload = 100,
            Messages = 400, Duration = null,
        });

        AssertClean(summary);
        Assert.Equal(400, summary.Messages);
        Assert.Equal(400, summary.Latency.Count);
        Assert.Equal(400 * 100, summary.Bytes);
        Assert.Equal(8, summary.Connected);
    }

    [Fact]
    public async Task Rate_Should_CapTheRequestsPerSecond()
    {
        await using var server = new FakeEchoServer();
        var summary = await Run(new LoadOptions
        {
            Workload = WorkloadKind.Echo, Port = server.Port, Connections = 4, Rate = 100, Duration = TimeSpan.FromSeconds(1),
        });

        AssertClean(summary);

        // 100/s for 1 s; a paced client never bursts beyond its schedule, so slack is one request per client.
        Assert.InRange(summary.Messages, 1, 100 + 4);
    }

    [Fact]
    public async Task RampUp_Should_SpreadConnectionStarts()
    {
        await using var server = new FakeEchoServer();
        var summary = await Run(new LoadOptions
        {
            Workload = WorkloadKind.Echo, Port = server.Port, Connections = 5, RampUp = TimeSpan.FromMilliseconds(400),
            Messages = 50, Duration = null,
        });

        AssertClean(summary);
        Assert.Equal(50, summary.Messages);

        // The last client starts 4/5 of the ramp-up (320 ms) after the first. The run's clock starts
        // a little after the ramp-up delays do (CI saw 315 ms), so allow 20 ms for the two origins;
        // without a ramp-up, 5 clients × 10 messages to a loopback echo take a few milliseconds.
        Assert.True(summary.Elapsed >= TimeSpan.FromMilliseconds(300), $"run took {summary.Elapsed}");
    }

    [Fact]
    public async Task EchoWorkload_Should_WorkAgainstTheSessionProtocol()
    {
        await using var server = new FakeSessionServer();
        var summary = await Run(new LoadOptions
        {
            Workload = WorkloadKind.Echo, Port = server.Port, Connections = 4, Outstanding = 16, Payload = 4096,
            Messages = 200, Duration = null,
        });

        AssertClean(summary);
        Assert.Equal(200, summary.Messages);
    }

    [Fact]
    public async Task TimeWorkload_Should_VerifyIsoReplies()
    {
        await using var server = new FakeSessionServer();
        var summary = await Run(new LoadOptions
        {
            Workload = WorkloadKind.Time, Port = server.Port, Connections = 4, Outstanding = 2, Messages = 200, Duration = null,
        });

        AssertClean(summary);
        Assert.Equal(200, summary.Messages);
    }

    [Fact]
    public async Task UdpWorkload_Should_VerifyTimeAndEchoDatagrams()
    {
        await using var server = new FakeSessionServer();
        var summary = await Run(new LoadOptions
        {
            Workload = WorkloadKind.Udp, UdpPort = server.UdpPort, Connections = 2, Messages = 100, Duration = null,
        });

        AssertClean(summary);
        Assert.Equal(100, summary.Messages);
    }

    [Theory]
    [InlineData("time")]
    [InlineData("echo")]
    public async Task UdpWorkload_Should_SendOnlyTheChosenDatagrams(string modeName)
    {
        var mode = Enum.Parse<UdpMode>(modeName, ignoreCase: true);
        await using var server = new FakeSessionServer();
        var summary = await Run(new LoadOptions
        {
            Workload = WorkloadKind.Udp, UdpMode = mode, UdpPort = server.UdpPort, Connections = 1, Messages = 20, Duration = null,
        });

        AssertClean(summary);
        Assert.Equal(20, summary.Messages);
        Assert.Equal(mode == UdpMode.Time ? 20 * 24 : 20 * 32, summary.Bytes);
    }

    [Fact]
    public async Task ChatWorkload_Should_SeeEveryLineAtEveryOtherMemberOnce()
    {
        await using var server = new FakeSessionServer();
        var summary = await Run(new LoadOptions
        {
            Workload = WorkloadKind.Chat, Port = server.Port, Connections = 6, RoomSize = 3, ThinkTime = TimeSpan.FromMilliseconds(5),
            Messages = 60, Duration = null, Payload = 64,
        });

        AssertClean(summary);

        // Every line reaches the 2 other members of its room.
        Assert.Equal(60 * 2, summary.Messages);
    }

    [Fact]
    public async Task ChatWorkload_Should_SpreadMembersOverTargets_AndTimeEachLineToItsLastDelivery()
    {
        await using var server = new FakeSessionServer();
        var target = new IPEndPoint(IPAddress.Loopback, server.Port);
        var summary = await Run(new LoadOptions
        {
            Workload = WorkloadKind.Chat, Targets = [target, target, target], Connections = 6, RoomSize = 3,
            ThinkTime = TimeSpan.FromMilliseconds(5), Messages = 60, Duration = null, Payload = 64,
        });

        AssertClean(summary);
        Assert.Equal(60 * 2, summary.Messages);
        Assert.Equal($"{target},{target},{target}", summary.Target);

        // Every line reached both other members of its room: one last delivery each.
        Assert.Equal(60, summary.LastDelivery!.Count);
        Assert.True(summary.LastDelivery.ValueAtPercentile(99) >= summary.Latency.ValueAtPercentile(50));
    }

    [Fact]
    public async Task ChatWorkload_Should_FanOutOneSendersLinesToALargeRoom()
    {
        await using var server = new FakeSessionServer();
        const int members = 200;
        var summary = await Run(new LoadOptions
        {
            Workload = WorkloadKind.Chat, Port = server.Port, Connections = members, RoomSize = members, ChatSenders = 1,
            ThinkTime = TimeSpan.FromMilliseconds(5), Messages = 10, Duration = null,
        });

        AssertClean(summary);
        Assert.Equal(10 * (members - 1), summary.Messages);
    }

    [Fact]
    public async Task ChatWorkload_Should_CountDuplicates()
    {
        await using var server = new FakeSessionServer { DuplicateDeliveries = true };
        var summary = await Run(ChatOptions(server.Port));
        Assert.True(summary.ErrorCount(ErrorKind.Duplicate) > 0);
        Assert.Equal(1, summary.ExitCode);
    }

    [Fact]
    public async Task ChatWorkload_Should_CountDroppedLinesAsMissing()
    {
        await using var server = new FakeSessionServer { DropEveryNthDelivery = 5 };
        var summary = await Run(ChatOptions(server.Port));
        Assert.True(summary.ErrorCount(ErrorKind.Missing) > 0, Describe(summary));
        Assert.Equal(0, summary.ErrorCount(ErrorKind.Duplicate));
    }

    [Fact]
    public async Task ChatWorkload_Should_FlagLinesEchoedToTheirSender()
    {
        await using var server = new FakeSessionServer { EchoToSender = true };
        var summary = await Run(ChatOptions(server.Port));
        Assert.True(summary.ErrorCount(ErrorKind.Unexpected) > 0);
    }

    [Fact]
    public async Task MixWorkload_Should_RunEveryKindCleanly()
    {
        await using var server = new FakeSessionServer();
        var summary = await Run(new LoadOptions
        {
            Workload = WorkloadKind.Mix, Port = server.Port, UdpPort = server.UdpPort, Connections = 20,
            ThinkTime = TimeSpan.FromMilliseconds(5), Messages = 300, Duration = null,
        });

        AssertClean(summary);
        Assert.Equal(0, summary.ConnectFailures);

        // The default mix gives 2 of the 20 clients to UDP, and a UDP client counts as connected
        // only once answered: one that got no turn from the shared 300-message budget was never
        // asked, which is not a failure. Every TCP client must have connected.
        Assert.InRange(summary.Connected, 18, 20);

        // 300 requests, of which the chat lines (one room of 2) are each delivered once.
        Assert.Equal(300, summary.Messages);
    }

    [Fact]
    public async Task SilentServer_Should_TimeOutEveryClientAndEndTheRun()
    {
        await using var server = new FakeEchoServer(silent: true);
        var summary = await Run(new LoadOptions
        {
            Workload = WorkloadKind.Echo, Port = server.Port, Connections = 3, Duration = TimeSpan.FromSeconds(10),
            ReplyTimeout = TimeSpan.FromMilliseconds(300),
        });

        Assert.Equal(3, summary.ErrorCount(ErrorKind.Timeout));
        Assert.True(summary.Elapsed < TimeSpan.FromSeconds(5), $"run took {summary.Elapsed}");
    }

    [Fact]
    public async Task ClosedPort_Should_ReportConnectRefused()
    {
        var summary = await Run(new LoadOptions
        {
            Workload = WorkloadKind.Echo, Port = FreePort(), Connections = 3, Duration = TimeSpan.FromSeconds(5),
        });

        Assert.Equal(3, summary.ErrorCount(ErrorKind.ConnectRefused));
        Assert.Equal(3, summary.ConnectFailures);
        Assert.Equal(0, summary.Connected);
        Assert.Equal(1, summary.ExitCode);
    }

    [Fact]
    public async Task IdleWorkload_Should_HoldConnectionsForTheDuration()
    {
        await using var server = new FakeEchoServer();
        var summary = await Run(new LoadOptions
        {
            Workload = WorkloadKind.Idle, Port = server.Port, Connections = 20, Duration = TimeSpan.FromMilliseconds(300),
        });

        AssertClean(summary);
        Assert.Equal(20, summary.Connected);
        Assert.True(summary.Elapsed >= TimeSpan.FromMilliseconds(290));
    }

    [Fact]
    public async Task BurstWorkload_Should_ReportTimeUntilAllServed()
    {
        await using var server = new FakeEchoServer();
        var summary = await Run(new LoadOptions
        {
            Workload = WorkloadKind.Burst, Port = server.Port, Connections = 100,
        });

        AssertClean(summary);
        Assert.Equal(100, summary.Messages);
        Assert.NotNull(summary.AllConnectedAfter);
        Assert.True(summary.AllConnectedAfter < TimeSpan.FromSeconds(5));
    }

    internal static LoadOptions ChatOptions(int port) => new()
    {
        Workload = WorkloadKind.Chat, Port = port, Connections = 4, RoomSize = 4, ThinkTime = TimeSpan.FromMilliseconds(5),
        Messages = 40, Duration = null, ReplyTimeout = TimeSpan.FromMilliseconds(500),
    };

    internal static int FreePort()
    {
        using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)probe.LocalEndPoint!).Port;
    }

    private static async Task<RunSummary> Run(LoadOptions options) =>
        await new LoadRunner(options with { Live = false }).RunAsync(CancellationToken.None).WaitAsync(TestBound);

    private static string Describe(RunSummary summary) =>
        $"messages={summary.Messages} connected={summary.Connected} errors: " +
        string.Join(", ", summary.Errors.Select(e => $"{ErrorKinds.Name(e.Key)}={e.Value}"));

    private static void AssertClean(RunSummary summary)
    {
        Assert.True(summary.TotalErrors == 0, Describe(summary));
        Assert.Equal(0, summary.ExitCode);
    }
}
