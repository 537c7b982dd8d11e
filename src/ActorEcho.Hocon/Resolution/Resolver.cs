using System.Runtime.CompilerServices;
using ActorEcho.Hocon.Values;

namespace ActorEcho.Hocon.Resolution;

/// <summary>
/// Replaces every substitution in a merged tree by its value. Fields of the real tree (reached
/// from the root through plain objects) are resolved once and memoized by path. A field defined
/// several times whose upper definitions refer to it resolves each definition with an
/// <see cref="Override"/> that makes the path mean "the definitions below this one". A field asked
/// for while it is itself being resolved answers, as in the reference implementation, with the
/// definitions below the one being resolved if it has any; else an optional substitution finds it
/// undefined, and a required one reports a cycle. Concatenations live in <c>Resolver.Concatenation.cs</c>.
/// </summary>
internal sealed partial class Resolver
{
    private const int MaxDepth = 1000;
    private const long MaxSteps = 2_000_000;

    private readonly HoconObject _root;
    private readonly Func<string, string?> _environment;
    private readonly Dictionary<string, HoconValue?> _memo = new(StringComparer.Ordinal);
    private readonly HashSet<string> _inProgress = new(StringComparer.Ordinal);
    private readonly List<string[]> _inProgressOrder = [];

    // Fields of the real tree whose definitions are being resolved, by memo key, with the one in hand.
    private readonly Dictionary<string, Override> _stacksInProgress = new(StringComparer.Ordinal);
    private int _depth;
    private long _steps;

    // Counts lookups answered by a field still being resolved. A result computed meanwhile depends
    // on that moment, so an undefined one is not memoized: asked again later, the field may have a
    // value (the reference implementation never memoizes undefined results).
    private long _answersFromFieldsInProgress;

    private Resolver(HoconObject root, Func<string, string?> environment)
    {
        _root = root;
        _environment = environment;
    }

    public static HoconObject Resolve(HoconObject root, Func<string, string?>? environment = null)
    {
        if (root.IsResolved)
        {
            return root;
        }

        var resolver = new Resolver(root, environment ?? Environment.GetEnvironmentVariable);
        try
        {
            return resolver.ResolveObjectReal(root, []);
        }
        catch (InsufficientExecutionStackException ex)
        {
            throw new HoconException("substitutions nest too deeply to resolve", ex);
        }
    }

    private HoconObject ResolveObjectReal(HoconObject obj, string[] path)
    {
        if (obj.IsResolved)
        {
            return obj;
        }

        var keys = new List<string>(obj.Count);
        var values = new List<HoconValue>(obj.Count);
        for (var i = 0; i < obj.Count; i++)
        {
            var key = obj.KeyList[i];
            var value = obj.ValueList[i];
            var resolved = value.IsResolved ? value : ResolveFieldReal(Append(path, key), value);
            if (resolved is not null)
            {
                keys.Add(key);
                values.Add(resolved);
            }
        }

        return new HoconObject([.. keys], [.. values], obj.Source, obj.Offset);
    }

    /// <summary>Resolves the field of the real tree at <paramref name="path"/>; null when an optional substitution removed it.</summary>
    private HoconValue? ResolveFieldReal(string[] path, HoconValue node, HoconSubstitution? askedBy = null)
    {
        if (node.IsResolved)
        {
            return node;
        }

        var key = string.Join('\u001f', path);
        if (_memo.TryGetValue(key, out var cached))
        {
            return cached;
        }

        if (!_inProgress.Add(key))
        {
            return AnswerFromFieldInProgress(key, path, askedBy, node);
        }

        _inProgressOrder.Add(path);
        Enter(node);
        var answersBefore = _answersFromFieldsInProgress;
        HoconValue? result;
        if (node is HoconObject obj)
        {
            result = ResolveObjectReal(obj, path);
        }
        else
        {
            var stack = StackOf(node);
            result = ResolveStack(stack, path, stack.Length, null, stack.Length > 1 ? key : null);
            _stacksInProgress.Remove(key);
        }

        _depth--;
        _inProgressOrder.RemoveAt(_inProgressOrder.Count - 1);
        _inProgress.Remove(key);
        if (result is not null || _answersFromFieldsInProgress == answersBefore)
        {
            _memo[key] = result;
        }

        return result;
    }

