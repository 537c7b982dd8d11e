namespace ActorEcho.Actors.Cell;

// Receive timeout without a timer per message: the cell records the time of the last message
// and keeps one timer; when it fires, the cell checks how long it has really been idle and either
// delivers ReceiveTimeout or re-arms for the remainder. A busy actor thus costs one clock read
// per message, not a timer cancel-and-create.
internal sealed partial class ActorCell
{
    public TimeSpan? ReceiveTimeout => _extras?.ReceiveTimeout;

    public void SetReceiveTimeout(TimeSpan? timeout)
    {
        if (timeout is { } t && (t <= TimeSpan.Zero || t == Timeout.InfiniteTimeSpan))
        {
            timeout = null;
        }

        if (timeout is null && _extras?.ReceiveTimeout is null)
        {
            return;
        }

        CancelReceiveTimeout();
        if (timeout is { } value)
        {
            var extras = Extras;
            extras.ReceiveTimeout = value;
            extras.LastActivity = _system.Scheduler.MonotonicClock;
            ArmReceiveTimeout(value);
        }
    }

    private void ArmReceiveTimeout(TimeSpan delay)
    {
        var extras = Extras;
        var generation = extras.ReceiveTimeoutGeneration;
        extras.ReceiveTimeoutTimer = _system.Scheduler.ScheduleOnce(delay, () => PostSystem(new ReceiveTimeoutTick(generation)));
    }

    private void HandleReceiveTimeoutTick(long generation)
    {
        var extras = _extras;
        if (extras?.ReceiveTimeout is not { } timeout || generation != extras.ReceiveTimeoutGeneration)
        {
            return;
        }

        var now = _system.Scheduler.MonotonicClock;
        if (extras.HeldTask is not null)
        {
            // Busy in a ReceiveAsync handler, not idle: the idle period starts when it completes.
            ArmReceiveTimeout(timeout);
            return;
        }

        var idle = now - extras.LastActivity;
        if (idle >= timeout)
        {
            EnqueueInternal(new Envelope(Actors.ReceiveTimeout.Instance, null));
            extras.LastActivity = now;
            ArmReceiveTimeout(timeout);
        }
        else
        {
            ArmReceiveTimeout(timeout - idle);
        }
    }

    private void CancelReceiveTimeout()
    {
        if (_extras is { } extras)
        {
            extras.ReceiveTimeoutTimer?.Cancel();
            extras.ReceiveTimeoutTimer = null;
            extras.ReceiveTimeout = null;
            extras.ReceiveTimeoutGeneration++;
        }
    }
}
