using ActorEcho.Hocon.Values;

namespace ActorEcho.Hocon.Parsing;

/// <summary>
/// The mutable object a parser fills field by field. Child objects that receive more fields later
/// (<c>a.b = 1</c> then <c>a.c = 2</c>) become builders themselves, so repeated dotted keys cost
/// one insertion each instead of copying the parent object every time. <see cref="Build"/> copies
/// into exact-size arrays, so the parser can <see cref="Reset"/> and reuse a builder afterwards.
/// </summary>
internal sealed class ObjectBuilder
{
    private readonly List<string> _keys = [];

    // Each slot holds a finished HoconValue or a child ObjectBuilder.
    private readonly List<object> _slots = [];
    private SourceText? _source;
    private int _offset;
    private bool _ignoresFallbacks;
    private Dictionary<string, int>? _index;

    public ObjectBuilder(SourceText? source, int offset, bool ignoresFallbacks = false)
    {
        _source = source;
        _offset = offset;
        _ignoresFallbacks = ignoresFallbacks;
    }

    /// <summary>Empties the builder for reuse by the parser, which recycles one per nesting level.</summary>
    public void Reset(SourceText? source, int offset)
    {
        _keys.Clear();
        _slots.Clear();
        _index = null;
        _source = source;
        _offset = offset;
        _ignoresFallbacks = false;
    }

    public void Merge(string key, HoconValue value)
    {
        var at = IndexOf(key);
        if (at < 0)
        {
            Add(key, value);
            return;
        }

        var existing = _slots[at];
        if (value is HoconObject { IgnoresFallbacks: true })
        {
            _slots[at] = value;
            return;
        }

        if (existing is ObjectBuilder builder)
        {
            if (value is HoconObject obj)
            {
                builder.MergeObject(obj);
            }
            else
            {
                _slots[at] = ValueMerger.Merge(builder.Build(), value);
            }

            return;
        }

        var existingValue = (HoconValue)existing;
        if (value is HoconObject higher && existingValue is HoconObject lower && !lower.IgnoresFallbacks)
        {
            var thawed = Thaw(lower);
            thawed.MergeObject(higher);
            _slots[at] = thawed;
            return;
        }

        _slots[at] = ValueMerger.Merge(existingValue, value);
    }

    public void MergeObject(HoconObject obj)
    {
        for (var i = 0; i < obj.Count; i++)
        {
            Merge(obj.KeyList[i], obj.ValueList[i]);
        }
    }

    /// <summary>Merges <paramref name="value"/> at <c>path[index..]</c>, as if written <c>a { b { c = value } }</c>.</summary>
    public void MergePath(string[] path, int index, HoconValue value, SourceText? source, int offset)
    {
        var key = path[index];
        if (index == path.Length - 1)
        {
            Merge(key, value);
            return;
        }

        var at = IndexOf(key);
        if (at < 0)
        {
            var child = new ObjectBuilder(source, offset);
            Add(key, child);
            child.MergePath(path, index + 1, value, source, offset);
            return;
        }

        switch (_slots[at])
        {
            case ObjectBuilder builder:
                builder.MergePath(path, index + 1, value, source, offset);
                return;
            case HoconObject { IgnoresFallbacks: false } obj:
                var thawed = Thaw(obj);
                _slots[at] = thawed;
                thawed.MergePath(path, index + 1, value, source, offset);
                return;
            case HoconValue { IsResolved: true } and not HoconObject:
                // A new object hides the resolved non-object that was there, and every fallback below it.
                var replacement = new ObjectBuilder(source, offset, ignoresFallbacks: true);
                _slots[at] = replacement;
                replacement.MergePath(path, index + 1, value, source, offset);
                return;
            default:
                Merge(key, Wrap(path, index + 1, value, source, offset));
                return;
        }
    }

    public HoconObject Build()
    {
        var values = new HoconValue[_slots.Count];
        for (var i = 0; i < values.Length; i++)
        {
            var slot = _slots[i];
            values[i] = slot as HoconValue ?? ((ObjectBuilder)slot).Build();
        }

        return new HoconObject(_keys.ToArray(), values, _source, _offset, _ignoresFallbacks);
    }

    private int IndexOf(string key)
    {
        if (_index is not null)
        {
            return _index.TryGetValue(key, out var found) ? found : -1;
        }

        for (var i = 0; i < _keys.Count; i++)
        {
            if (string.Equals(_keys[i], key, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    private void Add(string key, object slot)
    {
        _keys.Add(key);
        _slots.Add(slot);
        if (_index is not null)
        {
            _index[key] = _keys.Count - 1;
        }
        else if (_keys.Count > HoconObject.IndexThreshold)
        {
            _index = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < _keys.Count; i++)
            {
                _index[_keys[i]] = i;
            }
        }
    }

    private static HoconObject Wrap(string[] path, int index, HoconValue value, SourceText? source, int offset)
    {
        for (var i = path.Length - 1; i >= index; i--)
        {
            value = new HoconObject([path[i]], [value], source, offset);
        }

        return (HoconObject)value;
    }

    private static ObjectBuilder Thaw(HoconObject obj)
    {
        var builder = new ObjectBuilder(obj.Source, obj.Offset);
        for (var i = 0; i < obj.Count; i++)
        {
            builder.Add(obj.KeyList[i], obj.ValueList[i]);
        }

        return builder;
    }
}
