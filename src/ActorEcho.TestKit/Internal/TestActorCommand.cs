namespace ActorEcho.TestKit.Internal;

/// <summary>
/// Instructions from the test thread to the test actor (watch, unwatch); never queued for
/// expectations. <see cref="Done"/> completes once the actor has carried the instruction out, so a
/// test that watches and then stops an actor cannot race the watch.
/// </summary>
internal sealed record TestActorCommand(TestActorCommandKind Kind, IActorRef Target)
{
    public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
