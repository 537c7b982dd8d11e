namespace ActorEcho.Actors;

/// <summary>
/// An actor could not be created: its constructor or <c>PreStart</c> threw (the original
/// exception is <see cref="Exception.InnerException"/>). The default decider stops such an actor.
/// </summary>
public sealed class ActorInitializationException : Exception
{
    /// <summary>Creates the exception for <paramref name="actor"/>.</summary>
    public ActorInitializationException(IActorRef? actor, string message, Exception? cause)
        : base(actor is null ? message : $"{actor.Path}: {message}", cause)
    {
        Actor = actor;
    }

    /// <summary>Creates the exception with a message.</summary>
    public ActorInitializationException(string message)
        : this(null, message, null)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public ActorInitializationException(string message, Exception innerException)
        : this(null, message, innerException)
    {
    }

    /// <summary>Creates the exception with a default message.</summary>
    public ActorInitializationException()
        : this("actor initialization failed")
    {
    }

    /// <summary>The actor that failed to start, when known.</summary>
    public IActorRef? Actor { get; }
}
