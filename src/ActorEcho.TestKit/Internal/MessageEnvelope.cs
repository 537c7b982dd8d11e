namespace ActorEcho.TestKit.Internal;

/// <summary>A message the test actor received, with its sender (dead letters when there was none).</summary>
internal sealed record MessageEnvelope(object Message, IActorRef Sender);
