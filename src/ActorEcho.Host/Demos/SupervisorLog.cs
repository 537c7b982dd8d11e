using Microsoft.Extensions.Logging;

namespace ActorEcho.Host.Demos;

/// <summary>
/// A logger provider that keeps the kernel's supervision decisions (event ids 1000 and 1001:
/// "X failed; supervisor Y chose Z") and drops everything else, so a demo can show what the
/// supervisor decided without stack traces on the console.
/// </summary>
internal sealed class SupervisorLog : ILoggerProvider
{
    private readonly List<string> _decisions = [];

    /// <summary>The decisions so far, oldest first.</summary>
    public IReadOnlyList<string> Decisions
    {
        get
        {
            lock (_decisions)
            {
                return [.. _decisions];
            }
        }
    }

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private void Add(string line)
    {
        lock (_decisions)
        {
            _decisions.Add(line);
        }
    }

    private sealed class Logger(SupervisorLog owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => category == "ActorEcho.Actors";

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (category == "ActorEcho.Actors" && eventId.Id is 1000 or 1001)
            {
                owner.Add(formatter(state, exception));
            }
        }
    }
}
