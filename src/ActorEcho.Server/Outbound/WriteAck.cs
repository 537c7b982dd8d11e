using Akka.Actor;
using Akka.IO;

namespace ActorEcho.Server.Outbound;

/// <summary>
/// The ack an <see cref="OutboundQueue"/> puts on a <c>Tcp.Write</c> that asks for one. Akka.IO sends
/// it back once the socket has taken the write's bytes (handed to the OS send buffer, not delivered
/// to the client). <see cref="Bytes"/> is how many bytes it confirms: every byte written since the
/// previous write that asked for an ack. Acks are not client activity, so they do not reset the
/// idle timeout.
/// </summary>
internal sealed class WriteAck : Tcp.Event, INotInfluenceReceiveTimeout
{
    public WriteAck(long bytes)
    {
        Bytes = bytes;
    }

    /// <summary>Bytes this ack confirms.</summary>
    public long Bytes { get; }
}
