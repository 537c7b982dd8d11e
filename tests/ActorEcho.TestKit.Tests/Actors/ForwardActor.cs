namespace ActorEcho.TestKit.Tests.Actors;

/// <summary>Forwards every message to a target, keeping the sender.</summary>
internal sealed class ForwardActor : ReceiveActor
{
    public ForwardActor(IActorRef target)
    {
        ReceiveAny(m => target.Tell(m, Sender));
    }
}
