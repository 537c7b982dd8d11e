using ActorEcho.Hocon.Parsing;
using ActorEcho.Hocon.Rendering;

namespace ActorEcho.Hocon.Values;

/// <summary>
/// A node of a configuration tree. Values reached through <see cref="HoconConfig"/> are always
/// resolved: objects, arrays and scalars, never substitutions.
/// </summary>
public abstract class HoconValue
{
    private protected HoconValue(SourceText? source, int offset)
    {
        Source = source;
        Offset = offset;
    }

    /// <summary>The JSON type of this value.</summary>
    public HoconValueType Type => Kind switch
    {
        ValueKind.Object => HoconValueType.Object,
        ValueKind.Array => HoconValueType.Array,
        ValueKind.String => HoconValueType.String,
        ValueKind.Number => HoconValueType.Number,
        ValueKind.Boolean => HoconValueType.Boolean,
        ValueKind.Null => HoconValueType.Null,
        // Unresolved nodes never leave the library; reaching this is a bug in the resolver.
        _ => throw new InvalidOperationException($"unresolved {Kind} node escaped resolution"),
    };

    /// <summary>Where the value was written, as <c>origin:line:column</c>, or <c>(generated)</c>.</summary>
    public string Origin => Source is null ? "(generated)" : Source.Describe(Offset);

    internal SourceText? Source { get; }

    internal int Offset { get; }

    internal abstract ValueKind Kind { get; }

    /// <summary>True when no substitution, concatenation or merge stack remains anywhere below.</summary>
    internal abstract bool IsResolved { get; }

    /// <summary>Renders the value as HOCON (objects and arrays on several lines).</summary>
    public override string ToString() => HoconWriter.WriteValue(this);
}
