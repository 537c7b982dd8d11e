namespace ActorEcho.Actors;

/// <summary>
/// Delivered to an actor that has set <c>Context.SetReceiveTimeout</c> and received no message
/// (other than <see cref="INotInfluenceReceiveTimeout"/> ones) for that long. It keeps arriving
/// once per period while the actor stays idle, until the timeout is cleared.
/// </summary>
public sealed class ReceiveTimeout : INotInfluenceReceiveTimeout
{
    private ReceiveTimeout()
    {
    }

    /// <summary>The single instance.</summary>
    public static ReceiveTimeout Instance { get; } = new();

    /// <inheritdoc />
    public override string ToString() => "ReceiveTimeout";
}
