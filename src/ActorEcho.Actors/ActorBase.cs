using ActorEcho.Actors.Cell;
using ActorEcho.Actors.Supervision;

namespace ActorEcho.Actors;

/// <summary>
/// The base of every actor. An actor is created by the kernel from <see cref="Props"/> (never with
/// <c>new</c> by user code), processes one message at a time and owns its state outright.
/// Lifecycle hooks run in Akka's order: <see cref="PreStart"/>; on restart
/// <see cref="PreRestart"/> (old instance) then <see cref="PostRestart"/> (new instance);
/// <see cref="PostStop"/> when stopped.
/// </summary>
public abstract class ActorBase
{
    private readonly ActorCell _cell;

    /// <summary>Binds the instance to the cell that is creating it.</summary>
    protected ActorBase()
    {
        _cell = ActorCell.Creating
            ?? throw new ActorInitializationException(
                $"{GetType().Name} was created with 'new'; actors are created by the kernel: use ActorOf(Props.Create(...))");
    }

    /// <summary>This actor's context: its family, behaviour and timeouts.</summary>
    protected IActorContext Context => _cell;

    /// <summary>This actor.</summary>
    protected IActorRef Self => _cell.Self;

    /// <summary>The sender of the message being processed; dead letters when there is none.</summary>
    protected IActorRef Sender => _cell.Sender;

    internal ActorCell Cell => _cell;

    /// <summary>Called once the actor is created, before its first message.</summary>
    protected virtual void PreStart()
    {
    }

    /// <summary>Called after the actor stopped (its children have stopped first). No messages follow.</summary>
    protected virtual void PostStop()
    {
    }

    /// <summary>
    /// Called on the failed instance before it is replaced. The default stops every child and calls
    /// <see cref="PostStop"/>. <paramref name="message"/> is the message that was being processed, if any.
    /// </summary>
    protected virtual void PreRestart(Exception reason, object? message)
    {
        foreach (var child in _cell.Children)
        {
            _cell.Unwatch(child);
            _cell.Stop(child);
        }

        PostStop();
    }

    /// <summary>Called on the new instance after a restart. The default calls <see cref="PreStart"/>.</summary>
    protected virtual void PostRestart(Exception reason) => PreStart();

    /// <summary>How this actor supervises its children. Called once per instance; the default is <see cref="SupervisorStrategy.DefaultStrategy"/>.</summary>
    protected virtual SupervisorStrategy SupervisorStrategy() => Supervision.SupervisorStrategy.DefaultStrategy;

    /// <summary>
    /// Called for a message the current behaviour did not handle. The default fails the actor with
    /// <see cref="DeathPactException"/> for an unhandled <see cref="Terminated"/> and publishes
    /// <see cref="Events.UnhandledMessage"/> on the event stream for anything else.
    /// </summary>
    protected virtual void Unhandled(object message)
    {
        if (message is Terminated terminated)
        {
            throw new DeathPactException(terminated.ActorRef);
        }

        _cell.PublishUnhandled(message);
    }

    /// <summary>The behaviour this actor starts with (and returns to after a restart).</summary>
    internal abstract Receive InitialBehavior();

    internal void InvokePreStart() => PreStart();

    internal void InvokePostStop() => PostStop();

    internal void InvokePreRestart(Exception reason, object? message) => PreRestart(reason, message);

    internal void InvokePostRestart(Exception reason) => PostRestart(reason);

    internal void InvokeUnhandled(object message) => Unhandled(message);

    internal SupervisorStrategy InvokeSupervisorStrategy() => SupervisorStrategy();
}
