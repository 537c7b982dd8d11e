namespace ActorEcho.IO.Tests.Leaks;

/// <summary>
/// A fact that needs Linux behaviour (by default /proc/self/fd); skipped elsewhere with the reason
/// given, which names what is missing.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class LinuxFactAttribute : FactAttribute
{
    public LinuxFactAttribute()
        : this("needs /proc/self/fd, which only Linux has")
    {
    }

    public LinuxFactAttribute(string skipReasonElsewhere)
    {
        if (!OperatingSystem.IsLinux())
        {
            Skip = skipReasonElsewhere;
        }
    }
}
