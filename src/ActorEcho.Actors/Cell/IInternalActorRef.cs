namespace ActorEcho.Actors.Cell;

/// <summary>What the kernel needs from a reference beyond <see cref="IActorRef.Tell"/>.</summary>
internal interface IInternalActorRef : IActorRef
{
    /// <summary>True once the actor has stopped for good.</summary>
    bool IsTerminated { get; }

    /// <summary>Delivers a system message (ahead of user messages).</summary>
    void SendSystemMessage(SystemMessage message);
}
