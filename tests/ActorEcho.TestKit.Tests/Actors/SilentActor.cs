namespace ActorEcho.TestKit.Tests.Actors;

/// <summary>Accepts every message and never answers.</summary>
internal sealed class SilentActor : ReceiveActor
{
    public SilentActor()
    {
        ReceiveAny(_ => { });
    }
}
