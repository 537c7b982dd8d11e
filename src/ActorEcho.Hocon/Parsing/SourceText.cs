using System.Reflection;

namespace ActorEcho.Hocon.Parsing;

/// <summary>
/// One parsed document: its text, a description for messages, and where its includes are looked up
/// (a file's directory, or an assembly's resources). Line and column are computed only when a
/// message needs them, so parsing never tracks them.
/// </summary>
internal sealed class SourceText
{
    private int[]? _lineStarts;

    public SourceText(string text, string description, string? filePath = null, Assembly? resourceAssembly = null, string? resourceName = null)
    {
        Text = text;
        Description = description;
        FilePath = filePath;
        ResourceAssembly = resourceAssembly;
        ResourceName = resourceName;
    }

    public string Text { get; }

    public string Description { get; }

    /// <summary>Full path of the file, when the document came from one; includes are relative to its directory.</summary>
    public string? FilePath { get; }

    /// <summary>The assembly of an embedded resource; includes name sibling resources.</summary>
    public Assembly? ResourceAssembly { get; }

    public string? ResourceName { get; }

    public string Describe(int offset)
    {
        var (line, column) = GetLineAndColumn(offset);
        return $"{Description}:{line}:{column}";
    }

    public (int Line, int Column) GetLineAndColumn(int offset)
    {
        _lineStarts ??= ComputeLineStarts(Text);
        offset = Math.Clamp(offset, 0, Text.Length);
        var index = Array.BinarySearch(_lineStarts, offset);
        if (index < 0)
        {
            index = ~index - 1;
        }

        return (index + 1, offset - _lineStarts[index] + 1);
    }

    private static int[] ComputeLineStarts(string text)
    {
        var starts = new List<int> { 0 };
        var at = text.IndexOf('\n', StringComparison.Ordinal);
        while (at >= 0)
        {
            starts.Add(at + 1);
            at = text.IndexOf('\n', at + 1);
        }

        return [.. starts];
    }
}
