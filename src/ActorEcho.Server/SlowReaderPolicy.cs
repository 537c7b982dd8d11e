namespace ActorEcho.Server;

/// <summary>What a session does when chat lines for a slow reader fill its outbound queue (HOCON <c>slow-reader-policy</c>).</summary>
public enum SlowReaderPolicy
{
    /// <summary>Drop the oldest queued chat line, count it, and tell the reader how many were dropped once there is room (<c>drop-oldest</c>, the default).</summary>
    DropOldest,

    /// <summary>Drop the queued chat lines, send a final notice and close the connection (<c>disconnect</c>).</summary>
    Disconnect,
}
