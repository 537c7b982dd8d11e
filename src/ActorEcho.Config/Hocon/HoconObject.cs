using System.Collections;
using System.Diagnostics.CodeAnalysis;
using ActorEcho.Config.Parsing;

namespace ActorEcho.Config.Hocon;

/// <summary>An immutable object whose keys keep the order they were first written in.</summary>
public sealed class HoconObject : HoconValue, IReadOnlyDictionary<string, HoconValue>
{
    private readonly Dictionary<string, HoconValue> _fields;
    private readonly string[] _keys;
    private readonly bool _isResolved;

    internal HoconObject(Dictionary<string, HoconValue> fields, string[] keys, SourceText? source, int offset, bool ignoresFallbacks = false)
        : base(source, offset)
    {
        _fields = fields;
        _keys = keys;
        IgnoresFallbacks = ignoresFallbacks;
        _isResolved = true;
        foreach (var value in fields.Values)
        {
            if (!value.IsResolved)
            {
                _isResolved = false;
                break;
            }
        }
    }

    internal static HoconObject Empty { get; } = new(new Dictionary<string, HoconValue>(StringComparer.Ordinal), [], null, 0);

    /// <summary>The number of fields.</summary>
    public int Count => _keys.Length;

    /// <summary>The keys in the order they were first written.</summary>
    public IEnumerable<string> Keys => _keys;

    /// <summary>The values in key order.</summary>
    public IEnumerable<HoconValue> Values => _keys.Select(k => _fields[k]);

    /// <summary>The value of <paramref name="key"/> (a single key, not a path).</summary>
    public HoconValue this[string key] => _fields[key];

    internal IReadOnlyList<string> KeyList => _keys;

    /// <summary>
    /// Set once this object has been merged over a non-object: that value hid everything below it,
    /// so later fallbacks must not merge in (the spec's "not adjacent" rule).
    /// </summary>
    internal bool IgnoresFallbacks { get; }

    internal override ValueKind Kind => ValueKind.Object;

    internal override bool IsResolved => _isResolved;

    internal HoconObject WithIgnoresFallbacks() =>
        IgnoresFallbacks ? this : new HoconObject(_fields, _keys, Source, Offset, ignoresFallbacks: true);

    /// <summary>True when the object has a field named <paramref name="key"/> (a single key, not a path).</summary>
    public bool ContainsKey(string key) => _fields.ContainsKey(key);

    /// <summary>Looks up a single key (not a path).</summary>
    public bool TryGetValue(string key, [MaybeNullWhen(false)] out HoconValue value) => _fields.TryGetValue(key, out value);

    /// <summary>Enumerates the fields in key order.</summary>
    public IEnumerator<KeyValuePair<string, HoconValue>> GetEnumerator()
    {
        foreach (var key in _keys)
        {
            yield return new KeyValuePair<string, HoconValue>(key, _fields[key]);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
