namespace ActorEcho.Host.Demos;

/// <summary>The outcome of one demo: passed, or failed with the reason.</summary>
internal sealed record DemoResult(bool Passed, string? Reason)
{
    public static DemoResult Pass { get; } = new(true, null);

    public static DemoResult Fail(string reason) => new(false, reason);
}
