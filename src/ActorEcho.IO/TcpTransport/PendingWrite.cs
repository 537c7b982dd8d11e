using ActorEcho.Actors;

namespace ActorEcho.IO.TcpTransport;

/// <summary>An accepted write waiting to be handed to the OS, and who gets its ack.</summary>
internal readonly record struct PendingWrite(Tcp.Write Write, IActorRef AckTo);
