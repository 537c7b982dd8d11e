using ActorEcho.Actors.Events;
using ActorEcho.Actors.Logging;
using ActorEcho.Actors.Timers;

namespace ActorEcho.Actors.Cell;

// User messages: the auto-received ones (PoisonPill, Kill, Terminated, timer ticks) and the rest,
// which go to the current behaviour; behaviour switching; ReceiveAsync's mailbox hold.
internal sealed partial class ActorCell
{
    private void Invoke(Envelope envelope)
    {
        // Storing references into the cell costs a GC write barrier each; a singleton message from
        // the same sender as the last one (ticks, acks, a stream of one message type) needs none.
        ref var current = ref _mailbox.Current;
        if (!ReferenceEquals(current.Message, envelope.Message) || !ReferenceEquals(current.Sender, envelope.Sender))
        {
            current = envelope;
        }

        var message = envelope.Message;
        try
        {
            switch (message)
            {
                case PoisonPill:
                    HandleTerminate();
                    return;
                case Kill:
                    throw new ActorKilledException("Kill");
                case Terminated terminated when !TakeQueuedTerminated(terminated.ActorRef):
                    // Unwatched after the notification was queued: Akka semantics say drop it.
                    return;
                case TimerMessage timer:
                    if (_extras?.Timers is not { } timers || !timers.TryAccept(timer, out message))
                    {
                        return;
                    }

                    _mailbox.Current = new Envelope(message, envelope.Sender);
                    break;
                default:
                    break;
            }

            if (!_behavior!(message))
            {
                _actor!.InvokeUnhandled(message);
            }

            NoteReceiveTimeoutActivity(message);
        }
        catch (Exception e)
        {
            HandleInvokeFailure(e);
        }
    }

    public void Become(Receive receive)
    {
        ArgumentNullException.ThrowIfNull(receive);
        _behavior = receive;
    }

    public void BecomeStacked(Receive receive)
    {
        ArgumentNullException.ThrowIfNull(receive);
        (Extras.BehaviorStack ??= new()).Push(_behavior!);
        _behavior = receive;
    }

    /// <summary>Whether a BecomeStacked is waiting to be unbecome (owner thread only).</summary>
    internal bool HasStackedBehaviors => _extras?.BehaviorStack is { Count: > 0 };

    public void UnbecomeStacked()
    {
        if (_extras?.BehaviorStack is { Count: > 0 } stack)
        {
            _behavior = stack.Pop();
        }
    }

    internal void PublishUnhandled(object message)
    {
        var sender = _mailbox.Current.Sender;
        _system.EventStream.Publish(new UnhandledMessage(message, sender, _self));
        if (_system.Settings.DebugUnhandled)
        {
            KernelLog.Unhandled(_system.KernelLogger, _self.Path.ToString(), message.GetType().Name, sender?.Path.ToString() ?? "NoSender");
        }
    }

    /// <summary>
    /// Runs an async handler with the actor's synchronization context, so its continuations come
    /// back through the mailbox; holds user messages until the returned task completes.
    /// </summary>
    internal void RunAsync(Func<object?, Task> handler, object? state)
    {
        var extras = Extras;
        var context = extras.SyncContext ??= new ActorSynchronizationContext(this);
        var previous = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(context);
        Task task;
        try
        {
            task = handler(state);
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(previous);
        }

        if (task.IsCompleted)
        {
            // Completed synchronously: surface a failure right here, as a plain handler would.
            task.GetAwaiter().GetResult();
            return;
        }

        extras.HeldTask = task;
        task.ContinueWith(
            static (t, s) => ((ActorCell)s!).PostSystem(new AsyncTaskCompleted(t)),
            this,
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    private void RunContinuationInActor(RunContinuation continuation)
    {
        if (!ReferenceEquals(continuation.Context, _extras?.SyncContext))
        {
            // Posted by the handler of an instance that has since been replaced by a restart: its
            // task is abandoned, and its code must not run against the new instance.
            return;
        }

        var previous = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(continuation.Context);
        try
        {
            // Exceptions inside an async method land in its task, not here; the task's
            // completion message reports them.
            continuation.Callback(continuation.State);
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(previous);
        }
    }

    private void HandleAsyncCompleted(Task task)
    {
        if (_extras is null || !ReferenceEquals(_extras.HeldTask, task))
        {
            return;
        }

        _extras.HeldTask = null;
        // The handler was working until now: idleness is measured from its end.
        NoteReceiveTimeoutActivity(_mailbox.Current.Message);

        if (task.IsFaulted)
        {
            var cause = task.Exception!.InnerExceptions.Count == 1 ? task.Exception.InnerException! : task.Exception;
            HandleInvokeFailure(cause);
        }
        else if (task.IsCanceled)
        {
            HandleInvokeFailure(new TaskCanceledException(task));
        }
    }
}
