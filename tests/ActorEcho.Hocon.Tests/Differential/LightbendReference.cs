using System.Diagnostics;
using System.Text;

namespace ActorEcho.Hocon.Tests.Differential;

/// <summary>
/// Runs Lightbend's reference implementation (Debian package libtypesafe-config-java) on many
/// documents in one JVM launch and returns, per document, its resolved concise JSON or its error.
/// </summary>
internal static class LightbendReference
{
    public const string JarPath = "/usr/share/java/typesafe-config.jar";

    private static readonly Lazy<string?> Java = new(FindJava);

    /// <summary>Why the differential tests cannot run here, or null when they can.</summary>
    public static string? MissingReason
    {
        get
        {
            if (Java.Value is null)
            {
                return "java is not installed (no java on PATH or JAVA_HOME); apt-get install default-jre-headless";
            }

            if (!File.Exists(JarPath))
            {
                return $"Lightbend config jar {JarPath} is missing; apt-get install libtypesafe-config-java";
            }

            return null;
        }
    }

    /// <summary>
    /// Renders every file in one JVM, with <paramref name="environment"/> added to its environment
    /// (a value may be empty); keys of the result are the given paths.
    /// </summary>
    public static IReadOnlyDictionary<string, ReferenceResult> RenderAll(IReadOnlyList<string> paths, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo(Java.Value!)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add("-cp");
        start.ArgumentList.Add(JarPath);
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Differential", "Render.java"));
        foreach (var path in paths)
        {
            start.ArgumentList.Add(path);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("the Java reference renderer did not finish within 2 minutes");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"the Java reference renderer failed ({process.ExitCode}): {stderr.Result}");
        }

        var results = new Dictionary<string, ReferenceResult>(StringComparer.Ordinal);
        string? current = null;
        foreach (var line in stdout.Result.Split('\n'))
        {
            if (line.StartsWith("### ", StringComparison.Ordinal))
            {
                current = line[4..];
            }
            else if (current is not null && line.Length > 0)
            {
                results[current] = line.StartsWith("!!! ", StringComparison.Ordinal)
                    ? new ReferenceResult(null, line[4..])
                    : new ReferenceResult(line, null);
                current = null;
            }
        }

        return results;
    }

    private static string? FindJava()
    {
        var candidates = new List<string>();
        if (Environment.GetEnvironmentVariable("JAVA_HOME") is { Length: > 0 } home)
        {
            candidates.Add(Path.Combine(home, "bin", "java"));
        }

        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator))
        {
            if (dir.Length > 0)
            {
                candidates.Add(Path.Combine(dir, "java"));
            }
        }

        return candidates.FirstOrDefault(File.Exists);
    }
}
