namespace ActorEcho.Actors.Cell;

// DeathWatch. Watching sends a Watch system message to the subject; a dead subject answers it at
// once. When an actor stops it sends DeathWatchNotification to its watchers and its parent; the
// watcher turns it into a Terminated user message, unless it unwatched in the meantime.
internal sealed partial class ActorCell
{
    public IActorRef Watch(IActorRef subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        if (ReferenceEquals(subject, _self))
        {
            return subject;
        }

        if (!Extras.Watching.Add(subject))
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
        var extras = _extras;
        if (extras is null)
        {
            return subject;
        }

        // Once the death notification has been processed the subject is no longer in Watching but
        // its Terminated may still be queued: drop it in either case, as the contract promises.
        extras.TerminatedQueued.Remove(subject);
        if (extras.Watching.Remove(subject) && subject is IInternalActorRef target)
        {
            target.SendSystemMessage(new Unwatch(target, _self));
        }

        return subject;
    }

    private void AddWatcher(Watch watch)
    {
        if (ReferenceEquals(watch.Watchee, _self) && !ReferenceEquals(watch.Watcher, _self))
        {
            Extras.Watchers.Add(watch.Watcher);
        }
    }

    private void RemoveWatcher(Unwatch unwatch)
    {
        if (ReferenceEquals(unwatch.Watchee, _self) && _extras is { } extras)
        {
            extras.Watchers.Remove(unwatch.Watcher);
        }
    }

    private void HandleDeathWatchNotification(DeathWatchNotification notification)
    {
        var wasChild = RemoveChild(notification.Actor);
        if (_extras is { } extras && extras.Watching.Remove(notification.Actor))
        {
            extras.TerminatedQueued.Add(notification.Actor);
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
        else if (_extras!.PendingRecreateCause is { } cause && _extras.StoppingChildren == 0)
        {
            FinishRecreate(cause);
        }
    }

    private bool TakeQueuedTerminated(IActorRef actor) => _extras is { } extras && extras.TerminatedQueued.Remove(actor);

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

        var parentIsWatcher = false;
        if (extras is not null)
        {
            foreach (var watcher in extras.Watchers)
            {
                parentIsWatcher |= ReferenceEquals(watcher, _parent);
                watcher.SendSystemMessage(new DeathWatchNotification(_self, existenceConfirmed: true));
            }

            extras.Watchers.Clear();
        }

        if (!parentIsWatcher)
        {
            _parent.SendSystemMessage(new DeathWatchNotification(_self, existenceConfirmed: true));
        }

        if (extras is not null)
        {
            foreach (var subject in extras.Watching)
            {
                if (subject is IInternalActorRef target)
                {
                    target.SendSystemMessage(new Unwatch(target, _self));
                }
            }

            extras.Watching.Clear();
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
