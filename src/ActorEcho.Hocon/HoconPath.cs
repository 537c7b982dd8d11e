using System.Text;
using ActorEcho.Hocon.Parsing;

namespace ActorEcho.Hocon;

/// <summary>Path expressions as used by getters: <c>a.b.c</c>, with quoted elements for keys containing dots.</summary>
internal static class HoconPath
{
    public static string[] Parse(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var simple = true;
        foreach (var c in path)
        {
            if (Lexer.IsWhitespace(c) || Lexer.IsForbidden(c) || c == '/')
            {
                simple = false;
                break;
            }
        }

        try
        {
            if (simple && path.Length > 0)
            {
                return PathBuilder.SplitUnquoted(path);
            }

            var builder = new PathBuilder();
            var i = 0;
            while (i < path.Length)
            {
                var c = path[i];
                if (c == '"')
                {
                    var end = i + 1;
                    var sb = new StringBuilder();
                    while (end < path.Length && path[end] != '"')
                    {
                        if (path[end] == '\\' && end + 1 < path.Length)
                        {
                            end++;
                        }

                        sb.Append(path[end]);
                        end++;
                    }

                    if (end >= path.Length)
                    {
                        throw new FormatException("unterminated quoted element");
                    }

                    builder.AddQuoted(sb.ToString());
                    i = end + 1;
                }
                else if (Lexer.IsWhitespace(c))
                {
                    var start = i;
                    while (i < path.Length && Lexer.IsWhitespace(path[i]))
                    {
                        i++;
                    }

                    builder.AddWhitespace(path[start..i]);
                }
                else
                {
                    var start = i;
                    while (i < path.Length && path[i] != '"' && !Lexer.IsWhitespace(path[i]))
                    {
                        i++;
                    }

                    builder.AddUnquoted(path[start..i]);
                }
            }

            return builder.Build();
        }
        catch (FormatException ex)
        {
            throw new HoconException($"invalid path '{path}': {ex.Message}");
        }
    }

    public static string Render(IReadOnlyList<string> segments)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < segments.Count; i++)
        {
            if (i > 0)
            {
                sb.Append('.');
            }

            AppendKey(sb, segments[i]);
        }

        return sb.ToString();
    }

    /// <summary>Writes a key unquoted when it is a plain word, quoted (JSON escapes) otherwise.</summary>
    public static void AppendKey(StringBuilder sb, string key)
    {
        if (IsPlainKey(key))
        {
            sb.Append(key);
        }
        else
        {
            Rendering.JsonWriter.AppendQuoted(sb, key);
        }
    }

    private static bool IsPlainKey(string key)
    {
        if (key.Length == 0 || key == "include")
        {
            return false;
        }

        foreach (var c in key)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c == '_' || c == '-'))
            {
                return false;
            }
        }

        return true;
    }
}
