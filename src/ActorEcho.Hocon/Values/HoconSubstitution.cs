using ActorEcho.Hocon.Parsing;

namespace ActorEcho.Hocon.Values;

/// <summary><c>${path}</c> or <c>${?path}</c>, waiting for resolution.</summary>
internal sealed class HoconSubstitution : HoconValue
{
    internal HoconSubstitution(string[] path, string[] writtenPath, bool optional, SourceText? source, int offset)
        : base(source, offset)
    {
        Path = path;
        WrittenPath = writtenPath;
        Optional = optional;
    }

    /// <summary>The absolute path looked up, with the prefix of an enclosing include applied.</summary>
    public string[] Path { get; }

    /// <summary>The path as written in its file; environment variables are looked up by this name.</summary>
    public string[] WrittenPath { get; }

    public bool Optional { get; }

    /// <summary>
    /// True for a substitution in a file included inside an object: <see cref="Path"/> carries the
    /// including object's path as prefix, and <see cref="WrittenPath"/> is the fallback from the root.
    /// </summary>
    public bool IsRelativized => Path.Length != WrittenPath.Length;

    internal override ValueKind Kind => ValueKind.Substitution;

    internal override bool IsResolved => false;

    public string Describe() => (Optional ? "${?" : "${") + HoconPath.Render(WrittenPath) + "}";
}
