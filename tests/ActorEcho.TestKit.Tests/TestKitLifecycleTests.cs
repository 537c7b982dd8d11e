using ActorEcho.TestKit.Tests.Actors;
using Microsoft.Extensions.Logging;

namespace ActorEcho.TestKit.Tests;

public sealed class TestKitLifecycleTests
{
    private static readonly TestKitSettings Fast = new() { DefaultTimeout = TimeSpan.FromMilliseconds(300) };

    [Fact]
    public void EachKit_Should_GetItsOwnSystem_WithAUniqueTestName()
    {
        using var a = new TestKit();
        using var b = new TestKit();
        Assert.NotSame(a.Sys, b.Sys);
        Assert.StartsWith("test-", a.Sys.Name, StringComparison.Ordinal);
        Assert.NotEqual(a.Sys.Name, b.Sys.Name);
    }

    [Fact]
    public void System_Should_NotHookProcessExit_And_HaveShortShutdownPhases()
    {
        using var kit = new TestKit();
        var shutdown = kit.Sys.Settings.CoordinatedShutdown;
        Assert.False(shutdown.RunByProcessExit);
        Assert.Equal(kit.Dilated(TimeSpan.FromSeconds(1)), shutdown.DefaultPhaseTimeout);
        Assert.Equal(kit.Dilated(TimeSpan.FromSeconds(2)), shutdown.PhaseTimeouts["actor-system-terminate"]);
    }

    [Fact]
    public void Options_Should_BeHonoured_IncludingTheTestsOwnPhaseTimeouts()
    {
        var settings = ActorSystemSettings.Default with
        {
            Throughput = 5,
            CoordinatedShutdown = new CoordinatedShutdownSettings { DefaultPhaseTimeout = TimeSpan.FromMilliseconds(700) },
        };
        using var kit = new TestKit(new TestKitOptions { SystemName = "named-system", Settings = settings });
        Assert.Equal("named-system", kit.Sys.Name);
        Assert.Equal(5, kit.Sys.Settings.Throughput);
        Assert.Equal(TimeSpan.FromMilliseconds(700), kit.Sys.Settings.CoordinatedShutdown.DefaultPhaseTimeout);
        Assert.False(kit.Sys.Settings.CoordinatedShutdown.RunByProcessExit);

        using var bySettings = new TestKit(settings);
        Assert.Equal(5, bySettings.Sys.Settings.Throughput);
    }

    [Fact]
    public void Dispose_Should_TerminateTheSystem_AndBeIdempotent()
    {
        var kit = new TestKit();
        kit.Dispose();
        Assert.True(kit.Sys.WhenTerminated.IsCompleted);
        kit.Dispose();
    }

