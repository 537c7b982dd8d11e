using ActorEcho.Actors.Supervision;

namespace ActorEcho.Actors.Cell;

/// <summary>
/// The three guardians: <c>/</c> (root), <c>/user</c> (parent of <c>system.ActorOf</c> actors)
/// and <c>/system</c> (parent of kernel services such as the socket managers). Shutdown runs down
/// the chain of watches: when <c>/user</c> stops, <c>/system</c> stops; when <c>/system</c> stops,
/// the root stops — so user actors always stop before the services they use.
/// </summary>
internal sealed class GuardianActor(Func<IActorRef?> watched, SupervisorStrategy strategy) : ActorBase
{
    private IActorRef? _watched;

    protected override void PreStart()
    {
        _watched = watched();
        if (_watched is not null)
        {
            Context.Watch(_watched);
        }
    }

    protected override SupervisorStrategy SupervisorStrategy() => strategy;

    protected override void PreRestart(Exception reason, object? message)
    {
        // Guardians are stopped, never restarted, by their supervisor (root strategy is Stop).
    }

    internal override Receive InitialBehavior() => message =>
    {
        if (message is Terminated t && ReferenceEquals(t.ActorRef, _watched))
        {
            Context.Stop(Self);
            return true;
        }

        // A Terminated for something else (a watched top-level actor) is not a death pact here.
        return message is Terminated;
    };
}
