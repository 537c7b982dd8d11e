using Microsoft.Extensions.Logging;

namespace ActorEcho.TestKit.Logging;

/// <summary>
/// One log event written through a TestKit's logger factory, as event filters see it.
/// </summary>
/// <param name="Timestamp">When it was logged (wall clock, UTC).</param>
/// <param name="Category">The logger category, e.g. <c>ActorEcho.Actors</c> for the kernel.</param>
/// <param name="Level">Its level.</param>
/// <param name="EventId">Its event id (the kernel's are 1000–1099).</param>
/// <param name="Message">The rendered message, without the <c>[path]</c> prefix actor loggers add.</param>
/// <param name="Exception">The exception logged with it, if any.</param>
/// <param name="ActorPath">The <c>ActorPath</c> property of the event, when it has one.</param>
public sealed record LogEvent(
    DateTimeOffset Timestamp,
    string Category,
    LogLevel Level,
    EventId EventId,
    string Message,
    Exception? Exception,
    string? ActorPath);
