namespace ActorEcho.Actors;

/// <summary>"Finished, nothing to report": the result of shutdown tasks and other acknowledgements.</summary>
public sealed class Done
{
    private Done()
    {
    }

    /// <summary>The single instance.</summary>
    public static Done Instance { get; } = new();

    /// <inheritdoc />
    public override string ToString() => "Done";
}
