namespace ActorEcho.Actors.Cell;

// Creating, restarting and stopping the actor instance, in Akka's order:
// create: constructor, PreStart. Restart: PreRestart (old), wait for the old children to stop,
// constructor, PostRestart (new). Stop: children stop first, then PostStop, then the watchers
// and the parent are told.
internal sealed partial class ActorCell
{
    private void CreateActor()
    {
        try
        {
            NewActorInstance();
            _actor!.InvokePreStart();
        }
        catch (Exception e)
        {
            ClearActor();
            HandleInvokeFailure(new ActorInitializationException(_self, "exception during creation", e));
        }
    }

    /// <summary>Stands in for the initial behaviour while the constructor runs; never invoked.</summary>
    private static readonly Receive InitialPlaceholder = static _ =>
        throw new InvalidOperationException("the initial behaviour was used before the actor instance existed");

    private void NewActorInstance()
    {
        // A constructor may call Become or BecomeStacked (a state machine choosing its first
        // state). Until the instance exists its initial behaviour is unknown, so a shared
        // placeholder stands in for it and is swapped for the real one afterwards: what the
        // constructor chose then wins, and a behaviour it stacked unbecomes to the initial one.
        // (Shared, not a closure per actor: this runs for every actor created.)
        _behavior = InitialPlaceholder;
        if (_extras is not null)
        {
            _extras.Strategy = null;
            _extras.BehaviorStack?.Clear();
        }

        var previous = t_creating;
        t_creating = this;
        ActorBase actor;
        try
        {
            actor = Props.Factory();
        }
        finally
        {
            t_creating = previous;
        }

        if (!ReferenceEquals(actor.Cell, this))
        {
            throw new ActorInitializationException(_self, "the props factory returned an actor that was not created for this cell (create it inside the factory, do not reuse an instance)", null);
        }

        _actor = actor;
        var initial = actor.InitialBehavior();
        if (ReferenceEquals(_behavior, InitialPlaceholder))
        {
            _behavior = initial;
        }

        if (_extras?.BehaviorStack is { Count: > 0 } stacked)
        {
            // Stack enumerates top first; push back bottom first.
            var entries = stacked.ToArray();
            stacked.Clear();
            for (var i = entries.Length - 1; i >= 0; i--)
            {
                stacked.Push(ReferenceEquals(entries[i], InitialPlaceholder) ? initial : entries[i]);
            }
        }

        if (actor is Stashing.IWithStash withStash)
        {
            // One stash per cell: messages stashed by the old instance are unstashed for the new one.
            withStash.Stash = Extras.Stash ??= new Stashing.ActorStash(this);
        }

        if (actor is Timers.IWithTimers withTimers)
        {
            withTimers.Timers = Extras.Timers = new Timers.TimerScheduler(this);
        }
    }

    private void ClearActor()
    {
        _actor = null;
        _behavior = null;
    }

    private void FaultRecreate(Exception cause)
    {
        if (_terminating)
        {
            return;
        }

        if (_actor is null)
        {
            // Creation itself failed: build a first instance (PreStart, not PostRestart).
            ClearFailedAndResume();
            CreateActor();
            return;
        }

        var actor = _actor;
        var failedMessage = _extras?.FailedMessage;
        _extras?.Timers?.CancelAll();
        // The new instance gets the stashed messages first.
        _extras?.Stash?.UnstashAll();
        CancelReceiveTimeout();
        try
        {
            actor.InvokePreRestart(cause, failedMessage);
        }
        catch (Exception e)
        {
            LogHookFailure(e, "PreRestart");
        }

        ClearActor();

        // The new instance starts with the mailbox open: a ReceiveAsync task of the old one no
        // longer holds it (it may never complete), and a fresh synchronization context makes the
        // old task's continuations recognisable, so they are dropped.
        if (_extras is { } extras)
        {
            extras.HeldTask = null;
            extras.SyncContext = null;
        }

        if (Extras.StoppingCount > 0)
        {
            Extras.PendingRecreateCause = cause;
        }
        else
        {
            FinishRecreate(cause);
        }
    }

    private void FinishRecreate(Exception cause)
    {
        Extras.PendingRecreateCause = null;
        ClearFailedAndResume();
        try
        {
            NewActorInstance();
            _actor!.InvokePostRestart(cause);
        }
        catch (Exception e)
        {
            ClearActor();
            HandleInvokeFailure(new ActorInitializationException(_self, "exception during restart", e));
            return;
        }

        // Children the old instance kept (its PreRestart did not stop them) are restarted too.
        foreach (var child in LiveChildren())
        {
            child.SendSystemMessage(new Recreate(cause));
        }
    }

    private void HandleTerminate()
    {
        if (_terminating)
        {
            return;
        }

        _terminating = true;
        CancelReceiveTimeout();
        foreach (var child in LiveChildren())
        {
            StopChild(child);
        }

        if (ChildCount == 0)
        {
            FinishTerminate();
        }
    }

    private void FinishTerminate()
    {
        var actor = _actor;
        try
        {
            actor?.InvokePostStop();
        }
        catch (Exception e)
        {
            LogHookFailure(e, "PostStop");
        }
        finally
        {
            _extras?.Timers?.CancelAll();
            _extras?.Stash?.DiscardToDeadLetters();
            ClearActor();
            _closed = true;
            NotifyDeath();
        }
    }
}
