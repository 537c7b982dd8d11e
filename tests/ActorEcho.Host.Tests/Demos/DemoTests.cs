using ActorEcho.Host.Demos;

namespace ActorEcho.Host.Tests.Demos;

/// <summary>
/// Each supervision demo is also a test: it must PASS, and its narration must show the observations
/// that prove it. A demo is a product feature (<c>demo NAME</c>) that creates its own actor systems,
/// one per server it starts, so these run it as the command does rather than inside a TestKit.
/// </summary>
public sealed class DemoTests
{
    private readonly ITestOutputHelper _output;

    public DemoTests(ITestOutputHelper output)
    {
        _output = output;
    }

    [Fact]
    public async Task SessionRestartDemo_Should_Pass_With_Others_Unaffected()
    {
        var narration = await RunAsync("session-restart");
        Assert.Contains("alice got 'NOTICE session state was reset after an internal error'", narration);
        Assert.Contains("got exactly 'ping-3' back: unaffected", narration);
        Assert.Contains("restarts=1", narration);
    }

    [Fact]
    public async Task RetryBudgetDemo_Should_Pass_With_Final_Error_And_Close()
    {
        var narration = await RunAsync("retry-budget");
        Assert.Equal(3, CountOf(narration, "victim got 'NOTICE session state was reset after an internal error'"));
        Assert.Contains("victim got 'ERR session stopped after repeated internal errors'", narration);
        Assert.Contains("then the server closed the connection", narration);
    }

    [Fact]
    public async Task StrategyComparisonDemo_Should_Pass_With_Only_AllForOne_Resetting_Siblings()
    {
        var narration = await RunAsync("strategies");
        Assert.Contains("one-for-one: ann" + Environment.NewLine, narration);
        Assert.Contains("all-for-one: ann, ben, cat", narration);
    }

    [Fact]
    public async Task ListenerRecoveryDemo_Should_Pass_With_Restart_And_Reconnect()
    {
        var narration = await RunAsync("listener");
        Assert.Contains("/session-tcp after: injected listener fault", narration);
        Assert.Contains("chose Restart", narration);
        Assert.Contains("eli reconnected", narration);
    }

    [Fact]
    public async Task SlowReaderDemo_Should_Pass_Under_Every_Policy()
    {
        var narration = await RunAsync("slow-reader");
        Assert.Contains("while slow was congested: nothing was dropped for the prompt readers", narration);
        Assert.Contains("NOTICE dropped ", narration);
        Assert.Contains("every line accounted for", narration);
        Assert.Equal(2, CountOf(narration, "'NOTICE disconnected: you are reading too slowly', then the connection closed"));
        Assert.Equal(6, CountOf(narration, "all 300 lines, in order"));
    }

    [Fact]
    public async Task CrashUnderLoadDemo_Should_Pass_With_Every_Stream_Byte_Exact()
    {
        var narration = await RunAsync("crash-under-load");
        Assert.Contains("45 of 45 non-crashed clients: every byte came back", narration);
        Assert.Equal(5, CountOf(narration, "got the reset notice"));
    }

    [Fact]
    public async Task ClusterDemo_Should_Pass_With_The_Killed_Nodes_User_Gone_And_Her_Nick_Free()
    {
        var narration = await RunAsync("cluster");
        Assert.Contains("carol got '[lobby] alice: hello from node 1'", narration);
        Assert.Contains("alice got '[lobby] bob: are you still there, alice?'", narration);
        Assert.Matches(@"alice got '\[lobby\] \* carol left' \d+\.\ds after the kill", narration);
        Assert.Contains("nodes=2'", narration);
        Assert.Contains("bob: /nick carol -> 'OK nick carol'", narration);
    }

    [Fact]
    public async Task DemoRunner_Should_List_Demos_And_Exit_2_For_An_Unknown_Name()
    {
        using var writer = new StringWriter();
        var code = await DemoRunner.RunAsync("no-such-demo", writer, CancellationToken.None);
        Assert.Equal(DemoRunner.UnknownDemo, code);
        var text = writer.ToString();
        Assert.Contains("unknown demo 'no-such-demo'", text);
        foreach (var demo in DemoRunner.All)
        {
            Assert.Contains(demo.Name, text);
        }
    }

    [Fact]
    public async Task DemoRunner_Should_Report_Fail_With_Reason_And_Exit_1_When_A_Demo_Fails()
    {
        using var writer = new StringWriter();
        var result = await DemoRunner.RunOneAsync(new FailingDemo(), writer, CancellationToken.None);
        Assert.False(result.Passed);
        Assert.Contains("DEMO failing: FAIL (the observation contradicts the claim)", writer.ToString());
    }

    [Fact]
    public void DemoRunner_Should_Find_Demos_By_Number_And_Name()
    {
        Assert.Equal("session-restart", DemoRunner.Find("1")!.Name);
        Assert.Equal("crash-under-load", DemoRunner.Find("6")!.Name);
        Assert.Equal("listener", DemoRunner.Find("LISTENER")!.Name);
        Assert.Equal("cluster", DemoRunner.Find("7")!.Name);
        Assert.Null(DemoRunner.Find("8"));
    }

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    private async Task<string> RunAsync(string name)
    {
        using var writer = new StringWriter();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var result = await DemoRunner.RunOneAsync(DemoRunner.Find(name)!, writer, cts.Token);
        var narration = writer.ToString();
        _output.WriteLine(narration);
        Assert.True(result.Passed, $"demo {name} failed: {result.Reason}");
        Assert.Contains($"DEMO {name}: PASS", narration);
        return narration;
    }

    private sealed class FailingDemo : ISupervisionDemo
    {
        public string Name => "failing";

        public string Title => "a demo whose check fails";

        public Task<DemoResult> RunAsync(DemoContext context)
        {
            DemoContext.Check(false, "the observation contradicts the claim");
            return Task.FromResult(DemoResult.Pass);
        }
    }
}
