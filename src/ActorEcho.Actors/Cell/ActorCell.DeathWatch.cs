namespace ActorEcho.Actors.Cell;

// DeathWatch. Watching sends a Watch system message to the subject; a dead subject answers it at
// once. When an actor stops it sends DeathWatchNotification to its watchers and its parent; the
// watcher turns it into a Terminated user message, unless it unwatched in the meantime.
internal sealed partial class ActorCell
{
    private DeathWatchState? _watch;

    // Only the cell's own turn touches it (Watch/Unwatch calls and Watch/Unwatch system messages).
    private DeathWatchState WatchState => _watch ??= new DeathWatchState();

    public IActorRef Watch(IActorRef subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        if (ReferenceEquals(subject, _self))
        {
            return subject;
        }

        if (!WatchState.Watching.Add(subject))
        {
            return subject;
        }

        if (subject is IInternalActorRef target)
        {
            target.SendSystemMessage(new Watch(target, _self));
        }
        else
        {
            // Not a kernel reference (Nobody, say): it can never be alive, so it is already dead.
            PostSystem(new DeathWatchNotification(subject, existenceConfirmed: false));
        }

        return subject;
    }

    public IActorRef Unwatch(IActorRef subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var watch = _watch;
        if (watch is null)
        {
            return subject;
        }

        // Once the death notification has been processed the subject is no longer in Watching but
        // its Terminated may still be queued: drop it in either case, as the contract promises.
        watch.TerminatedQueued.Remove(subject);
        if (watch.Watching.Remove(subject) && subject is IInternalActorRef target)
        {
            target.SendSystemMessage(new Unwatch(target, _self));
        }

        return subject;
    }

    private void AddWatcher(Watch watch)
    {
        if (ReferenceEquals(watch.Watchee, _self) && !ReferenceEquals(watch.Watcher, _self))
        {
            WatchState.Watchers.Add(watch.Watcher);
        }
    }

    private void RemoveWatcher(Unwatch unwatch)
    {
        if (ReferenceEquals(unwatch.Watchee, _self) && _watch is { } watch)
        {
            watch.Watchers.Remove(unwatch.Watcher);
        }
    }

    private void HandleDeathWatchNotification(DeathWatchNotification notification)
    {
        var wasChild = RemoveChild(notification.Actor);
        if (_watch is { } watch && watch.Watching.Remove(notification.Actor))
        {
            watch.TerminatedQueued.Add(notification.Actor);
            EnqueueInternal(new Envelope(new Terminated(notification.Actor, notification.ExistenceConfirmed), notification.Actor));
        }

        if (!wasChild)
        {
            return;
        }

        // A stop that arrived while a restart waited for the old children wins: finishing the
        // restart would build a new instance and the stop would never complete.
        if (_terminating)
        {
            if (ChildCount == 0)
            {
                FinishTerminate();
            }
        }
        else if (_extras!.PendingRecreateCause is { } cause && _extras.StoppingCount == 0)
        {
            FinishRecreate(cause);
        }
    }

    private bool TakeQueuedTerminated(IActorRef actor) => _watch is { } watch && watch.TerminatedQueued.Remove(actor);

    /// <summary>Tells watchers and the parent that this actor has stopped; drops its own watches.</summary>
    private void NotifyDeath()
    {
        var extras = _extras;

        // Before anyone hears of the death: whoever reacts to it must not find the actor still
        // subscribed (an event published then would only become a dead letter).
        if (extras is { SubscribedToEventStream: true })
        {
            _system.EventStream.Unsubscribe(_self);
        }

        var watch = _watch;
        var parentIsWatcher = false;
        if (watch is not null)
        {
            foreach (var watcher in watch.Watchers)
            {
                parentIsWatcher |= ReferenceEquals(watcher, _parent);
                watcher.SendSystemMessage(new DeathWatchNotification(_self, existenceConfirmed: true));
            }

            watch.Watchers.Clear();
        }

        if (!parentIsWatcher)
        {
            _parent.SendSystemMessage(new DeathWatchNotification(_self, existenceConfirmed: true));
        }

        if (watch is not null)
        {
            foreach (var subject in watch.Watching)
            {
                if (subject is IInternalActorRef target)
                {
                    target.SendSystemMessage(new Unwatch(target, _self));
                }
            }

            watch.Watching.Clear();
        }
    }

    /// <summary>Marks this actor as an event-stream subscriber, so stopping unsubscribes it.</summary>
    internal void MarkSubscribed() => Extras.SubscribedToEventStream = true;

    /// <summary>Queues a kernel-generated user message (Terminated, ReceiveTimeout): never dropped by a bounded mailbox.</summary>
    private void EnqueueInternal(Envelope envelope)
    {
        if (_mailbox.Capacity > 0)
        {
            Interlocked.Increment(ref _userCount);
        }

        _mailbox.Enqueue(envelope);
        Schedule();
    }
}
