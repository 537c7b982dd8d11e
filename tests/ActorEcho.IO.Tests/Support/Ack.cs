namespace ActorEcho.IO.Tests.Support;

/// <summary>A numbered write ack.</summary>
public sealed record Ack(int Sequence);
