namespace ActorEcho.TestKit.Tests.Actors;

/// <summary>Replies to every message with the message itself.</summary>
internal sealed class EchoActor : ReceiveActor
{
    public EchoActor()
    {
        ReceiveAny(m => Sender.Tell(m, Self));
    }
}
