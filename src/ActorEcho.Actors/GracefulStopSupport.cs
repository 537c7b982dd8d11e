using ActorEcho.Actors.Cell;

namespace ActorEcho.Actors;

/// <summary>Stop an actor and wait until it has really stopped.</summary>
public static class GracefulStopSupport
{
    /// <summary>
    /// Sends <paramref name="stopMessage"/> (default <see cref="PoisonPill"/>) and completes with
    /// true once the actor has stopped (its PostStop has run and its children are gone), or with
    /// false if it has not stopped within <paramref name="timeout"/>.
    /// </summary>
    public static async Task<bool> GracefulStop(this IActorRef target, TimeSpan timeout, object? stopMessage = null)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (target is not IInternalActorRef internalTarget || ActorSystem.Of(target) is not { } system)
        {
            throw new ArgumentException($"GracefulStop needs a reference to an actor of an ActorEcho system; {target} is not one", nameof(target));
        }

        var promise = new PromiseActorRef(system.NextTempPath());
        internalTarget.SendSystemMessage(new Watch(internalTarget, promise));
        target.Tell(stopMessage ?? PoisonPill.Instance, null);
        var timer = system.Scheduler.ScheduleOnce(timeout, () => promise.Tell(TimedOut.Instance, null));
        var result = await promise.Task.ConfigureAwait(false);
        timer.Cancel();
        if (result is Terminated)
        {
            return true;
        }

        internalTarget.SendSystemMessage(new Unwatch(internalTarget, promise));
        return false;
    }

    private sealed class TimedOut
    {
        public static readonly TimedOut Instance = new();
    }
}
