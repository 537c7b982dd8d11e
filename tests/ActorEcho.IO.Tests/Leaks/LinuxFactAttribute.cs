namespace ActorEcho.IO.Tests.Leaks;

/// <summary>A fact that needs Linux's /proc/self/fd; skipped elsewhere with that reason.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class LinuxFactAttribute : FactAttribute
{
    public LinuxFactAttribute()
    {
        if (!OperatingSystem.IsLinux())
        {
            Skip = "needs /proc/self/fd, which only Linux has";
        }
    }
}