    /// <summary>
    /// Answers a lookup that reached a field while the field itself is being resolved: with the
    /// definitions below the one being resolved (<c>a = 1</c>, <c>a = ${?b}</c>, <c>b = ${?a}</c> gives
    /// b = 1); else undefined for an optional substitution (<c>a = ${?b}</c>, <c>b = ${?a}</c> leaves
    /// both undefined); else it is a cycle.
    /// </summary>
    private HoconValue? AnswerFromFieldInProgress(string key, string[] path, HoconSubstitution? askedBy, HoconValue node)
    {
        if (_stacksInProgress.TryGetValue(key, out var current))
        {
            _answersFromFieldsInProgress++;
            return ResolveStack(current.Elements, current.Path, current.Index, current.Parent);
        }

        if (askedBy is { Optional: true })
        {
            _answersFromFieldsInProgress++;
            return null;
        }

        throw Cycle(path, askedBy, node);
    }

    /// <summary>
    /// Resolves the lowest <paramref name="count"/> definitions of a field, top first: an object
    /// merges with the objects below it, anything else hides what is below, and a definition that
    /// resolves to nothing (an undefined <c>${?x}</c>) is skipped.
    /// </summary>
    /// <remarks>
    /// With <paramref name="inProgressKey"/>, the definitions are a real-tree field's, and the one in
    /// hand is published so that a lookup reaching the field from elsewhere sees those below it.
    /// </remarks>
    private HoconValue? ResolveStack(HoconValue[] elements, string[] path, int count, Override? context, string? inProgressKey = null)
    {
        HoconObject? merged = null;
        for (var i = count - 1; i >= 0; i--)
        {
            var element = elements[i];
            HoconValue? value = element;
            if (!element.IsResolved)
            {
                var current = new Override(path, elements, i, context);
                if (inProgressKey is not null)
                {
                    _stacksInProgress[inProgressKey] = current;
                }

                value = ResolveValue(element, path, current);
            }

            if (value is null)
            {
                continue;
            }

            if (value is HoconObject obj)
            {
                merged = merged is null ? obj : ValueMerger.MergeObjects(obj, merged);
                continue;
            }

            return (HoconValue?)merged ?? value;
        }

        return merged;
    }

    /// <summary>Resolves a value outside the memoized real tree, within a self-reference context.</summary>
    private HoconValue? ResolveValue(HoconValue node, string[] path, Override? context)
    {
        if (node.IsResolved)
        {
            return node;
        }

        Enter(node);
        HoconValue? result;
        switch (node)
        {
            case HoconSubstitution substitution:
                result = Lookup(substitution, context);
                if (result is null && !substitution.Optional)
                {
                    throw Unresolved(substitution);
                }

                break;
            case HoconConcatenation concatenation:
                result = ResolveConcatenation(concatenation, path, context);
                break;
            case HoconMergeStack stack:
                result = ResolveStack(stack.Elements, path, stack.Elements.Length, context);
                break;
            case HoconArray array:
                var items = new List<HoconValue>(array.Count);
                foreach (var item in array.Items)
                {
                    if (ResolveValue(item, path, context) is { } resolvedItem)
                    {
                        items.Add(resolvedItem);
                    }
                }

                result = new HoconArray([.. items], array.Source, array.Offset);
                break;
            case HoconObject obj:
                var keys = new List<string>(obj.Count);
                var values = new List<HoconValue>(obj.Count);
                for (var i = 0; i < obj.Count; i++)
                {
                    var key = obj.KeyList[i];
                    var value = obj.ValueList[i];
                    var stack = value.IsResolved ? null : StackOf(value);
                    var resolved = stack is null ? value : ResolveStack(stack, Append(path, key), stack.Length, context);
                    if (resolved is not null)
                    {
                        keys.Add(key);
                        values.Add(resolved);
                    }
                }

                result = new HoconObject([.. keys], [.. values], obj.Source, obj.Offset);
                break;
            default:
                throw new InvalidOperationException($"unexpected node {node.Kind}");
        }

        _depth--;
        return result;
    }

    /// <summary>
    /// Finds the value a substitution names, in the reference implementation's order: the path with
    /// the include prefix applied; if no field exists there and the substitution comes from a file
    /// included inside an object, the path as written, from the root; if no field exists there either,
    /// the environment variable named by the path as written. A field that exists but resolves to
    /// nothing (an undefined <c>${?x}</c>) ends the search. Null means "undefined".
    /// </summary>
    private HoconValue? Lookup(HoconSubstitution substitution, Override? context)
    {
        if (TryFindInDocument(substitution.Path, substitution, context, out var value))
        {
            return value;
        }

        if (substitution.IsRelativized && TryFindInDocument(substitution.WrittenPath, substitution, context, out value))
        {
            return value;
        }

        return FromEnvironment(substitution);
    }

