namespace ActorEcho.TestKit.Tests.Actors;

/// <summary>Sets a receive timeout and tells listener each time it fires; answers "pong" to "ping".</summary>
internal sealed class ReceiveTimeoutActor : ReceiveActor
{
    public ReceiveTimeoutActor(IActorRef listener, TimeSpan timeout)
    {
        Context.SetReceiveTimeout(timeout);
        Receive<ReceiveTimeout>(t => listener.Tell(t, Self));
        Receive<string>(s => s == "ping", _ => Sender.Tell("pong", Self));
    }
}
