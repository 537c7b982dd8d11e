namespace ActorEcho.Hocon.Tests.Differential;

/// <summary>A document fed to both implementations, with files it includes placed beside it.</summary>
public sealed record DifferentialDocument(string Name, string Text, IReadOnlyDictionary<string, string> ExtraFiles)
{
    public DifferentialDocument(string name, string text)
        : this(name, text, new Dictionary<string, string>())
    {
    }

    /// <summary>
    /// Environment variables both implementations see while resolving, on top of the process's own:
    /// given to the JVM's environment, and to ours through <see cref="HoconConfig.WithEnvironment"/>.
    /// </summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>Reads a variable as this document sees it: its own <see cref="Environment"/> first, then the process's.</summary>
    public string? GetEnvironmentVariable(string name) =>
        Environment.TryGetValue(name, out var value) ? value : System.Environment.GetEnvironmentVariable(name);

    public override string ToString() => Name;
}
