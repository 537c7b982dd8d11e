using ActorEcho.Hocon.Parsing;

namespace ActorEcho.Hocon.Values;

/// <summary>A string, number, boolean or null; <see cref="Text"/> is the text it was written as.</summary>
public sealed class HoconScalar : HoconValue
{
    private readonly ValueKind _kind;

    internal HoconScalar(ValueKind kind, string text, SourceText? source, int offset, bool isWhitespace = false)
        : base(source, offset)
    {
        _kind = kind;
        Text = text;
        IsWhitespace = isWhitespace;
    }

    /// <summary>
    /// The value as text: the string itself, the number as written (<c>1e3</c> stays <c>1e3</c>),
    /// <c>true</c>/<c>false</c>, or <c>null</c>.
    /// </summary>
    public string Text { get; }

    /// <summary>Whitespace between the parts of a value concatenation, dropped when objects or arrays concatenate.</summary>
    internal bool IsWhitespace { get; }

    internal override ValueKind Kind => _kind;

    internal override bool IsResolved => true;

    internal static HoconScalar String(string text, SourceText? source = null, int offset = 0) =>
        new(ValueKind.String, text, source, offset);

    internal static HoconScalar Null(SourceText? source = null, int offset = 0) =>
        new(ValueKind.Null, "null", source, offset);
}
