namespace ActorEcho.TestKit.Tests.Actors;

/// <summary>Throws <see cref="InvalidOperationException"/> on "fail"; echoes anything else.</summary>
internal sealed class ThrowingActor : ReceiveActor
{
    public ThrowingActor()
    {
        Receive<string>(s => s == "fail", _ => throw new InvalidOperationException("boom"));
        ReceiveAny(m => Sender.Tell(m, Self));
    }
}
