namespace ActorEcho.Server;

/// <summary>Chat limits (HOCON <c>actorecho.server.chat.*</c>). Defaults equal the reference config's.</summary>
public sealed record ChatSettings
{
    /// <summary>Sustained chat lines per second per session (default 20).</summary>
    public double RateLimit { get; init; } = 20;

    /// <summary>Chat lines a session may send at once (default 40).</summary>
    public int RateBurst { get; init; } = 40;

    /// <summary>Longest nick or room name in characters, 1 to 32 (default 32).</summary>
    public int MaxNameLength { get; init; } = 32;
}
