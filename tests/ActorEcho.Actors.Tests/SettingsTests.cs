using ActorEcho.Actors.Dispatch;
using ActorEcho.Config;

namespace ActorEcho.Actors.Tests;

public class SettingsTests
{
    [Fact]
    public void ReferenceConf_Should_MatchTheDocumentedDefaults()
    {
        var fromConfig = ActorSystemSettings.FromConfig(ConfigurationFactory.Empty);
        var defaults = ActorSystemSettings.Default;
        Assert.Equal(defaults.Throughput, fromConfig.Throughput);
        Assert.Equal(defaults.DefaultMailbox, fromConfig.DefaultMailbox);
        Assert.Equal(defaults.BoundedMailboxCapacity, fromConfig.BoundedMailboxCapacity);
        Assert.Equal(defaults.AskTimeout, fromConfig.AskTimeout);
        Assert.Equal(defaults.StashCapacity, fromConfig.StashCapacity);
        Assert.Equal(defaults.LogDeadLetters, fromConfig.LogDeadLetters);
        Assert.Equal(defaults.LogDeadLettersSuspendDuration, fromConfig.LogDeadLettersSuspendDuration);
        Assert.Equal(defaults.LogDeadLettersDuringShutdown, fromConfig.LogDeadLettersDuringShutdown);
        Assert.Equal(defaults.DebugUnhandled, fromConfig.DebugUnhandled);
        Assert.Equal(defaults.CoordinatedShutdown.DefaultPhaseTimeout, fromConfig.CoordinatedShutdown.DefaultPhaseTimeout);
        Assert.Equal(defaults.CoordinatedShutdown.PhaseTimeouts, fromConfig.CoordinatedShutdown.PhaseTimeouts);
        Assert.Equal(defaults.CoordinatedShutdown.RunByActorSystemTerminate, fromConfig.CoordinatedShutdown.RunByActorSystemTerminate);
        Assert.Equal(defaults.CoordinatedShutdown.RunByProcessExit, fromConfig.CoordinatedShutdown.RunByProcessExit);
    }

    [Fact]
    public void FromConfig_Should_ReadOverridesOverTheReference()
    {
        var settings = ActorSystemSettings.FromConfig(ConfigurationFactory.ParseString("""
            actorecho.actor {
              throughput = 5
              default-mailbox = "bounded:7"
              ask-timeout = 250ms
            }
            actorecho.coordinated-shutdown.phase-timeouts.service-unbind = 2s
            """));
        Assert.Equal(5, settings.Throughput);
        Assert.Equal(new BoundedMailbox(7), settings.DefaultMailbox);
        Assert.Equal(TimeSpan.FromMilliseconds(250), settings.AskTimeout);
        Assert.Equal(TimeSpan.FromSeconds(2), settings.CoordinatedShutdown.PhaseTimeouts["service-unbind"]);
        Assert.Equal(TimeSpan.FromSeconds(10), settings.CoordinatedShutdown.PhaseTimeouts["actor-system-terminate"]);
        Assert.Equal(1000, settings.Config.GetInt("actorecho.actor.bounded-mailbox-capacity"));
    }

    [Theory]
    [InlineData("actorecho.actor.throughput = 0", "actorecho.actor.throughput")]
    [InlineData("actorecho.actor.throughput = abc", "actorecho.actor.throughput")]
    [InlineData("actorecho.actor.default-mailbox = sometimes", "default-mailbox")]
    public void FromConfig_Should_RejectBadValuesNamingThePath(string hocon, string path)
    {
        var e = Assert.Throws<ConfigurationException>(() => ActorSystemSettings.FromConfig(ConfigurationFactory.ParseString(hocon)));
        Assert.Contains(path, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateFromConfig_Should_ExposeTheMergedConfig()
    {
        var config = ConfigurationFactory.ParseString("""
            actorecho.coordinated-shutdown.run-by-process-exit = off
            my-app.greeting = hello
            """);
        var system = ActorSystem.Create("configured", config);
        try
        {
            Assert.Equal("hello", system.Settings.Config.GetString("my-app.greeting"));
            Assert.Equal(30, system.Settings.Throughput);
            Assert.False(system.Settings.CoordinatedShutdown.RunByProcessExit);
        }
        finally
        {
            await system.Terminate().WaitAsync(TimeSpan.FromSeconds(30));
        }
    }
}