    /// <summary>
    /// Looks <paramref name="path"/> up first in the self-reference contexts that cover it (the
    /// definitions below the one being resolved), else in the real tree. False when no field exists
    /// at the path, so the caller may look elsewhere; true, with a null value when undefined, otherwise.
    /// </summary>
    private bool TryFindInDocument(string[] path, HoconSubstitution substitution, Override? context, out HoconValue? value)
    {
        var covered = false;
        for (var o = context; o is not null; o = o.Parent)
        {
            if (!IsPrefix(o.Path, path))
            {
                continue;
            }

            covered = true;
            var below = ResolveStack(o.Elements, o.Path, o.Index, o.Parent);
            if (below is null)
            {
                // Nothing below at this level; an enclosing definition may still have it.
                continue;
            }

            value = Descend(below, path, o.Path.Length) ?? FromEnvironment(substitution);
            return true;
        }

        if (covered)
        {
            // A self-reference with nothing below it: only the environment can still supply a value.
            value = FromEnvironment(substitution);
            return true;
        }

        return TryFindInTree(path, substitution, out value);
    }

    /// <summary>
    /// Walks the real tree along <paramref name="path"/>, resolving only the fields on the way that
    /// are not plain objects. False when the path leads nowhere: a key is missing, or a value on the
    /// way is (or resolves to) nothing or a non-object.
    /// </summary>
    private bool TryFindInTree(string[] path, HoconSubstitution substitution, out HoconValue? value)
    {
        value = null;
        HoconValue node = _root;
        for (var i = 0; i < path.Length - 1; i++)
        {
            if (node is not HoconObject obj || !obj.TryGetValue(path[i], out var child))
            {
                return false;
            }

            if (child is HoconObject)
            {
                // Only the field asked for is resolved, never the whole object around it, so
                // `bar { foo = 42, baz = ${bar.foo} }` is not a cycle.
                node = child;
                continue;
            }

            var resolved = child.IsResolved ? child : ResolveFieldReal(path[..(i + 1)], child, substitution);
            if (resolved is null)
            {
                return false;
            }

            node = resolved;
        }

        if (node is not HoconObject parent || !parent.TryGetValue(path[^1], out var field))
        {
            return false;
        }

        value = field.IsResolved ? field : ResolveFieldReal(path, field, substitution);
        return true;
    }

    private HoconScalar? FromEnvironment(HoconSubstitution substitution)
    {
        var name = string.Join('.', substitution.WrittenPath);
        var value = _environment(name);

        // A variable set to the empty string is set: its value is "", as in the reference implementation.
        return value is null ? null : HoconScalar.String(value, substitution.Source, substitution.Offset);
    }

    private static HoconValue? Descend(HoconValue value, string[] path, int from)
    {
        for (var i = from; i < path.Length; i++)
        {
            if (value is not HoconObject obj || !obj.TryGetValue(path[i], out var child))
            {
                return null;
            }

            value = child;
        }

        return value;
    }

    private static bool IsPrefix(string[] prefix, string[] path)
    {
        if (prefix.Length > path.Length)
        {
            return false;
        }

        for (var i = 0; i < prefix.Length; i++)
        {
            if (!string.Equals(prefix[i], path[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    private static HoconValue[] StackOf(HoconValue node) => node is HoconMergeStack stack ? stack.Elements : [node];

    private static string[] Append(string[] path, string key)
    {
        var result = new string[path.Length + 1];
        path.CopyTo(result, 0);
        result[^1] = key;
        return result;
    }

    private void Enter(HoconValue node)
    {
        if (++_depth > MaxDepth)
        {
            throw new HoconException($"substitutions nest more than {MaxDepth} levels deep", node.Source, node.Offset);
        }

        if (++_steps > MaxSteps)
        {
            throw new HoconException($"resolving substitutions took more than {MaxSteps} steps; the references multiply without end", node.Source, node.Offset);
        }

        RuntimeHelpers.EnsureSufficientExecutionStack();
    }

    private HoconException Cycle(string[] path, HoconSubstitution? askedBy, HoconValue node)
    {
        var start = _inProgressOrder.FindIndex(p => p.AsSpan().SequenceEqual(path));
        var chain = _inProgressOrder.Skip(Math.Max(start, 0)).Select(HoconPath.Render).Append(HoconPath.Render(path));
        var where = (HoconValue?)askedBy ?? node;
        return new HoconException($"substitution cycle: {string.Join(" -> ", chain)}", where.Source, where.Offset);
    }

    private static HoconException Unresolved(HoconSubstitution substitution)
    {
        var name = string.Join('.', substitution.WrittenPath);
        var paths = substitution.IsRelativized
            ? $"{HoconPath.Render(substitution.Path)} or {HoconPath.Render(substitution.WrittenPath)}"
            : HoconPath.Render(substitution.Path);
        return new HoconException(
            $"could not resolve substitution {substitution.Describe()}: no value at path {paths} and no environment variable {name}; write ${{?{HoconPath.Render(substitution.WrittenPath)}}} if it is optional",
            substitution.Source,
            substitution.Offset);
    }
}
