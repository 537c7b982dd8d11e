namespace ActorEcho.Hocon.Tests.Differential;

/// <summary>A document fed to both implementations, with files it includes placed beside it.</summary>
public sealed record DifferentialDocument(string Name, string Text, IReadOnlyDictionary<string, string> ExtraFiles)
{
    public DifferentialDocument(string name, string text)
        : this(name, text, new Dictionary<string, string>())
    {
    }

    public override string ToString() => Name;
}
