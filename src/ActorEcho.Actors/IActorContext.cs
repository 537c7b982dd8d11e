using Microsoft.Extensions.Logging;

namespace ActorEcho.Actors;

/// <summary>
/// What an actor can see and do about itself while it processes a message: its identity, its
/// family, its behaviour and its timeouts. Only valid on the actor's own turn.
/// </summary>
public interface IActorContext
{
    /// <summary>This actor.</summary>
    IActorRef Self { get; }

    /// <summary>The sender of the message being processed; dead letters when there is none.</summary>
    IActorRef Sender { get; }

    /// <summary>The supervisor.</summary>
    IActorRef Parent { get; }

    /// <summary>The live children (a snapshot).</summary>
    IReadOnlyCollection<IActorRef> Children { get; }

    /// <summary>The system this actor belongs to.</summary>
    ActorSystem System { get; }

    /// <summary>The props this actor was created from.</summary>
    Props Props { get; }

    /// <summary>The receive timeout in force, if any.</summary>
    TimeSpan? ReceiveTimeout { get; }

    /// <summary>The child called <paramref name="name"/>, or null.</summary>
    IActorRef? Child(string name);

    /// <summary>Creates and supervises a child. Names must be unique among siblings and not start with <c>$</c>.</summary>
    IActorRef ActorOf(Props props, string? name = null);

    /// <summary>Stops a child, or this actor itself; any other actor is stopped as by <c>ActorSystem.Stop</c>.</summary>
    void Stop(IActorRef actor);

    /// <summary>
    /// Watches <paramref name="subject"/>: a <see cref="Terminated"/> arrives when it stops, or at
    /// once if it is already dead. Watching twice is the same as once.
    /// </summary>
    IActorRef Watch(IActorRef subject);

    /// <summary>Stops watching; a <see cref="Terminated"/> already queued for it is discarded.</summary>
    IActorRef Unwatch(IActorRef subject);

    /// <summary>Replaces the current behaviour.</summary>
    void Become(Receive receive);

    /// <summary>Pushes a behaviour; <see cref="UnbecomeStacked"/> returns to the previous one.</summary>
    void BecomeStacked(Receive receive);

    /// <summary>Pops the behaviour pushed last (the initial behaviour is never popped).</summary>
    void UnbecomeStacked();

    /// <summary>
    /// Sends <see cref="Actors.ReceiveTimeout"/> to this actor after <paramref name="timeout"/> with no
    /// message, and again every <paramref name="timeout"/> while idle. Null turns it off.
    /// </summary>
    void SetReceiveTimeout(TimeSpan? timeout);

    /// <summary>A logger for this actor: category is the actor's type, every event carries its path.</summary>
    ILogger GetLogger();
}
