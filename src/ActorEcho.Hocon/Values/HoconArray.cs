using System.Collections;
using ActorEcho.Hocon.Parsing;

namespace ActorEcho.Hocon.Values;

/// <summary>An immutable array of values.</summary>
public sealed class HoconArray : HoconValue, IReadOnlyList<HoconValue>
{
    private readonly HoconValue[] _items;
    private readonly bool _isResolved;

    internal HoconArray(HoconValue[] items, SourceText? source, int offset)
        : base(source, offset)
    {
        _items = items;
        _isResolved = true;
        foreach (var item in items)
        {
            if (!item.IsResolved)
            {
                _isResolved = false;
                break;
            }
        }
    }

    /// <summary>The number of elements.</summary>
    public int Count => _items.Length;

    /// <summary>The element at <paramref name="index"/>.</summary>
    public HoconValue this[int index] => _items[index];

    internal HoconValue[] Items => _items;

    internal override ValueKind Kind => ValueKind.Array;

    internal override bool IsResolved => _isResolved;

    /// <summary>Enumerates the elements in order.</summary>
    public IEnumerator<HoconValue> GetEnumerator() => ((IEnumerable<HoconValue>)_items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
