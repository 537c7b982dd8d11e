namespace ActorEcho.Actors;

/// <summary>
/// The sender that <c>ref.Tell(message)</c> uses outside any actor. Inside an actor the actor itself
/// is always the implicit sender; elsewhere it is whatever was set here for the current async flow
/// (the TestKit sets its TestActor, so replies to test code land where the expectations look).
/// An <see cref="AsyncLocal{T}"/> so it survives <c>await</c> in test methods; actors never see it,
/// because the kernel runs them without flowing the caller's execution context.
/// </summary>
public static class ImplicitSender
{
    private static readonly AsyncLocal<IActorRef?> CurrentSender = new();

    /// <summary>The implicit sender for code outside actors in this async flow; null means no sender.</summary>
    public static IActorRef? Current
    {
        get => CurrentSender.Value;
        set => CurrentSender.Value = value;
    }
}
