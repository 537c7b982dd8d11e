namespace ActorEcho.Hocon.Tests.Differential;

/// <summary>A fact that is skipped, with the reason, when Java or the Lightbend jar is missing.</summary>
public sealed class JavaFactAttribute : FactAttribute
{
    public JavaFactAttribute()
    {
        if (LightbendReference.MissingReason is { } reason)
        {
            Skip = reason;
        }
    }
}
