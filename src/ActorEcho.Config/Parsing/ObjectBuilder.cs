using ActorEcho.Config.Hocon;

namespace ActorEcho.Config.Parsing;

/// <summary>
/// The mutable object a parser fills field by field. Child objects that receive more fields later
/// (<c>a.b = 1</c> then <c>a.c = 2</c>) become builders themselves, so repeated dotted keys cost
/// one insertion each instead of copying the parent object every time.
/// </summary>
internal sealed class ObjectBuilder
{
    // Each slot holds a finished HoconValue or a child ObjectBuilder.
    private readonly Dictionary<string, object> _slots = new(StringComparer.Ordinal);
    private readonly List<string> _keys = [];
    private readonly SourceText? _source;
    private readonly int _offset;

    public ObjectBuilder(SourceText? source, int offset)
    {
        _source = source;
        _offset = offset;
    }

    public void Merge(string key, HoconValue value)
    {
        if (!_slots.TryGetValue(key, out var existing))
        {
            _slots[key] = value;
            _keys.Add(key);
            return;
        }

        if (value is HoconObject { IgnoresFallbacks: true })
        {
            _slots[key] = value;
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
                _slots[key] = ValueMerger.Merge(builder.Build(), value);
            }

            return;
        }

        var existingValue = (HoconValue)existing;
        if (value is HoconObject higher && existingValue is HoconObject lower)
        {
            var thawed = Thaw(lower);
            thawed.MergeObject(higher);
            _slots[key] = thawed;
            return;
        }

        _slots[key] = ValueMerger.Merge(existingValue, value);
    }

    public void MergeObject(HoconObject obj)
    {
        foreach (var key in obj.KeyList)
        {
            Merge(key, obj[key]);
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

        if (!_slots.TryGetValue(key, out var existing))
        {
            var child = new ObjectBuilder(source, offset);
            _slots[key] = child;
            _keys.Add(key);
            child.MergePath(path, index + 1, value, source, offset);
            return;
        }

        switch (existing)
        {
            case ObjectBuilder builder:
                builder.MergePath(path, index + 1, value, source, offset);
                return;
            case HoconObject obj:
                var thawed = Thaw(obj);
                _slots[key] = thawed;
                thawed.MergePath(path, index + 1, value, source, offset);
                return;
            case HoconValue { IsResolved: true }:
                // A new object hides the resolved non-object that was there.
                var replacement = new ObjectBuilder(source, offset);
                _slots[key] = replacement;
                replacement.MergePath(path, index + 1, value, source, offset);
                return;
            default:
                Merge(key, Wrap(path, index + 1, value, source, offset));
                return;
        }
    }

    public HoconObject Build()
    {
        var fields = new Dictionary<string, HoconValue>(_keys.Count, StringComparer.Ordinal);
        foreach (var key in _keys)
        {
            var slot = _slots[key];
            fields[key] = slot as HoconValue ?? ((ObjectBuilder)slot).Build();
        }

        return new HoconObject(fields, [.. _keys], _source, _offset);
    }

    private static HoconValue Wrap(string[] path, int index, HoconValue value, SourceText? source, int offset)
    {
        for (var i = path.Length - 1; i >= index; i--)
        {
            var fields = new Dictionary<string, HoconValue>(1, StringComparer.Ordinal) { [path[i]] = value };
            value = new HoconObject(fields, [path[i]], source, offset);
        }

        return value;
    }

    private static ObjectBuilder Thaw(HoconObject obj)
    {
        var builder = new ObjectBuilder(obj.Source, obj.Offset);
        foreach (var key in obj.KeyList)
        {
            builder._slots[key] = obj[key];
            builder._keys.Add(key);
        }

        return builder;
    }
}
