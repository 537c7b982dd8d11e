using System.Globalization;
using System.Text;
using ActorEcho.Actors.Events;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace ActorEcho.TestKit.Logging;

/// <summary>
/// Where a TestKit's log events and dead letters go: active event filters see them first (and
/// intercept those they match); everything else is written to the test's output.
/// </summary>
internal sealed class TestLogSink(ITestOutputHelper? output, LogLevel minimumLevel)
{
    private readonly object _gate = new();
    private const int RememberedReplies = 3;
    private readonly Queue<DeadLetter> _lostReplies = new();
    private ActiveFilter[] _filters = [];

    public LogLevel MinimumLevel => minimumLevel;

    public ActiveFilter Activate(EventMatcher matcher, bool intercept)
    {
        var active = new ActiveFilter(matcher, intercept);
        lock (_gate)
        {
            _filters = [.. _filters, active];
        }

        return active;
    }

    public void Deactivate(ActiveFilter filter)
    {
        lock (_gate)
        {
            _filters = Array.FindAll(_filters, f => !ReferenceEquals(f, filter));
        }
    }

    public void Record(LogEvent logEvent)
    {
        if (!Offer(f => f.Matcher.IsMatch(logEvent)))
        {
            Write(Render(logEvent));
        }
    }

    public void Record(DeadLetter letter, bool isLostReply)
    {
        // Dead letters are counted here; the kernel's own log line about them is a separate event.
        Offer(f => f.Matcher.IsMatch(letter));

        if (isLostReply)
        {
            lock (_lostReplies)
            {
                _lostReplies.Enqueue(letter);
                if (_lostReplies.Count > RememberedReplies)
                {
                    _lostReplies.Dequeue();
                }
            }
        }
    }

    /// <summary>The last few replies that went to dead letters because their request had no sender.</summary>
    public IReadOnlyList<DeadLetter> LostReplies()
    {
        lock (_lostReplies)
        {
            return [.. _lostReplies];
        }
    }

    public void Write(string line)
    {
        if (output is null)
        {
            return;
        }

        try
        {
            output.WriteLine(line);
        }
        catch (InvalidOperationException)
        {
            // The test has finished (xunit refuses output then); late actor logs are not its business.
        }
    }

    private static string Render(LogEvent e)
    {
        var sb = new StringBuilder(128);
        sb.Append(e.Timestamp.ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture))
            .Append(" [").Append(Abbreviation(e.Level)).Append("] ")
            .Append(e.Category);
        if (e.EventId.Id != 0)
        {
            sb.Append('[').Append(e.EventId.Id.ToString(CultureInfo.InvariantCulture)).Append(']');
        }

        if (e.ActorPath is not null)
        {
            sb.Append(" [").Append(e.ActorPath).Append(']');
        }

        sb.Append(": ").Append(e.Message);
        if (e.Exception is not null)
        {
            sb.AppendLine().Append(e.Exception);
        }

        return sb.ToString();
    }

    private static string Abbreviation(LogLevel level) => level switch
    {
        LogLevel.Trace => "TRC",
        LogLevel.Debug => "DBG",
        LogLevel.Information => "INF",
        LogLevel.Warning => "WRN",
        LogLevel.Error => "ERR",
        LogLevel.Critical => "CRT",
        _ => level.ToString(),
    };

    private bool Offer(Func<ActiveFilter, bool> matches)
    {
        var intercepted = false;
        foreach (var filter in Volatile.Read(ref _filters))
        {
            if (matches(filter))
            {
                filter.Increment();
                intercepted |= filter.Intercepts;
            }
        }

        return intercepted;
    }
}
