using ActorEcho.Actors.Cell;

namespace ActorEcho.Actors;

/// <summary>Tell with an implicit sender, and Forward.</summary>
public static class ActorRefExtensions
{
    /// <summary>
    /// Sends <paramref name="message"/> with the current actor as sender when called from inside an
    /// actor, and with <see cref="ImplicitSender.Current"/> (usually none; the TestKit's TestActor in
    /// tests) otherwise.
    /// </summary>
    public static void Tell(this IActorRef receiver, object message)
    {
        ArgumentNullException.ThrowIfNull(receiver);
        receiver.Tell(message, ActorCell.Current?.Self ?? ImplicitSender.Current);
    }

    /// <summary>Sends <paramref name="message"/> keeping the original sender of the message being processed.</summary>
    public static void Forward(this IActorRef receiver, object message)
    {
        ArgumentNullException.ThrowIfNull(receiver);
        receiver.Tell(message, ActorCell.Current?.CurrentEnvelope.Sender);
    }
}
