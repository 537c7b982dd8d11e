using System.Text;
using ActorEcho.Hocon.Values;

namespace ActorEcho.Hocon.Resolution;

internal sealed partial class Resolver
{
    /// <summary>
    /// Joins the resolved parts of a concatenation: arrays append, objects merge (later parts win),
    /// scalars join as text with the whitespace written between them (null as "null", as the
    /// reference implementation does). Mixing kinds is an error.
    /// </summary>
    private HoconValue? ResolveConcatenation(HoconConcatenation concatenation, string[] path, Override? context)
    {
        var values = new List<HoconValue>(concatenation.Parts.Length);
        var hasCollection = false;
        foreach (var part in concatenation.Parts)
        {
            var value = part.IsResolved ? part : ResolveValue(part, path, context);
            if (value is null)
            {
                continue;
            }

            values.Add(value);
            hasCollection |= value is HoconObject or HoconArray;
        }

        if (values.Count == 0)
        {
            return null;
        }

        if (hasCollection)
        {
            return JoinCollections(values, concatenation, path);
        }

        // As the reference implementation does, whitespace next to an undefined ${?x} stays:
        // `${?missing} foo` is " foo", and a lone surviving value keeps its type.
        if (values.Count == 1)
        {
            return values[0] is HoconScalar { IsWhitespace: true } ws ? HoconScalar.String(ws.Text, ws.Source, ws.Offset) : values[0];
        }

        var sb = new StringBuilder();
        foreach (var value in values)
        {
            sb.Append(((HoconScalar)value).Text);
        }

        return HoconScalar.String(sb.ToString(), concatenation.Source, concatenation.Offset);
    }

    private static HoconValue JoinCollections(List<HoconValue> values, HoconConcatenation concatenation, string[] path)
    {
        HoconValue? result = null;
        foreach (var value in values)
        {
            if (value is HoconScalar { IsWhitespace: true })
            {
                continue;
            }

            result = (result, value) switch
            {
                (null, HoconObject or HoconArray) => value,
                (HoconArray a, HoconArray b) => new HoconArray([.. a.Items, .. b.Items], concatenation.Source, concatenation.Offset),
                (HoconObject a, HoconObject b) => ValueMerger.MergeObjects(a, b),
                _ => throw new HoconException(
                    $"path {HoconPath.Render(path)}: cannot concatenate {Describe(result ?? value)} with {Describe(result is null ? values.First(v => v is HoconObject or HoconArray) : value)}; only strings, only arrays or only objects can be joined",
                    concatenation.Source,
                    concatenation.Offset),
            };
        }

        return result!;
    }

    private static string Describe(HoconValue value) => value switch
    {
        HoconObject => "an object",
        HoconArray => "an array",
        HoconScalar s => $"{s.Type.ToString().ToLowerInvariant()} '{s.Text}'",
        _ => value.Kind.ToString(),
    };
}
