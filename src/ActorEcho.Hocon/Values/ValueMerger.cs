using System.Runtime.CompilerServices;

namespace ActorEcho.Hocon.Values;

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
        var keys = new List<string>(lower.Count + higher.Count);
        var values = new List<HoconValue>(lower.Count + higher.Count);
        keys.AddRange(lower.KeyList);
        values.AddRange(lower.ValueList);
        for (var i = 0; i < higher.Count; i++)
        {
            var key = higher.KeyList[i];
            var value = higher.ValueList[i];
            var at = lower.IndexOf(key);
            if (at >= 0)
            {
                values[at] = Merge(values[at], value);
            }
            else
            {
                keys.Add(key);
                values.Add(value);
            }
        }

        return new HoconObject([.. keys], [.. values], higher.Source, higher.Offset, lower.IgnoresFallbacks);
    }

    private static HoconMergeStack Stack(HoconValue lower, HoconValue higher)
    {
        var below = lower is HoconMergeStack l ? l.Elements : [lower];
        var above = higher is HoconMergeStack h ? h.Elements : [higher];
        return new HoconMergeStack([.. below, .. above]);
    }
}
