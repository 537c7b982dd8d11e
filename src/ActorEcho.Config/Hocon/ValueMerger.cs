using System.Runtime.CompilerServices;

namespace ActorEcho.Config.Hocon;

/// <summary>
/// The one merge rule HOCON uses everywhere (duplicate keys, includes, <c>WithFallback</c>):
/// objects merge field by field, any other resolved value replaces what was below it, and when
/// either side still holds a substitution the decision waits for resolution in a merge stack.
/// </summary>
internal static class ValueMerger
{
    public static HoconValue Merge(HoconValue lower, HoconValue higher)
    {
        if (higher is HoconObject higherObject)
        {
            if (lower is HoconObject lowerObject)
            {
                return MergeObjects(lowerObject, higherObject);
            }

            // An object hides a non-object below it, and with it every later fallback; only an
            // unresolved value might yet become an object.
            return lower.IsResolved ? higherObject.WithIgnoresFallbacks() : Stack(lower, higher);
        }

        return higher.IsResolved ? higher : Stack(lower, higher);
    }

    public static HoconObject MergeObjects(HoconObject lower, HoconObject higher)
    {
        if (higher.IgnoresFallbacks || (lower.Count == 0 && !lower.IgnoresFallbacks))
        {
            return higher;
        }

        if (higher.Count == 0 && !lower.IgnoresFallbacks)
        {
            return lower;
        }

        RuntimeHelpers.EnsureSufficientExecutionStack();
        var fields = new Dictionary<string, HoconValue>(lower.Count + higher.Count, StringComparer.Ordinal);
        var keys = new List<string>(lower.Count + higher.Count);
        foreach (var key in lower.KeyList)
        {
            fields[key] = lower[key];
            keys.Add(key);
        }

        foreach (var key in higher.KeyList)
        {
            var value = higher[key];
            if (fields.TryGetValue(key, out var existing))
            {
                fields[key] = Merge(existing, value);
            }
            else
            {
                fields[key] = value;
                keys.Add(key);
            }
        }

        return new HoconObject(fields, [.. keys], higher.Source, higher.Offset, lower.IgnoresFallbacks);
    }

    private static HoconMergeStack Stack(HoconValue lower, HoconValue higher)
    {
        var below = lower is HoconMergeStack l ? l.Elements : [lower];
        var above = higher is HoconMergeStack h ? h.Elements : [higher];
        return new HoconMergeStack([.. below, .. above]);
    }
}
