using ActorEcho.Actors;

namespace ActorEcho.Server.Outbound;

/// <summary>
/// The ack an <see cref="OutboundQueue"/> puts on a <c>Tcp.Write</c> that asks for one; the
/// connection sends it back once the bytes are in the OS send buffer. Ids are unique per queue, and
/// the queue outlives session restarts, so an ack that arrives after a restart is still matched.
/// <paramref name="Bytes"/> is how many bytes out it confirms: the write's own, or with sparse acks
/// every byte written since the previous write that asked for an ack (acks arrive in write order).
/// Acks are not client activity, so they do not reset the idle timeout.
/// </summary>
internal sealed record WriteAck(long Id, long Bytes) : INotInfluenceReceiveTimeout;