    [Fact]
    public async Task Dispose_Should_Fail_When_TheSystemDoesNotTerminateInTime()
    {
        using var release = new ManualResetEventSlim();
        var kit = new TestKit(new TestKitOptions { TestKitSettings = Fast });
        try
        {
            kit.Sys.ActorOf(Props.Create(() => new BlockingStopActor(release)));
            var e = Assert.Throws<TestKitAssertionException>(kit.Dispose);
            Assert.Contains($"Failed to stop actor system [{kit.Sys.Name}] within 300 ms", e.Message, StringComparison.Ordinal);
        }
        finally
        {
            release.Set();
        }

        await kit.Sys.WhenTerminated.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Shutdown_Should_OnlyReport_When_NotVerifying()
    {
        using var release = new ManualResetEventSlim();
        var output = new RecordingOutput();
        using var kit = new TestKit(new TestKitOptions { TestKitSettings = Fast }, output);
        try
        {
            kit.Sys.ActorOf(Props.Create(() => new BlockingStopActor(release)));
            kit.Shutdown(verifySystemShutdown: false);
            Assert.Contains(output.Lines, l => l.Contains("Failed to stop actor system", StringComparison.Ordinal));
        }
        finally
        {
            release.Set();
        }

        await kit.Sys.WhenTerminated.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task ShutdownAsync_Should_TerminateAnotherSystem()
    {
        using var kit = new TestKit();
        var other = ActorSystem.Create("other", ActorSystemSettings.Default with
        {
            CoordinatedShutdown = new CoordinatedShutdownSettings { RunByProcessExit = false },
        });
        await kit.ShutdownAsync(other);
        Assert.True(other.WhenTerminated.IsCompleted);
        Assert.False(kit.Sys.WhenTerminated.IsCompleted);
    }

    [Fact]
    public void Logs_Should_ReachTheOutput_WithLevelCategoryEventIdPathAndException()
    {
        var output = new RecordingOutput();
        using (var kit = new TestKit(output))
        {
            var logger = kit.Sys.ActorOf(Props.Create<LoggingActor>(), "logger");
            logger.Tell(new LogRequest(LogLevel.Warning, "careful now"), kit.TestActor);
            kit.ExpectMsg("logged");

            var thrower = kit.Sys.ActorOf(Props.Create<ThrowingActor>(), "thrower");
            thrower.Tell("fail", kit.TestActor);
            kit.AwaitCondition(() => output.Lines.Any(l => l.Contains("[1000]", StringComparison.Ordinal)), TimeSpan.FromSeconds(3));
            kit.Log.LogInformation("from the test itself");
        }

        var lines = output.Lines.ToArray();
        var warning = Assert.Single(lines, l => l.Contains("careful now", StringComparison.Ordinal));
        Assert.Contains("[WRN]", warning, StringComparison.Ordinal);
        Assert.Contains(typeof(LoggingActor).FullName!, warning, StringComparison.Ordinal);
        Assert.Contains("/user/logger]", warning, StringComparison.Ordinal);

        var failure = Assert.Single(lines, l => l.Contains("[1000]", StringComparison.Ordinal));
        Assert.Contains("[ERR] ActorEcho.Actors[1000]", failure, StringComparison.Ordinal);
        Assert.Contains("/user/thrower", failure, StringComparison.Ordinal);
        Assert.Contains("System.InvalidOperationException: boom", failure, StringComparison.Ordinal);
        Assert.Contains(lines, l => l.Contains("from the test itself", StringComparison.Ordinal));
    }

    [Fact]
    public void Logs_Should_NotBreakAnything_When_TheOutputRefusesThem()
    {
        using var kit = new TestKit(new RecordingOutput(refuse: true));
        var logger = kit.Sys.ActorOf(Props.Create<LoggingActor>());
        logger.Tell(new LogRequest(LogLevel.Error, "nobody listens"), kit.TestActor);
        kit.ExpectMsg("logged");
        kit.EventFilter.Error(contains: "nobody").ExpectOne(() => logger.Tell(new LogRequest(LogLevel.Error, "nobody listens"), kit.TestActor));
    }

    [Fact]
    public void LogLevel_Should_FilterTheOutput()
    {
        var output = new RecordingOutput();
        using (var kit = new TestKit(new TestKitOptions { LogLevel = LogLevel.Warning }, output))
        {
            var logger = kit.Sys.ActorOf(Props.Create<LoggingActor>());
            logger.Tell(new LogRequest(LogLevel.Information, "chatter"), kit.TestActor);
            logger.Tell(new LogRequest(LogLevel.Warning, "important"), kit.TestActor);
            kit.ReceiveN(2);
        }

        Assert.DoesNotContain(output.Lines, l => l.Contains("chatter", StringComparison.Ordinal));
        Assert.Contains(output.Lines, l => l.Contains("important", StringComparison.Ordinal));
    }

    [Fact]
    public void Watch_Should_Fail_When_TheTestActorIsGone()
    {
        using var kit = new TestKit(new TestKitOptions { TestKitSettings = Fast });
        kit.Shutdown(duration: TimeSpan.FromSeconds(10));
        var e = Assert.Throws<TestKitAssertionException>(() => kit.Watch(kit.Sys.DeadLetters));
        Assert.Contains("did not confirm Watch", e.Message, StringComparison.Ordinal);
    }
}
