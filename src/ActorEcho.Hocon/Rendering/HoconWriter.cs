using System.Runtime.CompilerServices;
using System.Text;
using ActorEcho.Hocon.Values;

namespace ActorEcho.Hocon.Rendering;

/// <summary>
/// Writes a resolved tree as HOCON that parses back to the same tree: the root without braces,
/// nested objects as <c>key { ... }</c>, strings always quoted so <c>"10"</c> stays a string.
/// </summary>
internal static class HoconWriter
{
    public static string WriteDocument(HoconObject root)
    {
        var sb = new StringBuilder();
        try
        {
            WriteFields(sb, root, 0);
        }
        catch (InsufficientExecutionStackException ex)
        {
            throw new HoconException("the configuration is nested too deeply to render", ex);
        }

        return sb.ToString();
    }

    public static string WriteValue(HoconValue value)
    {
        if (!value.IsResolved)
        {
            return $"<unresolved {value.Kind}>";
        }

        var sb = new StringBuilder();
        Write(sb, value, 0);
        return sb.ToString();
    }

    private static void WriteFields(StringBuilder sb, HoconObject obj, int level)
    {
        foreach (var key in obj.KeyList)
        {
            sb.Append(' ', level * 2);
            HoconPath.AppendKey(sb, key);
            var value = obj[key];
            sb.Append(value is HoconObject ? " " : " = ");
            Write(sb, value, level);
            sb.Append('\n');
        }
    }

    private static void Write(StringBuilder sb, HoconValue value, int level)
    {
        RuntimeHelpers.EnsureSufficientExecutionStack();
        switch (value)
        {
            case HoconObject obj:
                if (obj.Count == 0)
                {
                    sb.Append("{}");
                    return;
                }

                sb.Append("{\n");
                WriteFields(sb, obj, level + 1);
                sb.Append(' ', level * 2).Append('}');
                return;
            case HoconArray array:
                if (array.Count == 0)
                {
                    sb.Append("[]");
                    return;
                }

                if (array.All(v => v is HoconScalar))
                {
                    sb.Append('[');
                    for (var i = 0; i < array.Count; i++)
                    {
                        sb.Append(i > 0 ? ", " : string.Empty);
                        Write(sb, array[i], level);
                    }

                    sb.Append(']');
                    return;
                }

                sb.Append("[\n");
                for (var i = 0; i < array.Count; i++)
                {
                    sb.Append(' ', (level + 1) * 2);
                    Write(sb, array[i], level + 1);
                    sb.Append(i < array.Count - 1 ? ",\n" : "\n");
                }

                sb.Append(' ', level * 2).Append(']');
                return;
            case HoconScalar scalar:
                if (scalar.Kind == ValueKind.Number)
                {
                    sb.Append(NumberText.ToJson(scalar.Text));
                }
                else if (scalar.Kind is ValueKind.Boolean or ValueKind.Null)
                {
                    sb.Append(scalar.Text);
                }
                else
                {
                    JsonWriter.AppendQuoted(sb, scalar.Text);
                }

                return;
            default:
                sb.Append("<unresolved ").Append(value.Kind).Append('>');
                return;
        }
    }
}
