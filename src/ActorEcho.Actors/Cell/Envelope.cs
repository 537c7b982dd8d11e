namespace ActorEcho.Actors.Cell;

/// <summary>A user message in a mailbox, with the sender it was told with.</summary>
internal readonly record struct Envelope(object Message, IActorRef? Sender);
