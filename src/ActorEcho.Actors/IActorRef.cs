namespace ActorEcho.Actors;

/// <summary>
/// A handle to an actor. It is the only way to talk to an actor: messages sent with
/// <see cref="Tell"/> are queued in the actor's mailbox and processed one at a time.
/// Two references are equal exactly when they point at the same incarnation of an actor.
/// </summary>
public interface IActorRef
{
    /// <summary>The actor's place in the hierarchy, e.g. <c>actorecho://sys/user/listener/session-1</c>.</summary>
    ActorPath Path { get; }

    /// <summary>
    /// Sends <paramref name="message"/> asynchronously (fire and forget). The receiver sees
    /// <paramref name="sender"/> as <c>Sender</c>; pass <see cref="ActorRefs.NoSender"/> when there is none.
    /// Messages from one sender to one receiver arrive in the order they were sent.
    /// </summary>
    void Tell(object message, IActorRef? sender);
}
