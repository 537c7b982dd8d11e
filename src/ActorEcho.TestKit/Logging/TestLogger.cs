using Microsoft.Extensions.Logging;

namespace ActorEcho.TestKit.Logging;

/// <summary>Turns each log call into a <see cref="LogEvent"/> for the sink.</summary>
internal sealed class TestLogger(TestLogSink sink, string category) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None && logLevel >= sink.MinimumLevel;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (!IsEnabled(logLevel))
        {
            return;
        }

        ArgumentNullException.ThrowIfNull(formatter);
        var path = FindActorPath(state);
        var message = formatter(state, exception);

        // Actor loggers prefix the text with "[path] "; the path is kept as its own field instead.
        if (path is not null && message.StartsWith("[" + path + "] ", StringComparison.Ordinal))
        {
            message = message[(path.Length + 3)..];
        }

        sink.Record(new LogEvent(DateTimeOffset.UtcNow, category, logLevel, eventId, message, exception, path));
    }

    private static string? FindActorPath<TState>(TState state)
    {
        if (state is IEnumerable<KeyValuePair<string, object?>> properties)
        {
            foreach (var (key, value) in properties)
            {
                if (key == "ActorPath")
                {
                    return value?.ToString();
                }
            }
        }

        return null;
    }
}
