using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace ActorEcho.Host.Tests.Support;

/// <summary>
/// Writes every log event to the test's output and keeps the rendered lines, so tests can check
/// what the host logged (one line per endpoint, each shutdown phase).
/// </summary>
internal sealed class CapturingLoggerProvider(ITestOutputHelper output) : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _lines = new();

    public IReadOnlyCollection<string> Lines => _lines;

    public static ILoggerFactory CreateFactory(ITestOutputHelper output, out CapturingLoggerProvider provider)
    {
        var p = new CapturingLoggerProvider(output);
        provider = p;
        return LoggerFactory.Create(builder => builder.SetMinimumLevel(LogLevel.Information).AddProvider(p));
    }

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private void Write(string line)
    {
        _lines.Enqueue(line);
        try
        {
            output.WriteLine(line);
        }
        catch (InvalidOperationException)
        {
            // The test has finished; late shutdown lines only go to the captured list.
        }
    }

    private sealed class Logger(CapturingLoggerProvider owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var text = $"{DateTime.UtcNow:HH:mm:ss.fff} {logLevel} {category}: {formatter(state, exception)}";
            owner.Write(exception is null ? text : text + Environment.NewLine + exception);
        }
    }
}
