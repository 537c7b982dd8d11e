namespace ActorEcho.Actors;

/// <summary>
/// Thrown inside an actor that watched <see cref="DeadActor"/> and did not handle the resulting
/// <see cref="Terminated"/> message: the watcher is bound to the watched actor's fate. The
/// default decider stops the watcher.
/// </summary>
public sealed class DeathPactException : Exception
{
    /// <summary>Creates the exception for the watched actor that died.</summary>
    public DeathPactException(IActorRef deadActor)
        : base($"Monitored actor [{deadActor?.Path}] terminated and its Terminated message was not handled")
    {
        DeadActor = deadActor;
    }

    /// <summary>Creates the exception with a message.</summary>
    public DeathPactException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a default message.</summary>
    public DeathPactException()
        : base("Monitored actor terminated")
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public DeathPactException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The watched actor whose death was not handled.</summary>
    public IActorRef? DeadActor { get; }
}
