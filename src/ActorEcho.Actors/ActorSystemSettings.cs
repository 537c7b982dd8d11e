using ActorEcho.Actors.Dispatch;
using HoconConfig = ActorEcho.Config.Config;

namespace ActorEcho.Actors;

/// <summary>
/// The kernel's settings, with Akka-like defaults. Built from HOCON under <c>actorecho.actor.*</c>
/// (see the kernel's reference.conf, where every key is commented); this record is what the code reads.
/// </summary>
public sealed partial record ActorSystemSettings
{
    /// <summary>
    /// The whole merged configuration the system was built from (kernel reference.conf at the
    /// bottom). Other layers read their own sections from it, e.g. <c>actorecho.io.tcp</c>.
    /// </summary>
    public HoconConfig Config { get; init; } = ReferenceConfig;

    /// <summary>Every setting at its default.</summary>
    public static ActorSystemSettings Default { get; } = new();

    /// <summary>
    /// Messages an actor processes per turn on a thread before yielding it to other actors
    /// (default 30, as Akka). Higher favours throughput, lower favours fairness.
    /// </summary>
    public int Throughput { get; init; } = 30;

    /// <summary>The mailbox of actors whose props do not choose one (default unbounded).</summary>
    public MailboxType DefaultMailbox { get; init; } = UnboundedMailbox.Instance;

    /// <summary>Capacity of the mailbox named <c>bounded</c> (default 1000).</summary>
    public int BoundedMailboxCapacity { get; init; } = 1000;

    /// <summary>Timeout of an <c>Ask</c> that does not pass one (default 30 s; Akka's infinite default leaks on lost replies).</summary>
    public TimeSpan AskTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Most messages an actor may stash; one more fails the actor with <c>StashOverflowException</c> (default 10,000; negative: unlimited).</summary>
    public int StashCapacity { get; init; } = 10_000;

    /// <summary>How many dead letters are logged before logging pauses (default 10; 0 turns it off).</summary>
    public int LogDeadLetters { get; init; } = 10;

    /// <summary>How long dead-letter logging pauses once the limit is reached (default 5 minutes).</summary>
    public TimeSpan LogDeadLettersSuspendDuration { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Whether dead letters are logged while the system shuts down (default off: they are expected then).</summary>
    public bool LogDeadLettersDuringShutdown { get; init; }

    /// <summary>Whether unhandled messages are logged at Debug (default off; they are always published on the event stream).</summary>
    public bool DebugUnhandled { get; init; }

    /// <summary>Coordinated shutdown settings.</summary>
    public CoordinatedShutdownSettings CoordinatedShutdown { get; init; } = new();
}

/// <summary>Settings of <c>CoordinatedShutdown</c>, under <c>actorecho.coordinated-shutdown.*</c>.</summary>
public sealed record CoordinatedShutdownSettings
{
    /// <summary>Timeout of a phase that sets none (default 5 s).</summary>
    public TimeSpan DefaultPhaseTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Per-phase timeouts that override <see cref="DefaultPhaseTimeout"/>.</summary>
    public IReadOnlyDictionary<string, TimeSpan> PhaseTimeouts { get; init; } = new Dictionary<string, TimeSpan>
    {
        ["actor-system-terminate"] = TimeSpan.FromSeconds(10),
    };

    /// <summary>Whether <c>ActorSystem.Terminate()</c> runs the phases first (default on).</summary>
    public bool RunByActorSystemTerminate { get; init; } = true;

    /// <summary>Whether SIGTERM / Ctrl+C run the phases (default on). Tests turn this off.</summary>
    public bool RunByProcessExit { get; init; } = true;
}
