using System.Runtime.CompilerServices;
using System.Text;
using ActorEcho.Hocon.Values;

namespace ActorEcho.Hocon.Rendering;

/// <summary>
/// Writes a resolved tree as JSON: numbers and booleans unquoted, everything else a JSON string,
/// so a duration written <c>10s</c> appears as <c>"10s"</c>. This text is what Akka.NET's parser
/// receives, so whole numbers written with an exponent appear in digits (see <see cref="NumberText.ToJsonInDigits"/>).
/// </summary>
internal static class JsonWriter
{
    public static string Write(HoconValue value, bool indented)
    {
        var sb = new StringBuilder();
        try
        {
            WriteValue(sb, value, indented, 0);
        }
        catch (InsufficientExecutionStackException ex)
        {
            throw new HoconException("the configuration is nested too deeply to render", ex);
        }

        return sb.ToString();
    }

    public static void AppendQuoted(StringBuilder sb, string text)
    {
        sb.Append('"');
        foreach (var c in text)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                case '\b': sb.Append("\\b"); break;
                case '\f': sb.Append("\\f"); break;
                default:
                    if (c < ' ' || c == '\u2028' || c == '\u2029')
                    {
                        sb.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        sb.Append(c);
                    }

                    break;
            }
        }

        sb.Append('"');
    }

    private static void WriteValue(StringBuilder sb, HoconValue value, bool indented, int level)
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

                sb.Append('{');
                var firstField = true;
                foreach (var key in obj.KeyList)
                {
                    if (!firstField)
                    {
                        sb.Append(',');
                    }

                    firstField = false;
                    NewLine(sb, indented, level + 1);
                    AppendQuoted(sb, key);
                    sb.Append(indented ? ": " : ":");
                    WriteValue(sb, obj[key], indented, level + 1);
                }

                NewLine(sb, indented, level);
                sb.Append('}');
                return;
            case HoconArray array:
                if (array.Count == 0)
                {
                    sb.Append("[]");
                    return;
                }

                sb.Append('[');
                for (var i = 0; i < array.Count; i++)
                {
                    if (i > 0)
                    {
                        sb.Append(',');
                    }

                    NewLine(sb, indented, level + 1);
                    WriteValue(sb, array[i], indented, level + 1);
                }

                NewLine(sb, indented, level);
                sb.Append(']');
                return;
            case HoconScalar scalar:
                if (scalar.Kind == ValueKind.Number)
                {
                    sb.Append(NumberText.ToJsonInDigits(scalar.Text));
                }
                else if (scalar.Kind is ValueKind.Boolean or ValueKind.Null)
                {
                    sb.Append(scalar.Text);
                }
                else
                {
                    AppendQuoted(sb, scalar.Text);
                }

                return;
            default:
                throw new InvalidOperationException($"cannot render an unresolved {value.Kind}");
        }
    }

    private static void NewLine(StringBuilder sb, bool indented, int level)
    {
        if (indented)
        {
            sb.Append('\n').Append(' ', level * 2);
        }
    }
}
