namespace ActorEcho.Server;

/// <summary>How listeners supervise their sessions (HOCON <c>actorecho.server.supervision.*</c>). Defaults equal the reference config's.</summary>
public sealed record SupervisionSettings
{
    /// <summary>One-for-one or all-for-one (default one-for-one).</summary>
    public SupervisionStrategyKind Strategy { get; init; } = SupervisionStrategyKind.OneForOne;

    /// <summary>Restarts allowed within <see cref="Within"/>; one more failure stops the session (default 3).</summary>
    public int MaxRestarts { get; init; } = 3;

    /// <summary>The window <see cref="MaxRestarts"/> counts in (default 1 minute).</summary>
    public TimeSpan Within { get; init; } = TimeSpan.FromMinutes(1);
}
