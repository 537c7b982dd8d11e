using ActorEcho.Hocon.Parsing;

namespace ActorEcho.Hocon.Values;

/// <summary>
/// Values written next to each other (<c>${a} "-" ${b}</c>, <c>${list} [4]</c>, <c>${base} { x = 1 }</c>)
/// whose result depends on what the substitutions resolve to. Whitespace parts are kept because
/// strings keep inner whitespace.
/// </summary>
internal sealed class HoconConcatenation : HoconValue
{
    internal HoconConcatenation(HoconValue[] parts, SourceText? source, int offset)
        : base(source, offset)
    {
        Parts = parts;
    }

    public HoconValue[] Parts { get; }

    internal override ValueKind Kind => ValueKind.Concatenation;

    internal override bool IsResolved => false;
}
