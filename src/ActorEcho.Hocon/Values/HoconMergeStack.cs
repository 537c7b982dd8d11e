namespace ActorEcho.Hocon.Values;

/// <summary>
/// Several definitions of one field that cannot merge before resolution because at least one is a
/// substitution or concatenation. Ordered lowest priority first; resolution walks it from the top,
/// and a self-referential substitution in an element sees the elements below it.
/// </summary>
internal sealed class HoconMergeStack : HoconValue
{
    internal HoconMergeStack(HoconValue[] elements)
        : base(elements[^1].Source, elements[^1].Offset)
    {
        Elements = elements;
    }

    public HoconValue[] Elements { get; }

    internal override ValueKind Kind => ValueKind.MergeStack;

    internal override bool IsResolved => false;
}
