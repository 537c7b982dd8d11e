using ActorEcho.TestKit.Logging;

namespace ActorEcho.TestKit;

/// <summary>
/// An extra test actor with its own queue and the full expectation API, created by
/// <c>CreateTestProbe()</c>. Hand <see cref="Ref"/> to the actors under test; the probe itself is
/// not an actor reference (so the compiler catches a probe passed where its <see cref="Ref"/> was meant).
/// </summary>
public sealed class TestProbe : TestKitBase
{
    internal TestProbe(ActorSystem system, TestKitSettings settings, TestLogSink sink, string name)
        : base(system, settings, sink, name)
    {
    }

    /// <summary>The probe's actor: messages sent here are what the probe's expectations examine.</summary>
    public IActorRef Ref => TestActor;

    /// <summary>Sends <paramref name="message"/> to the probe with <paramref name="sender"/> as its sender.</summary>
    public void Tell(object message, IActorRef? sender = null) => Ref.Tell(message, sender);

    /// <inheritdoc />
    public override string ToString() => $"TestProbe({Ref.Path})";
}
