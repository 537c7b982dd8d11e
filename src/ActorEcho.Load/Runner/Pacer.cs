using System.Diagnostics;

namespace ActorEcho.Load.Runner;

/// <summary>
/// Spaces one client's requests <c>interval</c> apart on a fixed schedule, so a slow reply is
/// followed by a short pause rather than drifting the rate. A client that falls behind by more
/// than one interval does not burst to catch up.
/// </summary>
internal sealed class Pacer
{
    private readonly long _interval;
    private long _next;

    public Pacer(TimeSpan interval, TimeSpan initialOffset)
    {
        _interval = (long)(interval.TotalSeconds * Stopwatch.Frequency);
        _next = Stopwatch.GetTimestamp() + (long)(initialOffset.TotalSeconds * Stopwatch.Frequency);
    }

    public bool IsUnpaced => _interval <= 0;

    public ValueTask WaitAsync(CancellationToken cancel)
    {
        if (_interval <= 0)
        {
            return ValueTask.CompletedTask;
        }

        var now = Stopwatch.GetTimestamp();
        if (_next < now - _interval)
        {
            _next = now - _interval;
        }

        var due = _next;
        _next += _interval;
        if (due <= now)
        {
            return ValueTask.CompletedTask;
        }

        return new ValueTask(Task.Delay(Stopwatch.GetElapsedTime(now, due), cancel));
    }
}
