namespace ActorEcho.Actors;

/// <summary>
/// Stops the receiving actor once every message queued before it has been processed.
/// Unlike <see cref="Kill"/>, it is an orderly stop: no failure, no supervisor involvement.
/// </summary>
public sealed class PoisonPill
{
    private PoisonPill()
    {
    }

    /// <summary>The single instance.</summary>
    public static PoisonPill Instance { get; } = new();

    /// <inheritdoc />
    public override string ToString() => "PoisonPill";
}
