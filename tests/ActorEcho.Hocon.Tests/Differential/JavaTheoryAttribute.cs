namespace ActorEcho.Hocon.Tests.Differential;

/// <summary>A theory that is skipped, with the reason, when Java or the Lightbend jar is missing.</summary>
public sealed class JavaTheoryAttribute : TheoryAttribute
{
    public JavaTheoryAttribute()
    {
        if (LightbendReference.MissingReason is { } reason)
        {
            Skip = reason;
        }
    }
}
