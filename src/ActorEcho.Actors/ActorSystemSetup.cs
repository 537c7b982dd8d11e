using ActorEcho.Actors.Scheduling;
using Microsoft.Extensions.Logging;

namespace ActorEcho.Actors;

/// <summary>
/// What a system is built with besides its settings: where it logs and which scheduler it uses.
/// </summary>
public sealed record ActorSystemSetup
{
    /// <summary>Nothing set: no logging, the real-time scheduler.</summary>
    public static ActorSystemSetup Empty { get; } = new();

    /// <summary>Where the kernel and actors log; null means nowhere.</summary>
    public ILoggerFactory? LoggerFactory { get; init; }

    /// <summary>The scheduler; null means the real-time scheduler. The TestKit passes a virtual-time one.</summary>
    public IScheduler? Scheduler { get; init; }
}
