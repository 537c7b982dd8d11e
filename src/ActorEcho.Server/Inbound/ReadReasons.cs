namespace ActorEcho.Server.Inbound;

/// <summary>Why reading from a client is held back; the next read is asked for only when no reason is left.</summary>
[Flags]
internal enum ReadReasons
{
    /// <summary>Reading.</summary>
    None = 0,

    /// <summary>Too many of the client's own bytes (echo, replies) are queued: back-pressure, never drops.</summary>
    OutputBacklog = 1,

    /// <summary>Too many received chunks wait for a chat-hub reply.</summary>
    InputBacklog = 2,
}
