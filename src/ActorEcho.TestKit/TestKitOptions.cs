using ActorEcho.Actors.Scheduling;
using Microsoft.Extensions.Logging;

namespace ActorEcho.TestKit;

/// <summary>How a <see cref="TestKit"/> builds the actor system of a test.</summary>
public sealed record TestKitOptions
{
    /// <summary>The system's name; null gives a unique <c>test-N</c>.</summary>
    public string? SystemName { get; init; }

    /// <summary>
    /// Kernel settings; null means the defaults. Whatever is given, the TestKit turns off
    /// <c>RunByProcessExit</c> and shortens coordinated-shutdown phase timeouts left at their defaults.
    /// </summary>
    public ActorSystemSettings? Settings { get; init; }

    /// <summary>The TestKit's timeouts; null means the defaults with the environment override applied.</summary>
    public TestKitSettings? TestKitSettings { get; init; }

    /// <summary>
    /// The system's scheduler; null means the real-time one unless <see cref="UseTestScheduler"/> is set.
    /// Pass a <see cref="TestScheduler"/> to drive timers, receive timeouts and Ask timeouts by hand.
    /// </summary>
    public IScheduler? Scheduler { get; init; }

    /// <summary>When true and <see cref="Scheduler"/> is null, the system gets a new <see cref="TestScheduler"/> (default false).</summary>
    public bool UseTestScheduler { get; init; }

    /// <summary>The lowest level written to the test output and seen by event filters (default Debug).</summary>
    public LogLevel LogLevel { get; init; } = LogLevel.Debug;
}
