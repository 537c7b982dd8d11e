using System.Net;
using ActorEcho.Load.Cli;

namespace ActorEcho.Load.Tests.Cli;

public class LoadCommandTests
{
    [Fact]
    public void NoArguments_Should_GiveTheDocumentedDefaults()
    {
        var o = Parse();
        Assert.Equal(IPAddress.Loopback, o.Host);
        Assert.Equal(8888, o.Port);
        Assert.Equal(8888, o.UdpPort);
        Assert.Equal(WorkloadKind.Mix, o.Workload);
        Assert.Equal(MixWeights.Default, o.Mix);
        Assert.Equal(100, o.Connections);
        Assert.Equal(1, o.Outstanding);
        Assert.Equal(32, o.Payload);
        Assert.Equal(TimeSpan.FromSeconds(10), o.Duration);
        Assert.Null(o.Messages);
        Assert.Null(o.ThinkTime);
        Assert.Null(o.Rate);
    }

    [Fact]
    public void Values_Should_ParseUnitsAndNames()
    {
        var o = Parse("--workload", "ECHO", "--port", "8007", "-c", "1000", "-o", "16", "--payload", "4KiB",
            "--duration", "1.5s", "--ramp-up", "250ms", "--reply-timeout", "2m", "--json", "out.json", "--no-live");
        Assert.Equal(WorkloadKind.Echo, o.Workload);
        Assert.Equal(8007, o.Port);
        Assert.Equal(1000, o.Connections);
        Assert.Equal(16, o.Outstanding);
        Assert.Equal(4096, o.Payload);
        Assert.Equal(TimeSpan.FromSeconds(1.5), o.Duration);
        Assert.Equal(TimeSpan.FromMilliseconds(250), o.RampUp);
        Assert.Equal(TimeSpan.FromMinutes(2), o.ReplyTimeout);
        Assert.Equal("out.json", o.JsonPath);
        Assert.False(o.Live);
    }

    [Theory]
    [InlineData("example.com")]
    [InlineData("db.internal")]
    [InlineData("10")]
    [InlineData("0.0.0.0")]
    [InlineData("::")]
    [InlineData("255.255.255.255")]
    [InlineData("224.0.0.1")]
    [InlineData("10.0.0.0/24")]
    public void Host_Should_RejectNamesWildcardsAndRanges(string host) =>
        Assert.Contains(Errors("--host", host), e => e.Contains("--host", StringComparison.Ordinal));

    [Theory]
    [InlineData("127.0.0.1", "127.0.0.1")]
    [InlineData("localhost", "127.0.0.1")]
    [InlineData("::1", "::1")]
    [InlineData("[::1]", "::1")]
    [InlineData("192.168.1.20", "192.168.1.20")]
    public void Host_Should_AcceptLoopbackAndTypedAddresses(string host, string expected) =>
        Assert.Equal(IPAddress.Parse(expected), Parse("--host", host).Host);

    [Fact]
    public void Targets_Should_ListSessionPorts_ForTheTcpClientsRoundRobin()
    {
        var o = Parse("--targets", "127.0.0.1:9001, 127.0.0.1:9002,[::1]:9003", "--workload", "chat");
        Assert.Equal(
            [new IPEndPoint(IPAddress.Loopback, 9001), new IPEndPoint(IPAddress.Loopback, 9002), new IPEndPoint(IPAddress.IPv6Loopback, 9003)],
            o.TcpTargets);
        var context = new ActorEcho.Load.Runner.RunContext(o, CancellationToken.None, CancellationToken.None);
        Assert.Equal([9001, 9002, 9003, 9001], Enumerable.Range(0, 4).Select(i => context.TcpEndPointFor(i).Port));
        Assert.Equal([new IPEndPoint(IPAddress.Loopback, 8888)], Parse().TcpTargets);
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("127.0.0.1:0")]
    [InlineData("example.com:8888")]
    [InlineData(",")]
    public void Targets_Should_RejectWhatIsNotALoopbackOrTypedHostAndPort(string targets) =>
        Assert.Contains(Errors("--targets", targets), e => e.Contains("--targets", StringComparison.Ordinal));

