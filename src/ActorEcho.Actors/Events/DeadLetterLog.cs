using ActorEcho.Actors.Logging;

namespace ActorEcho.Actors.Events;

/// <summary>
/// Logs dead letters with a rate limit: the first <c>log-dead-letters</c> are logged, then logging
/// pauses for <c>log-dead-letters-suspend-duration</c> (one line says so) and starts counting
/// again. A flood of undeliverable messages must not become a flood of log lines.
/// </summary>
internal sealed class DeadLetterLog(ActorSystem system)
{
    private readonly object _gate = new();
    private long _total;
    private int _loggedInBurst;
    private TimeSpan _suspendedUntil = TimeSpan.MinValue;

    public long Total => Interlocked.Read(ref _total);

    public void Record(DeadLetter letter)
    {
        var total = Interlocked.Increment(ref _total);
        var settings = system.Settings;
        if (settings.LogDeadLetters <= 0 || letter.Message is IDeadLetterSuppression
            || (system.IsTerminating && !settings.LogDeadLettersDuringShutdown)
            || !system.KernelLogger.IsEnabled(Microsoft.Extensions.Logging.LogLevel.Information))
        {
            return;
        }

        var now = system.Scheduler.MonotonicClock;
        lock (_gate)
        {
            if (now < _suspendedUntil)
            {
                return;
            }

            if (_loggedInBurst >= settings.LogDeadLetters)
            {
                _loggedInBurst = 0;
            }

            _loggedInBurst++;
            KernelLog.DeadLetter(system.KernelLogger, letter.Message.GetType().Name, letter.Sender?.Path.ToString() ?? "NoSender", letter.Recipient.Path.ToString(), total);
            if (_loggedInBurst >= settings.LogDeadLetters)
            {
                _suspendedUntil = now + settings.LogDeadLettersSuspendDuration;
                KernelLog.DeadLettersSuspended(system.KernelLogger, settings.LogDeadLettersSuspendDuration, settings.LogDeadLetters, total);
            }
        }
    }
}
