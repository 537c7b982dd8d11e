using System.Diagnostics;

namespace ActorEcho.Host.Tests.Support;

/// <summary>A fact that is skipped, saying so, when python3 is not on the PATH.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PythonFactAttribute : FactAttribute
{
    private static readonly Lazy<bool> Available = new(Probe);

    public PythonFactAttribute()
    {
        if (!Available.Value)
        {
            Skip = "python3 is not installed (not found on PATH); the seed clients are Python scripts";
        }
    }

    private static bool Probe()
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo("python3", "--version")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            });
            if (process is null)
            {
                return false;
            }

            if (!process.WaitForExit(10_000))
            {
                process.Kill();
                return false;
            }

            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}
