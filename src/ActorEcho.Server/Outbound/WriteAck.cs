using ActorEcho.Actors;

namespace ActorEcho.Server.Outbound;

/// <summary>
/// The ack an <see cref="OutboundQueue"/> puts on each <c>Tcp.Write</c>; the connection sends it back
/// once the bytes are in the OS send buffer. Ids are unique per queue, and the queue outlives session
/// restarts, so an ack that arrives after a restart is still matched. Acks are not client activity,
/// so they do not reset the idle timeout.
/// </summary>
internal sealed record WriteAck(long Id) : INotInfluenceReceiveTimeout;
