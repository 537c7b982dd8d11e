using ActorEcho.Hocon.Rendering;
using ActorEcho.Hocon.Resolution;
using ActorEcho.Hocon.Values;

namespace ActorEcho.Hocon;

/// <summary>
/// An immutable configuration tree. Substitutions are resolved lazily, once, on the first read
/// (or by <see cref="Resolve"/>), against the whole tree including every fallback added with
/// <see cref="WithFallback"/>, so <c>app.WithFallback(refA).WithFallback(refB)</c> resolves
/// <c>${...}</c> across all three layers. Getters live in <c>HoconConfig.Getters.cs</c>.
/// </summary>
public sealed partial class HoconConfig
{
    private readonly HoconObject _unresolved;
    private readonly Lazy<HoconObject> _resolved;
    private readonly string[] _prefix;

    internal HoconConfig(HoconObject root, string[]? prefix = null, Func<string, string?>? environment = null)
    {
        _unresolved = root;
        _prefix = prefix ?? [];
        Environment = environment;
        _resolved = root.IsResolved
            ? new Lazy<HoconObject>(root)
            : new Lazy<HoconObject>(() => Resolver.Resolve(root, environment), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The resolved root object. Reading it resolves substitutions and may throw <see cref="HoconException"/>.</summary>
    public HoconObject Root => _resolved.Value;

    /// <summary>True when the resolved root has no fields.</summary>
    public bool IsEmpty => Root.Count == 0;

    /// <summary>Where substitutions not found in the tree are looked up; null means the process environment.</summary>
    internal Func<string, string?>? Environment { get; }

    /// <summary>
    /// Returns a new config where this one wins and <paramref name="fallback"/> supplies whatever this
    /// one lacks; objects merge key by key, as duplicate keys in one file do. Neither input changes.
    /// Substitutions in either are resolved later against the merged whole.
    /// </summary>
    public HoconConfig WithFallback(HoconConfig fallback)
    {
        ArgumentNullException.ThrowIfNull(fallback);
        if (ReferenceEquals(fallback, this) || fallback._unresolved.Count == 0)
        {
            return this;
        }

        return new HoconConfig(ValueMerger.MergeObjects(fallback._unresolved, _unresolved), _prefix, Environment ?? fallback.Environment);
    }

    /// <summary>
    /// Resolves every substitution now, so errors surface at a chosen moment instead of at the first
    /// read. Returns this instance; resolution happens once and is cached.
    /// </summary>
    public HoconConfig Resolve()
    {
        _ = _resolved.Value;
        return this;
    }

    /// <summary>
    /// This configuration with environment variables read through <paramref name="environment"/>
    /// instead of the process environment. Tests use it to set a variable to the empty string, which
    /// <see cref="System.Environment.SetEnvironmentVariable(string, string)"/> cannot do: it deletes the variable.
    /// </summary>
    internal HoconConfig WithEnvironment(Func<string, string?> environment) => new(_unresolved, _prefix, environment);

    /// <summary>Renders the resolved tree as HOCON that parses back to the same tree (used by <c>--print-config</c>).</summary>
    public override string ToString() => HoconWriter.WriteDocument(Root);

    /// <summary>Renders the resolved tree as indented JSON: numbers and booleans as such, durations and sizes as the strings they were written as.</summary>
    public string ToJson() => ToJson(indented: true);

    /// <summary>Renders the resolved tree as JSON, indented or on one line.</summary>
    public string ToJson(bool indented) => JsonWriter.Write(Root, indented);
}
