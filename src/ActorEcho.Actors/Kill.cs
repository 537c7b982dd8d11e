namespace ActorEcho.Actors;

/// <summary>
/// Makes the receiving actor fail with <see cref="ActorKilledException"/> when it processes this
/// message, so its supervisor decides what happens (the default decider stops it).
/// </summary>
public sealed class Kill
{
    private Kill()
    {
    }

    /// <summary>The single instance.</summary>
    public static Kill Instance { get; } = new();

    /// <inheritdoc />
    public override string ToString() => "Kill";
}
