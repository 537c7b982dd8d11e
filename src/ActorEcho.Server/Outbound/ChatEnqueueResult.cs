namespace ActorEcho.Server.Outbound;

/// <summary>What <see cref="OutboundQueue.EnqueueChat"/> did with a chat line for a slow reader.</summary>
internal enum ChatEnqueueResult
{
    /// <summary>Queued (or sent) with nothing dropped.</summary>
    Queued,

    /// <summary>Queued after dropping the oldest queued chat line (policy drop-oldest).</summary>
    DroppedOldest,

    /// <summary>The queue was full and the policy is disconnect: queued chat lines were dropped and the session must close.</summary>
    Overflow,
}
