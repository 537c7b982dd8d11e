namespace ActorEcho.Actors.Cell;

/// <summary><c>system.DeadLetters</c>: everything told to it is published as a dead letter.</summary>
internal sealed class DeadLetterActorRef(ActorSystem system, ActorPath path) : IInternalActorRef
{
    public ActorPath Path { get; } = path;

    public bool IsTerminated => false;

    public ActorSystem System { get; } = system;

    public void Tell(object message, IActorRef? sender)
    {
        ArgumentNullException.ThrowIfNull(message);
        System.PublishDeadLetter(message, sender, this);
    }

    public void SendSystemMessage(SystemMessage message)
    {
        if (message is Watch w)
        {
            // Dead letters never "die", but watching it is meaningless: answer like a dead actor.
            w.Watcher.SendSystemMessage(new DeathWatchNotification(this, existenceConfirmed: false));
        }
    }

    public override string ToString() => $"[{Path}]";
}
