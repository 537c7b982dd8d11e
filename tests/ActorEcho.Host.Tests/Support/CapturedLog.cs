using System.Collections.Concurrent;
using System.Globalization;
using Serilog;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting.Display;

namespace ActorEcho.Host.Tests.Support;

/// <summary>
/// A Serilog logger of its own for the host's lines in one test (not Serilog's static logger,
/// which tests running in parallel would share): every line goes to the test output and is kept,
/// so a test can check what the host logged.
/// </summary>
internal sealed class CapturedLog : ILogEventSink
{
    private static readonly MessageTemplateTextFormatter Format =
        new("{Timestamp:HH:mm:ss.fff} {Level:u3} {LogSource}: {Message:lj}{NewLine}{Exception}", CultureInfo.InvariantCulture);

    private readonly ITestOutputHelper _output;
    private readonly ConcurrentQueue<string> _lines = new();

    public CapturedLog(ITestOutputHelper output)
    {
        _output = output;
        Logger = new LoggerConfiguration().MinimumLevel.Verbose().WriteTo.Sink(this).CreateLogger();
    }

    public ILogger Logger { get; }

    public IReadOnlyCollection<string> Lines => _lines;

    public void Emit(LogEvent logEvent)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        Format.Format(logEvent, text);
        var line = text.ToString().TrimEnd();
        _lines.Enqueue(line);
        try
        {
            _output.WriteLine(line);
        }
        catch (InvalidOperationException)
        {
            // The test has finished; late shutdown lines only go to the captured list.
        }
    }
}
