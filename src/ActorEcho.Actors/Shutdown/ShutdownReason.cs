namespace ActorEcho.Actors.Shutdown;

/// <summary>Why coordinated shutdown ran.</summary>
/// <param name="Description">A short human-readable reason, logged when shutdown starts.</param>
public record ShutdownReason(string Description)
{
    /// <summary>Started by <c>ActorSystem.Terminate()</c>.</summary>
    public static ShutdownReason ActorSystemTerminate { get; } = new("actor system terminate");

    /// <summary>Started by SIGTERM or Ctrl+C (SIGINT).</summary>
    public static ShutdownReason ProcessExit { get; } = new("process exit signal");

    /// <summary>Started by user code without a more specific reason.</summary>
    public static ShutdownReason Unknown { get; } = new("unknown");

    /// <inheritdoc />
    public override string ToString() => Description;
}
