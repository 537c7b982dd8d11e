namespace ActorEcho.Actors.Tests.Support;

/// <summary>The messages the test actors understand and the reports they send to probes.</summary>
internal static class Protocol
{
    /// <summary>Actor → probe: a lifecycle hook ran (or a constructor), with an optional detail.</summary>
    public sealed record Hook(string Actor, string Name, string? Detail = null);

    /// <summary>Test → actor: create a child from <paramref name="Props"/>; the actor replies with its reference.</summary>
    public sealed record Spawn(Props Props, string Name);

    /// <summary>Test → actor: throw <paramref name="Cause"/> while handling this message.</summary>
    public sealed record Fail(Exception Cause);

    /// <summary>Actor → probe: a message the actor received and did not otherwise handle.</summary>
    public sealed record Seen(string Actor, object Message, int Instance);
}
