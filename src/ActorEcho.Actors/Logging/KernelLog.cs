using Microsoft.Extensions.Logging;

namespace ActorEcho.Actors.Logging;

/// <summary>
/// Every log event the kernel writes, source-generated so that a disabled level costs nothing.
/// Event ids are stable (1000–1099) so log pipelines can filter on them.
/// </summary>
internal static partial class KernelLog
{
    [LoggerMessage(EventId = 1000, Level = LogLevel.Error, Message = "{ActorPath} failed; supervisor {SupervisorPath} chose {Directive}")]
    public static partial void ChildFailed(ILogger logger, Exception exception, string actorPath, string supervisorPath, string directive);

    [LoggerMessage(EventId = 1001, Level = LogLevel.Warning, Message = "{ActorPath} failed; supervisor {SupervisorPath} chose {Directive}")]
    public static partial void ChildFailedResumed(ILogger logger, Exception exception, string actorPath, string supervisorPath, string directive);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Error, Message = "{ActorPath} threw from {Hook}; the actor continues its lifecycle")]
    public static partial void LifecycleHookFailed(ILogger logger, Exception exception, string actorPath, string hook);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Information, Message = "Message {MessageType} from {Sender} to {ActorPath} was not delivered. {Count} dead letters so far")]
    public static partial void DeadLetter(ILogger logger, string messageType, string sender, string actorPath, long count);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Information, Message = "Dead-letter logging suspended for {Duration} after {Limit} entries; {Count} dead letters so far")]
    public static partial void DeadLettersSuspended(ILogger logger, TimeSpan duration, int limit, long count);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Debug, Message = "{ActorPath} did not handle {MessageType} from {Sender}")]
    public static partial void Unhandled(ILogger logger, string actorPath, string messageType, string sender);

    [LoggerMessage(EventId = 1006, Level = LogLevel.Error, Message = "Guardian {ActorPath} failed and is stopped; the actor system will terminate")]
    public static partial void GuardianFailed(ILogger logger, Exception exception, string actorPath);

    [LoggerMessage(EventId = 1010, Level = LogLevel.Information, Message = "Coordinated shutdown of {SystemName} started, reason: {Reason}")]
    public static partial void ShutdownStarted(ILogger logger, string systemName, string reason);

    [LoggerMessage(EventId = 1011, Level = LogLevel.Information, Message = "Coordinated shutdown phase {Phase} starting ({TaskCount} tasks)")]
    public static partial void PhaseStarting(ILogger logger, string phase, int taskCount);

    [LoggerMessage(EventId = 1012, Level = LogLevel.Warning, Message = "Coordinated shutdown phase {Phase} timed out after {Timeout}; continuing with the next phase")]
    public static partial void PhaseTimedOut(ILogger logger, string phase, TimeSpan timeout);

    [LoggerMessage(EventId = 1013, Level = LogLevel.Warning, Message = "Coordinated shutdown task {TaskName} in phase {Phase} failed")]
    public static partial void ShutdownTaskFailed(ILogger logger, Exception exception, string phase, string taskName);

    [LoggerMessage(EventId = 1014, Level = LogLevel.Information, Message = "Actor system {SystemName} terminated")]
    public static partial void SystemTerminated(ILogger logger, string systemName);

    [LoggerMessage(EventId = 1015, Level = LogLevel.Information, Message = "Received {Signal}; running coordinated shutdown of {SystemName}")]
    public static partial void SignalReceived(ILogger logger, string signal, string systemName);
}
