using ActorEcho.Actors.Dispatch;
using ActorEcho.Config;
using HoconConfig = ActorEcho.Config.Config;

namespace ActorEcho.Actors;

/// <summary>Reading the kernel settings from HOCON (<c>actorecho.actor.*</c>, <c>actorecho.coordinated-shutdown.*</c>).</summary>
public sealed partial record ActorSystemSettings
{
    /// <summary>The kernel's embedded reference.conf: every key with its default, commented.</summary>
    public static HoconConfig ReferenceConfig => ReferenceHolder.Value;

    /// <summary>
    /// Reads the settings from <paramref name="config"/> layered over the kernel's reference.conf.
    /// The merged config is kept in <see cref="Config"/> so other layers (IO, server) read their
    /// own sections from the same tree.
    /// </summary>
    public static ActorSystemSettings FromConfig(HoconConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var merged = config.WithFallback(ReferenceConfig).Resolve();
        var actor = merged.GetConfig("actorecho.actor");
        var shutdown = merged.GetConfig("actorecho.coordinated-shutdown");
        var capacity = actor.GetInt("bounded-mailbox-capacity");
        var phases = shutdown.GetConfig("phase-timeouts");
        return new ActorSystemSettings
        {
            Config = merged,
            Throughput = Positive(actor.GetInt("throughput"), "actorecho.actor.throughput"),
            BoundedMailboxCapacity = Positive(capacity, "actorecho.actor.bounded-mailbox-capacity"),
            DefaultMailbox = ParseMailbox(actor.GetString("default-mailbox"), capacity),
            AskTimeout = actor.GetTimeSpan("ask-timeout"),
            StashCapacity = actor.GetInt("stash-capacity"),
            LogDeadLetters = actor.GetInt("log-dead-letters"),
            LogDeadLettersSuspendDuration = actor.GetTimeSpan("log-dead-letters-suspend-duration"),
            LogDeadLettersDuringShutdown = actor.GetBoolean("log-dead-letters-during-shutdown"),
            DebugUnhandled = actor.GetBoolean("debug.unhandled"),
            CoordinatedShutdown = new CoordinatedShutdownSettings
            {
                DefaultPhaseTimeout = shutdown.GetTimeSpan("default-phase-timeout"),
                PhaseTimeouts = Shutdown.CoordinatedShutdown.OrderedPhases
                    .Where(phases.HasPath)
                    .ToDictionary(p => p, phases.GetTimeSpan, StringComparer.Ordinal),
                RunByActorSystemTerminate = shutdown.GetBoolean("run-by-actor-system-terminate"),
                RunByProcessExit = shutdown.GetBoolean("run-by-process-exit"),
            },
        };
    }

    private static int Positive(int value, string path) => value > 0
        ? value
        : throw new ConfigurationException($"path {path}: expected a number greater than 0, got {value}");

    private static MailboxType ParseMailbox(string name, int capacity)
    {
        try
        {
            return MailboxType.Parse(name, capacity);
        }
        catch (ArgumentException e)
        {
            throw new ConfigurationException($"path actorecho.actor.default-mailbox: {e.Message}", e);
        }
    }

    // A nested holder, not a static field: static initializers of partial files run in an
    // unspecified order, and Default (in the other file) needs this one first.
    private static class ReferenceHolder
    {
        public static readonly HoconConfig Value =
            ConfigurationFactory.FromResource(typeof(ActorSystemSettings).Assembly, "ActorEcho.Actors.reference.conf");
    }
}
