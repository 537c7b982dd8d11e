namespace ActorEcho.Actors;

/// <summary>Well-known references.</summary>
public static class ActorRefs
{
    /// <summary>No sender: a reply to such a message goes to dead letters.</summary>
    public static readonly IActorRef? NoSender;

    /// <summary>A reference that accepts every message and delivers none (not even to dead letters).</summary>
    public static readonly IActorRef Nobody = new NobodyRef();

    private sealed class NobodyRef : IActorRef
    {
        public ActorPath Path { get; } = ActorPath.Root("nobody");

        public void Tell(object message, IActorRef? sender)
        {
            // Intentionally silent: Nobody is the explicit "throw it away" target.
        }

        public override string ToString() => "Nobody";
    }
}
