using System.Diagnostics;
using ActorEcho.Config;

namespace ActorEcho.TestKit.Tests;

public sealed class TimeFactorTests
{
    private static TestKitOptions Factor(double factor) =>
        new() { TestKitSettings = new TestKitSettings { TimeFactor = factor } };

    [Fact]
    public void ExplicitExpectNoMsgTimeout_Should_BeDilatedOnce_NotTwice()
    {
        using var kit = new TestKit(Factor(3));
        var watch = Stopwatch.StartNew();
        kit.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
        watch.Stop();

        // Once: ~300 ms. Twice would be ~900 ms; not at all, ~100 ms.
        Assert.InRange(watch.Elapsed, TimeSpan.FromMilliseconds(280), TimeSpan.FromMilliseconds(850));
    }

    [Fact]
    public void ExplicitExpectMsgTimeout_Should_BeDilatedOnce_InTheWaitAndTheMessage()
    {
        using var kit = new TestKit(Factor(3));
        var watch = Stopwatch.StartNew();
        var e = Assert.Throws<TestKitAssertionException>(() => kit.ExpectMsg<string>(TimeSpan.FromMilliseconds(100)));
        watch.Stop();
        Assert.InRange(watch.Elapsed, TimeSpan.FromMilliseconds(280), TimeSpan.FromMilliseconds(850));
        Assert.Contains("Timeout (300 ms)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WithinMax_Should_BeDilatedOnce_And_ExpectationsInside_ShouldUseItUndilated()
    {
        using var kit = new TestKit(Factor(3));
        var watch = Stopwatch.StartNew();
        var e = Assert.Throws<TestKitAssertionException>(() =>
            kit.Within(TimeSpan.FromMilliseconds(100), () => kit.ExpectMsg<string>()));
        watch.Stop();
        Assert.InRange(watch.Elapsed, TimeSpan.FromMilliseconds(280), TimeSpan.FromMilliseconds(850));
        Assert.Contains("no message arrived", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Defaults_Should_BeDilated()
    {
        using var kit = new TestKit(new TestKitOptions
        {
            TestKitSettings = new TestKitSettings { TimeFactor = 2, SingleExpectDefault = TimeSpan.FromSeconds(1), ExpectNoMessageDefault = TimeSpan.FromMilliseconds(100) },
        });
        Assert.Equal(TimeSpan.FromSeconds(2), kit.RemainingOrDefault);
        Assert.Equal(TimeSpan.FromMilliseconds(400), kit.Dilated(TimeSpan.FromMilliseconds(200)));
        Assert.Equal(Timeout.InfiniteTimeSpan, kit.Dilated(Timeout.InfiniteTimeSpan));

        var watch = Stopwatch.StartNew();
        kit.ExpectNoMsg();
        Assert.InRange(watch.Elapsed, TimeSpan.FromMilliseconds(180), TimeSpan.FromMilliseconds(650));
    }

    [Fact]
    public void HugeFactor_Should_NotOverflowAnyDeadline()
    {
        using var kit = new TestKit(Factor(1e12));
        kit.TestActor.Tell("x", null);
        kit.ExpectMsg("x");
        kit.Within(TimeSpan.FromSeconds(1), () =>
        {
            Assert.True(kit.Remaining > TimeSpan.FromDays(365));
            kit.TestActor.Tell("y", null);
            kit.ExpectMsg("y");
        });
        kit.AwaitCondition(() => true);
        kit.TestActor.Tell("z", null);
        Assert.Throws<TestKitAssertionException>(() => kit.ExpectNoMsg(TimeSpan.FromSeconds(1)));
        Assert.Equal(TimeSpan.MaxValue, kit.Dilated(TimeSpan.FromDays(10000)));
    }

    [Fact]
    public void EnvironmentOverride_Should_SetTheFactor_And_RejectGarbage()
    {
        Assert.Equal(2.5, TestKitSettings.Default.WithEnvironmentOverrides("2.5").TimeFactor);
        Assert.Equal(1.0, TestKitSettings.Default.WithEnvironmentOverrides(null).TimeFactor);
        Assert.Equal(1.0, TestKitSettings.Default.WithEnvironmentOverrides(" ").TimeFactor);
        var e = Assert.Throws<ArgumentException>(() => TestKitSettings.Default.WithEnvironmentOverrides("fast"));
        Assert.Contains(TestKitSettings.TimeFactorEnvironmentVariable, e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => TestKitSettings.Default.WithEnvironmentOverrides("-1"));
        Assert.Throws<ArgumentException>(() => TestKitSettings.Default.WithEnvironmentOverrides("0"));
    }

    [Fact]
    public void Settings_Should_RejectNonPositiveValues()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new TestKitSettings { TimeFactor = 0 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new TestKitSettings { TimeFactor = double.NaN });
        Assert.Throws<ArgumentOutOfRangeException>(() => new TestKitSettings { SingleExpectDefault = TimeSpan.Zero });
        Assert.Throws<ArgumentOutOfRangeException>(() => new TestKitSettings { DefaultTimeout = Timeout.InfiniteTimeSpan });
    }

    [Fact]
    public void Defaults_Should_MatchTheDocumentedValues()
    {
        var d = TestKitSettings.Default;
        Assert.Equal(TimeSpan.FromSeconds(3), d.DefaultTimeout);
        Assert.Equal(TimeSpan.FromSeconds(3), d.SingleExpectDefault);
        Assert.Equal(TimeSpan.FromMilliseconds(300), d.ExpectNoMessageDefault);
        Assert.Equal(1.0, d.TimeFactor);
    }

    [Fact]
    public void FromConfig_Should_ReadActorEchoTestKeys()
    {
        var config = ConfigurationFactory.ParseString("""
            actorecho.test {
              timefactor = 1.5
              single-expect-default = 2s
              expect-no-message-default = 150ms
              default-timeout = 4s
            }
            """);
        var settings = TestKitSettings.FromConfig(config).WithEnvironmentOverrides(null);
        if (Environment.GetEnvironmentVariable(TestKitSettings.TimeFactorEnvironmentVariable) is null)
        {
            Assert.Equal(1.5, settings.TimeFactor);
        }

        Assert.Equal(TimeSpan.FromSeconds(2), settings.SingleExpectDefault);
        Assert.Equal(TimeSpan.FromMilliseconds(150), settings.ExpectNoMessageDefault);
        Assert.Equal(TimeSpan.FromSeconds(4), settings.DefaultTimeout);

        using var kit = new TestKit(config);
        Assert.Equal(TimeSpan.FromSeconds(2), kit.TestKitSettings.SingleExpectDefault);
    }

    [Fact]
    public void ConfigConstructor_Should_AlsoReadKernelSettings_AndKeepTestShutdownRules()
    {
        var config = ConfigurationFactory.ParseString("""
            actorecho.actor.throughput = 7
            actorecho.test.expect-no-message-default = 120ms
            """);
        using var kit = new TestKit(config);
        Assert.Equal(7, kit.Sys.Settings.Throughput);
        Assert.Equal(TimeSpan.FromMilliseconds(120), kit.TestKitSettings.ExpectNoMessageDefault);
        Assert.False(kit.Sys.Settings.CoordinatedShutdown.RunByProcessExit);
        Assert.Equal(kit.Dilated(TimeSpan.FromSeconds(1)), kit.Sys.Settings.CoordinatedShutdown.DefaultPhaseTimeout);
    }

    [Fact]
    public void ConfigConstructor_Should_RejectBadValues_WithAClearError()
    {
        var config = ConfigurationFactory.ParseString("actorecho.test.timefactor = -2");
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new TestKit(config));
        Assert.Contains("positive", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromConfig_Should_KeepDefaults_ForMissingKeys()
    {
        var settings = TestKitSettings.FromConfig(ConfigurationFactory.ParseString("other = 1"));
        Assert.Equal(TimeSpan.FromSeconds(3), settings.SingleExpectDefault);
    }
}
