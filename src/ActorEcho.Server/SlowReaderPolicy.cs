namespace ActorEcho.Server;

/// <summary>What happens when chat lines for a reader pile up in its outbound queue (HOCON <c>slow-reader-policy</c>).</summary>
public enum SlowReaderPolicy
{
    /// <summary>
    /// Back-pressure (<c>backpressure</c>, the default): when a member's queue passes
    /// <c>max-queued-messages</c> the hub holds the input of everyone who sends to it (its room, and
    /// <c>/msg</c> senders) until the queue is down to half; no line is ever dropped. A member that
    /// holds its senders that way for <c>slow-reader-timeout</c> is disconnected.
    /// </summary>
    Backpressure,

    /// <summary>Drop the oldest queued chat line, count it, and tell the reader how many were dropped once there is room (<c>drop-oldest</c>).</summary>
    DropOldest,

    /// <summary>Drop the queued chat lines, send a final notice and close the connection (<c>disconnect</c>).</summary>
    Disconnect,
}
