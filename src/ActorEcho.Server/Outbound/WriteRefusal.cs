namespace ActorEcho.Server.Outbound;

/// <summary>What <see cref="OutboundQueue.OnRefused"/> made of a <c>Tcp.CommandFailed</c>.</summary>
internal enum WriteRefusal
{
    /// <summary>The refused command was not one of the queue's writes.</summary>
    NotAWrite,

    /// <summary>The connection is closing (or was already aborted): expected, nothing to do.</summary>
    ConnectionClosing,

    /// <summary>Akka.IO's write queue was full: the stream would have a hole, so the connection was aborted.</summary>
    QueueFullAborted,
}
