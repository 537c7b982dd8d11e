namespace ActorEcho.Actors.Cell;

/// <summary>
/// Installed while a ReceiveAsync handler runs: each continuation is posted back to the actor as a
/// system message, so code after an <c>await</c> runs inside the actor, one thing at a time, never
/// concurrently with another message.
/// </summary>
internal sealed class ActorSynchronizationContext(ActorCell cell) : SynchronizationContext
{
    public override void Post(SendOrPostCallback d, object? state) => cell.PostSystem(new RunContinuation(d, state, this));

    public override void Send(SendOrPostCallback d, object? state) =>
        throw new NotSupportedException("Synchronous Send into an actor would block it; use Post");

    public override SynchronizationContext CreateCopy() => this;
}
