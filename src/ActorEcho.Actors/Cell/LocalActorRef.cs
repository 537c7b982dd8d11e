namespace ActorEcho.Actors.Cell;

/// <summary>The reference to an actor living in this process: a thin handle on its cell.</summary>
internal sealed class LocalActorRef(ActorCell cell, ActorPath path) : IInternalActorRef
{
    public ActorCell Cell { get; } = cell;

    public ActorPath Path { get; } = path;

    public bool IsTerminated => Cell.IsClosed;

    public void Tell(object message, IActorRef? sender)
    {
        ArgumentNullException.ThrowIfNull(message);
        Cell.Post(new Envelope(message, sender));
    }

    public void SendSystemMessage(SystemMessage message) => Cell.PostSystem(message);

    public override string ToString() => $"[{Path}]";
}
