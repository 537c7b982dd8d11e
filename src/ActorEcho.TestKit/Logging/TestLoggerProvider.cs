using Microsoft.Extensions.Logging;

namespace ActorEcho.TestKit.Logging;

/// <summary>Hands out loggers that feed a <see cref="TestLogSink"/>.</summary>
internal sealed class TestLoggerProvider(TestLogSink sink) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new TestLogger(sink, categoryName);

    public void Dispose()
    {
        // Loggers hold nothing that needs releasing.
    }
}
