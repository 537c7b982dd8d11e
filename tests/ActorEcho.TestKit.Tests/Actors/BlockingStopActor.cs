namespace ActorEcho.TestKit.Tests.Actors;

/// <summary>Blocks in PostStop until <paramref name="release"/> is set (bounded), to hold up system termination.</summary>
internal sealed class BlockingStopActor(ManualResetEventSlim release) : ReceiveActor
{
    protected override void PostStop() => release.Wait(TimeSpan.FromSeconds(10));
}
