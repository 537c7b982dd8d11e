namespace ActorEcho.Actors;

/// <summary>Conventional replies for request/response: <c>Ask</c> turns a <see cref="Failure"/> into a failed task.</summary>
public static class Status
{
    /// <summary>A successful outcome carrying an optional value.</summary>
    /// <param name="Value">The result.</param>
    public sealed record Success(object? Value);

    /// <summary>A failed outcome; <c>Ask</c> rethrows <paramref name="Cause"/>.</summary>
    /// <param name="Cause">What went wrong.</param>
    public sealed record Failure(Exception Cause);
}
