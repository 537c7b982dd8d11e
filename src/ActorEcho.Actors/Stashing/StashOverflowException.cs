namespace ActorEcho.Actors.Stashing;

/// <summary>
/// An actor tried to stash more messages than <c>actorecho.actor.stash-capacity</c> allows. It is
/// thrown inside the actor, so the supervisor decides (by default the actor restarts and the
/// stashed messages are redelivered to the new instance).
/// </summary>
public sealed class StashOverflowException : Exception
{
    /// <summary>Creates the exception with a message.</summary>
    public StashOverflowException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a default message.</summary>
    public StashOverflowException()
        : base("stash is full")
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public StashOverflowException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
