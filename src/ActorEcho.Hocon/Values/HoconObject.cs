using System.Collections;
using System.Diagnostics.CodeAnalysis;
using ActorEcho.Hocon.Parsing;

namespace ActorEcho.Hocon.Values;

/// <summary>An immutable object whose keys keep the order they were first written in.</summary>
public sealed class HoconObject : HoconValue, IReadOnlyDictionary<string, HoconValue>
{
    /// <summary>Most config objects have a handful of keys; below this a linear scan beats hashing and saves the allocation.</summary>
    internal const int IndexThreshold = 16;

    private readonly string[] _keys;
    private readonly HoconValue[] _values;
    private readonly Dictionary<string, int>? _index;
    private readonly bool _isResolved;

    /// <summary>Takes ownership of both arrays, which must have the same length and distinct keys.</summary>
    internal HoconObject(string[] keys, HoconValue[] values, SourceText? source, int offset, bool ignoresFallbacks = false)
        : base(source, offset)
    {
        _keys = keys;
        _values = values;
        IgnoresFallbacks = ignoresFallbacks;
        _isResolved = true;
        foreach (var value in values)
        {
            if (!value.IsResolved)
            {
                _isResolved = false;
                break;
            }
        }

        if (keys.Length > IndexThreshold)
        {
            _index = new Dictionary<string, int>(keys.Length, StringComparer.Ordinal);
            for (var i = 0; i < keys.Length; i++)
            {
                _index[keys[i]] = i;
            }
        }
    }

    internal static HoconObject Empty { get; } = new([], [], null, 0);

    /// <summary>The number of fields.</summary>
    public int Count => _keys.Length;

    /// <summary>The keys in the order they were first written.</summary>
    public IEnumerable<string> Keys => _keys;

    /// <summary>The values in key order.</summary>
    public IEnumerable<HoconValue> Values => _values;

    /// <summary>The value of <paramref name="key"/> (a single key, not a path).</summary>
    public HoconValue this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"no key '{key}' in this object");

    internal IReadOnlyList<string> KeyList => _keys;

    internal IReadOnlyList<HoconValue> ValueList => _values;

    /// <summary>
    /// Set once this object has been merged over a non-object: that value hid everything below it,
    /// so later fallbacks must not merge in (the spec's "not adjacent" rule).
    /// </summary>
    internal bool IgnoresFallbacks { get; }

    internal override ValueKind Kind => ValueKind.Object;

    internal override bool IsResolved => _isResolved;

    internal HoconObject WithIgnoresFallbacks() =>
        IgnoresFallbacks ? this : new HoconObject(_keys, _values, Source, Offset, ignoresFallbacks: true);

    /// <summary>True when the object has a field named <paramref name="key"/> (a single key, not a path).</summary>
    public bool ContainsKey(string key) => IndexOf(key) >= 0;

    /// <summary>Looks up a single key (not a path).</summary>
    public bool TryGetValue(string key, [MaybeNullWhen(false)] out HoconValue value)
    {
        var index = IndexOf(key);
        value = index >= 0 ? _values[index] : null;
        return index >= 0;
    }

    /// <summary>Enumerates the fields in key order.</summary>
    public IEnumerator<KeyValuePair<string, HoconValue>> GetEnumerator()
    {
        for (var i = 0; i < _keys.Length; i++)
        {
            yield return new KeyValuePair<string, HoconValue>(_keys[i], _values[i]);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    internal int IndexOf(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (_index is not null)
        {
            return _index.TryGetValue(key, out var found) ? found : -1;
        }

        for (var i = 0; i < _keys.Length; i++)
        {
            if (string.Equals(_keys[i], key, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
