namespace ActorEcho.Actors.Cell;

// Receive timeout without a timer per message: the cell records the time of the last message
// and keeps one timer; when it fires, the cell checks how long it has really been idle and either
// delivers ReceiveTimeout or re-arms for the remainder. A busy actor thus costs one clock read
// per message, not a timer cancel-and-create.
internal sealed partial class ActorCell
{
    private ReceiveTimeoutState? _receiveTimeout;

    public TimeSpan? ReceiveTimeout => _receiveTimeout?.Timeout;

    public void SetReceiveTimeout(TimeSpan? timeout)
    {
        if (timeout is { } t && (t <= TimeSpan.Zero || t == Timeout.InfiniteTimeSpan))
        {
            timeout = null;
        }

        if (timeout is null && _receiveTimeout?.Timeout is null)
        {
            return;
        }

        CancelReceiveTimeout();
        if (timeout is { } value)
        {
            var state = _receiveTimeout ??= new ReceiveTimeoutState();
            state.Timeout = value;
            state.LastActivity = _system.Scheduler.MonotonicClock;
            ArmReceiveTimeout(state, value);
        }
    }

    /// <summary>Records activity for the receive timeout after <paramref name="message"/> was handled.</summary>
    private void NoteReceiveTimeoutActivity(object? message)
    {
        if (_receiveTimeout is { Timeout: not null } state && message is not INotInfluenceReceiveTimeout)
        {
            state.LastActivity = _system.Scheduler.MonotonicClock;
        }
    }

    private void ArmReceiveTimeout(ReceiveTimeoutState state, TimeSpan delay)
    {
        var generation = state.Generation;
        state.Timer = _system.Scheduler.ScheduleOnce(delay, () => PostSystem(new ReceiveTimeoutTick(generation)));
    }

    private void HandleReceiveTimeoutTick(long generation)
    {
        var state = _receiveTimeout;
        if (state?.Timeout is not { } timeout || generation != state.Generation)
        {
            return;
        }

        var now = _system.Scheduler.MonotonicClock;
        if (_extras?.HeldTask is not null)
        {
            // Busy in a ReceiveAsync handler, not idle: the idle period starts when it completes.
            ArmReceiveTimeout(state, timeout);
            return;
        }

        var idle = now - state.LastActivity;
        if (idle >= timeout)
        {
            EnqueueInternal(new Envelope(Actors.ReceiveTimeout.Instance, null));
            state.LastActivity = now;
            ArmReceiveTimeout(state, timeout);
        }
        else
        {
            ArmReceiveTimeout(state, timeout - idle);
        }
    }

    private void CancelReceiveTimeout()
    {
        if (_receiveTimeout is { } state)
        {
            state.Timer?.Cancel();
            state.Timer = null;
            state.Timeout = null;
            state.Generation++;
        }
    }
}
