using ActorEcho.Actors.Logging;
using ActorEcho.Actors.Supervision;

namespace ActorEcho.Actors.Cell;

// Failure and supervision. A failing actor suspends itself (and its children), remembers the
// message it failed on and asks its parent. The parent's strategy picks a directive; the
// directive comes back as a system message (Resume / Recreate / Terminate). Escalate makes the
// parent fail in turn with the same cause.
internal sealed partial class ActorCell
{
    private void HandleInvokeFailure(Exception cause, IActorRef? perpetrator = null)
    {
        if (_terminating)
        {
            // Nobody to ask: the actor is on its way out already.
            LogHookFailure(cause, "message handling while stopping");
            return;
        }

        var extras = Extras;
        if (!extras.IsFailed)
        {
            extras.IsFailed = true;
            extras.FailedMessage = perpetrator is null ? _mailbox.Current.Message : null;
            extras.Perpetrator = perpetrator;
            SuspendSelfAndChildren(exceptChild: perpetrator);
        }

        _parent.SendSystemMessage(new Failed(_self, cause));
    }

    private void SuspendSelfAndChildren(IActorRef? exceptChild)
    {
        _suspendCount++;
        foreach (var child in LiveChildren())
        {
            if (!ReferenceEquals(child, exceptChild))
            {
                child.SendSystemMessage(new Suspend());
            }
        }
    }

    private void FaultResume(Exception? causedByFailure)
    {
        if (causedByFailure is not null && _actor is null)
        {
            // There is no instance to resume (creation failed): resuming means creating one.
            FaultRecreate(causedByFailure);
            return;
        }

        var perpetrator = _extras?.Perpetrator;
        if (causedByFailure is not null)
        {
            ClearFailed();
        }

        _suspendCount = Math.Max(0, _suspendCount - 1);
        foreach (var child in LiveChildren())
        {
            // The child we escalated for was suspended by its own failure, so it gets the cause.
            child.SendSystemMessage(new Resume(ReferenceEquals(child, perpetrator) ? causedByFailure : null));
        }
    }

    private void ClearFailed()
    {
        if (_extras is { } extras)
        {
            extras.IsFailed = false;
            extras.FailedMessage = null;
            extras.Perpetrator = null;
        }
    }

    private void ClearFailedAndResume()
    {
        ClearFailed();
        _suspendCount = Math.Max(0, _suspendCount - 1);
    }

    private void HandleChildFailed(Failed failed)
    {
        if (FindChild(failed.Child, activeOnly: true) is not { } child)
        {
            // A failure from a child we already stopped (or never had) needs no decision.
            return;
        }

        var strategy = Strategy();
        Directive directive;
        try
        {
            directive = strategy.Decider(failed.Cause);
        }
        catch (Exception e)
        {
            LogHookFailure(e, "SupervisorStrategy.Decider");
            directive = Directive.Escalate;
        }

        var all = ChildStats();
        var stats = ChildStatsOf(child);
        switch (directive)
        {
            case Directive.Resume:
                LogFailure(strategy, failed, directive.ToString(), resumed: true);
                ((IInternalActorRef)failed.Child).SendSystemMessage(new Resume(failed.Cause));
                break;
            case Directive.Restart:
                var now = _system.Scheduler.MonotonicClock;
                var allowed = strategy.StatsToCharge(stats, all)
                    .All(s => s.RequestRestartPermission(strategy.MaxNumberOfRetries, strategy.WithinTimeRange, now));
                LogFailure(strategy, failed, allowed ? "Restart" : "Stop (restart budget spent)", resumed: false);
                strategy.ProcessFailure(this, allowed, stats, failed.Cause, all);
                break;
            case Directive.Stop:
                LogFailure(strategy, failed, "Stop", resumed: false);
                strategy.ProcessFailure(this, restart: false, stats, failed.Cause, all);
                break;
            default:
                LogFailure(strategy, failed, "Escalate", resumed: false);
                HandleInvokeFailure(failed.Cause, perpetrator: failed.Child);
                break;
        }
    }

    private void LogFailure(SupervisorStrategy strategy, Failed failed, string directive, bool resumed)
    {
        if (!strategy.LoggingEnabled)
        {
            return;
        }

        if (resumed)
        {
            KernelLog.ChildFailedResumed(_system.KernelLogger, failed.Cause, failed.Child.Path.ToString(), _self.Path.ToString(), directive);
        }
        else
        {
            KernelLog.ChildFailed(_system.KernelLogger, failed.Cause, failed.Child.Path.ToString(), _self.Path.ToString(), directive);
        }
    }

    /// <summary>Restarts a child (strategies call this). Siblings of an all-for-one restart are suspended first.</summary>
    internal static void RestartChild(IActorRef child, Exception cause, bool suspendFirst)
    {
        var target = (IInternalActorRef)child;
        if (suspendFirst)
        {
            target.SendSystemMessage(new Suspend());
        }

        target.SendSystemMessage(new Recreate(cause));
    }
}
