using System.Globalization;
using System.Text;

namespace ActorEcho.Hocon.Parsing;

internal sealed partial class Lexer
{
    private string ScanQuoted(ref int pos)
    {
        var start = pos;
        var p = pos + 1;

        // Most strings have no escapes: find the closing quote and slice once.
        while (p < _text.Length)
        {
            var c = _text[p];
            if (c == '"')
            {
                pos = p + 1;
                return Intern(start + 1, p - start - 1);
            }

            if (c == '\\' || c < ' ')
            {
                break;
            }

            p++;
        }

        var sb = new StringBuilder();
        sb.Append(_text, start + 1, p - start - 1);
        while (true)
        {
            if (p >= _text.Length)
            {
                throw Error(start, "unterminated quoted string: expected a closing '\"'");
            }

            var c = _text[p];
            if (c == '"')
            {
                pos = p + 1;
                return sb.ToString();
            }

            if (c == '\n')
            {
                throw Error(start, "quoted string not closed before the end of the line; use \\n or a triple-quoted \"\"\"string\"\"\" for several lines");
            }

            if (c < ' ')
            {
                throw Error(p, $"control character U+{(int)c:X4} in a quoted string; escape it");
            }

            if (c != '\\')
            {
                sb.Append(c);
                p++;
                continue;
            }

            if (p + 1 >= _text.Length)
            {
                throw Error(start, "unterminated quoted string: expected a closing '\"'");
            }

            var e = _text[p + 1];
            p += 2;
            switch (e)
            {
                case '"': sb.Append('"'); break;
                case '\\': sb.Append('\\'); break;
                case '/': sb.Append('/'); break;
                case 'b': sb.Append('\b'); break;
                case 'f': sb.Append('\f'); break;
                case 'n': sb.Append('\n'); break;
                case 'r': sb.Append('\r'); break;
                case 't': sb.Append('\t'); break;
                case 'u':
                    if (p + 4 > _text.Length || !ushort.TryParse(_text.AsSpan(p, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
                    {
                        throw Error(p - 2, "\\u must be followed by four hex digits");
                    }

                    sb.Append((char)code);
                    p += 4;
                    break;
                default:
                    throw Error(p - 2, $"invalid escape '\\{e}' in a quoted string; valid escapes are \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX");
            }
        }
    }

    private Token ScanTripleQuoted()
    {
        var start = _pos;
        var contentStart = _pos + 3;
        var close = _text.IndexOf("\"\"\"", contentStart, StringComparison.Ordinal);
        if (close < 0)
        {
            throw Error(start, "unterminated triple-quoted string: expected a closing '\"\"\"'");
        }

        // Quotes right before the closing three belong to the string ("""a"""" is a").
        while (close + 3 < _text.Length && _text[close + 3] == '"')
        {
            close++;
        }

        _pos = close + 3;
        return new Token(TokenKind.QuotedString, start, _pos, _text.Substring(contentStart, close - contentStart));
    }

    private Token ScanSubstitution()
    {
        var start = _pos;
        var p = _pos + 2;
        var optional = false;
        if (p < _text.Length && _text[p] == '?')
        {
            optional = true;
            p++;
        }

        string[] segments;
        try
        {
            segments = ScanSubstitutionPath(start, ref p);
        }
        catch (FormatException ex)
        {
            throw Error(start, "invalid substitution path: " + ex.Message);
        }

        _pos = p;
        return new Token(TokenKind.Substitution, start, _pos, null, segments, optional);
    }

    /// <summary>Reads the path up to and including the closing '}'; empty elements throw <see cref="FormatException"/>.</summary>
    private string[] ScanSubstitutionPath(int start, ref int p)
    {
        // Fast path: ${a.b.c} written as one unquoted word.
        var end = p;
        while (end < _text.Length && !EndsUnquoted(end) && _text[end] != '}')
        {
            end++;
        }

        if (end > p && end < _text.Length && _text[end] == '}')
        {
            var segments = PathBuilder.SplitUnquoted(_text.Substring(p, end - p));
            p = end + 1;
            return segments;
        }

        var path = new PathBuilder();
        while (true)
        {
            if (p >= _text.Length || _text[p] == '\n')
            {
                throw Error(start, "substitution not closed: expected '}' to close the '${' here");
            }

            var c = _text[p];
            if (c == '}')
            {
                p++;
                return path.Build();
            }

            if (c == '"')
            {
                path.AddQuoted(ScanQuoted(ref p));
                continue;
            }

            if (IsWhitespace(c))
            {
                var ws = p;
                while (p < _text.Length && _text[p] != '\n' && IsWhitespace(_text[p]))
                {
                    p++;
                }

                path.AddWhitespace(_text.Substring(ws, p - ws));
                continue;
            }

            if (IsForbidden(c))
            {
                throw Error(p, $"reserved character '{c}' in a substitution path; quote the key (\"...\")");
            }

            var from = p;
            while (!EndsUnquoted(p))
            {
                p++;
            }

            if (p == from)
            {
                // Only "//" gets here: it would start a comment anywhere else.
                throw Error(p, "'//' in a substitution path; quote the key (\"...\")");
            }

            path.AddUnquoted(_text.Substring(from, p - from));
        }
    }
}
