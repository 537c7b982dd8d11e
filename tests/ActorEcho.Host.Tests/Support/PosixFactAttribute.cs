namespace ActorEcho.Host.Tests.Support;

/// <summary>A fact that is skipped, saying so, where POSIX signals (the kill command) do not exist.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PosixFactAttribute : FactAttribute
{
    public PosixFactAttribute()
    {
        if (OperatingSystem.IsWindows())
        {
            Skip = "POSIX signals (kill -TERM) are not available on Windows";
        }
    }
}