    [Fact]
    public void TargetsAndPort_Should_Conflict() =>
        Assert.Contains(Errors("--targets", "127.0.0.1:9001", "--port", "9002"), e => e.Contains("--port and --targets", StringComparison.Ordinal));

    [Fact]
    public void ThinkTimeAndRate_Should_Conflict() =>
        Assert.Contains(Errors("--think-time", "10ms", "--rate", "100"), e => e.Contains("only one", StringComparison.Ordinal));

    [Fact]
    public void Mix_Should_OnlyApplyToTheMixWorkload() =>
        Assert.Contains(Errors("--workload", "echo", "--mix", "echo=1"), e => e.Contains("--mix only applies", StringComparison.Ordinal));

    [Fact]
    public void Mix_Should_ParseWeights()
    {
        Assert.Equal(new MixWeights(1, 0, 0, 3), Parse("--mix", "echo=1,udp=3").Mix);
        Assert.NotEmpty(Errors("--mix", "echo=1,ftp=2"));
        Assert.NotEmpty(Errors("--mix", "echo=0"));
        Assert.NotEmpty(Errors("--mix", "echo"));
    }

    [Fact]
    public void Messages_Should_ReplaceTheDefaultDurationUnlessOneIsGiven()
    {
        Assert.Null(Parse("-n", "500").Duration);
        Assert.Equal(500, Parse("-n", "500").Messages);
        Assert.Equal(TimeSpan.FromSeconds(3), Parse("-n", "500", "-d", "3s").Duration);
    }

    [Theory]
    [InlineData("--connections", "0")]
    [InlineData("--port", "70000")]
    [InlineData("--outstanding", "0")]
    [InlineData("--payload", "0")]
    [InlineData("--payload", "2GiB")]
    [InlineData("--duration", "0")]
    [InlineData("--duration", "soon")]
    [InlineData("--reply-timeout", "-1s")]
    [InlineData("--workload", "flood")]
    [InlineData("--workload", "1")]
    [InlineData("--rate", "0")]
    [InlineData("--messages", "0")]
    [InlineData("--room-size", "1")]
    [InlineData("--unknown", "1")]
    public void BadValues_Should_BeRejectedWithAMessage(string option, string value) =>
        Assert.NotEmpty(Errors(option, value));

    [Fact]
    public void UdpMode_Should_Parse()
    {
        Assert.Equal(UdpMode.Both, Parse().UdpMode);
        Assert.Equal(UdpMode.Time, Parse("--udp-mode", "time").UdpMode);
        Assert.NotEmpty(Errors("--udp-mode", "tcp"));
    }

    [Fact]
    public void JsonInAMissingDirectory_Should_BeRejectedBeforeRunning() =>
        Assert.Contains(Errors("--json", "/nonexistent-dir-for-load-tests/out.json"), e => e.Contains("--json", StringComparison.Ordinal));

    [Fact]
    public void MessagesWithIdle_Should_Conflict() =>
        Assert.NotEmpty(Errors("--workload", "idle", "--messages", "10"));

    [Fact]
    public void ChatWithOneConnection_Should_BeRejected() =>
        Assert.NotEmpty(Errors("--workload", "chat", "--connections", "1"));

    [Fact]
    public void Intervals_Should_FollowThinkTimeOrRate()
    {
        Assert.Equal(TimeSpan.Zero, Parse().RequestInterval(100));
        Assert.Equal(LoadOptions.DefaultChatThinkTime, Parse().ChatInterval(100));
        Assert.Equal(TimeSpan.FromMilliseconds(20), Parse("--think-time", "20ms").ChatInterval(100));
        Assert.Equal(TimeSpan.FromSeconds(0.1), Parse("--rate", "1000").RequestInterval(100));
    }

    private static LoadOptions Parse(params string[] args)
    {
        Assert.True(new LoadCommand().TryParse(args, out var options, out var errors), string.Join("; ", errors));
        return options;
    }

    private static IReadOnlyList<string> Errors(params string[] args)
    {
        Assert.False(new LoadCommand().TryParse(args, out _, out var errors));
        return errors;
    }
}
