namespace ActorEcho.Hocon.Parsing;

/// <summary>
/// Turns HOCON text into tokens by hand, one character at a time: config is read at startup and
/// the benchmark parses a megabyte, so there is no regex and no per-character allocation.
/// Comments are skipped here; the newline that ends them is still a token because newlines
/// separate fields. Strings and substitutions are scanned in <c>Lexer.Strings.cs</c>.
/// </summary>
internal sealed partial class Lexer
{
    // Characters the spec forbids in unquoted text; most of them start another token.
    private static readonly bool[] Forbidden = BuildForbidden();
    private static readonly byte[] UnquotedStop = BuildUnquotedStop();

    // Keys and short values repeat across sections ("port", "enabled", "true"); sharing one
    // string per spelling keeps large documents from allocating (and retaining) thousands of copies.
    private const int MaxPooledLength = 32;
    private const int MaxPoolSize = 8192;

    private readonly SourceText _source;
    private readonly string _text;
    private readonly HashSet<string> _pool = new(StringComparer.Ordinal);
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _poolLookup;
    private int _pos;

    public Lexer(SourceText source)
    {
        _source = source;
        _text = source.Text;
        _poolLookup = _pool.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public static bool IsWhitespace(char c) =>
        c < 128 ? c is ' ' or '\t' or '\r' or '\v' or '\f' or '\n' or (>= '\x1c' and <= '\x1f') : char.IsWhiteSpace(c) || c == '\uFEFF';

    public static bool IsForbidden(char c) => c < 128 && Forbidden[c];

    public Token Next()
    {
        while (true)
        {
            if (_pos >= _text.Length)
            {
                return new Token(TokenKind.End, _pos, _pos);
            }

            var start = _pos;
            var c = _text[_pos];
            switch (c)
            {
                case '\n':
                    _pos++;
                    return new Token(TokenKind.Newline, start, _pos);
                case '#':
                    SkipComment();
                    continue;
                case '/' when Peek(1) == '/':
                    SkipComment();
                    continue;
                case ',':
                    _pos++;
                    return new Token(TokenKind.Comma, start, _pos);
                case ':':
                    _pos++;
                    return new Token(TokenKind.Colon, start, _pos);
                case '=':
                    _pos++;
                    return new Token(TokenKind.Equals, start, _pos);
                case '{':
                    _pos++;
                    return new Token(TokenKind.OpenBrace, start, _pos);
                case '}':
                    _pos++;
                    return new Token(TokenKind.CloseBrace, start, _pos);
                case '[':
                    _pos++;
                    return new Token(TokenKind.OpenBracket, start, _pos);
                case ']':
                    _pos++;
                    return new Token(TokenKind.CloseBracket, start, _pos);
                case '+':
                    if (Peek(1) == '=')
                    {
                        _pos += 2;
                        return new Token(TokenKind.PlusEquals, start, _pos);
                    }

                    throw Error(start, "'+' is only allowed as '+='; put text containing '+' in quotes");
                case '"':
                    if (Peek(1) == '"' && Peek(2) == '"')
                    {
                        return ScanTripleQuoted();
                    }

                    var quoted = ScanQuoted(ref _pos);
                    return new Token(TokenKind.QuotedString, start, _pos, quoted);
                case '$':
                    if (Peek(1) == '{')
                    {
                        return ScanSubstitution();
                    }

                    throw Error(start, "'$' is only allowed to start a substitution '${...}'; put text containing '$' in quotes");
                default:
                    if (IsWhitespace(c))
                    {
                        _pos++;
                        while (_pos < _text.Length && _text[_pos] != '\n' && IsWhitespace(_text[_pos]))
                        {
                            _pos++;
                        }

                        return new Token(TokenKind.Whitespace, start, _pos);
                    }

                    if (IsForbidden(c))
                    {
                        throw Error(start, $"reserved character '{c}' is not allowed outside quotes; put the text in quotes");
                    }

                    if (c == '-' || (c >= '0' && c <= '9'))
                    {
                        var end = ScanNumber(start);
                        if (end > 0)
                        {
                            _pos = end;
                            return new Token(TokenKind.Number, start, end, Intern(start, end - start));
                        }
                    }

                    return ScanUnquoted();
            }
        }
    }

    /// <summary>The text of a token such as whitespace, which carries no decoded value.</summary>
    public string Slice(Token token) => _text.Substring(token.Start, token.End - token.Start);

    private string Intern(int start, int length)
    {
        if (length > MaxPooledLength)
        {
            return _text.Substring(start, length);
        }

        var span = _text.AsSpan(start, length);
        if (_poolLookup.TryGetValue(span, out var pooled))
        {
            return pooled;
        }

        var created = span.ToString();
        if (_pool.Count < MaxPoolSize)
        {
            _pool.Add(created);
        }

        return created;
    }

    private char Peek(int ahead) => _pos + ahead < _text.Length ? _text[_pos + ahead] : '\0';

    private void SkipComment()
    {
        var newline = _text.IndexOf('\n', _pos);
        _pos = newline < 0 ? _text.Length : newline;
    }

    private bool EndsUnquoted(int at)
    {
        if (at >= _text.Length)
        {
            return true;
        }

        var c = _text[at];
        if (c >= 128)
        {
            return char.IsWhiteSpace(c) || c == '\uFEFF';
        }

        // One table lookup per character: 0 continues, 1 stops, 2 is '/' which stops only as "//".
        return UnquotedStop[c] switch
        {
            0 => false,
            1 => true,
            _ => at + 1 < _text.Length && _text[at + 1] == '/',
        };
    }

    /// <summary>Returns the end of a JSON number starting at <paramref name="start"/>, or 0 if the text there is not one on its own.</summary>
    private int ScanNumber(int start)
    {
        var p = start;
        if (_text[p] == '-')
        {
            p++;
        }

        if (p >= _text.Length || _text[p] < '0' || _text[p] > '9')
        {
            return 0;
        }

        while (p < _text.Length && _text[p] >= '0' && _text[p] <= '9')
        {
            p++;
        }

        if (p < _text.Length && _text[p] == '.')
        {
            // "1." and "1.e5" are numbers for the reference implementation (Java's parseDouble).
            var q = p + 1;
            while (q < _text.Length && _text[q] >= '0' && _text[q] <= '9')
            {
                q++;
            }

            if (q > p + 1 || EndsUnquoted(q) || _text[q] is 'e' or 'E')
            {
                p = q;
            }
        }

        if (p < _text.Length && (_text[p] == 'e' || _text[p] == 'E'))
        {
            var q = p + 1;
            if (q < _text.Length && (_text[q] == '+' || _text[q] == '-'))
            {
                q++;
            }

            if (q < _text.Length && _text[q] >= '0' && _text[q] <= '9')
            {
                while (q < _text.Length && _text[q] >= '0' && _text[q] <= '9')
                {
                    q++;
                }

                p = q;
            }
        }

        return EndsUnquoted(p) ? p : 0;
    }

    private Token ScanUnquoted()
    {
        var start = _pos;
        while (!EndsUnquoted(_pos))
        {
            _pos++;
        }

        var length = _pos - start;
        var kind = TokenKind.UnquotedText;
        if (length == 4 && string.CompareOrdinal(_text, start, "true", 0, 4) == 0)
        {
            kind = TokenKind.True;
        }
        else if (length == 5 && string.CompareOrdinal(_text, start, "false", 0, 5) == 0)
        {
            kind = TokenKind.False;
        }
        else if (length == 4 && string.CompareOrdinal(_text, start, "null", 0, 4) == 0)
        {
            kind = TokenKind.Null;
        }

        return new Token(kind, start, _pos, Intern(start, length));
    }

    private HoconException Error(int offset, string message) => new(message, _source, offset);

    private static byte[] BuildUnquotedStop()
    {
        var table = new byte[128];
        for (var c = 0; c < 128; c++)
        {
            table[c] = (byte)(Forbidden[c] || IsWhitespace((char)c) ? 1 : 0);
        }

        table['/'] = 2;
        return table;
    }

    private static bool[] BuildForbidden()
    {
        var table = new bool[128];
        foreach (var c in "$\"{}[]:=,+#`^?!@*&\\")
        {
            table[c] = true;
        }

        return table;
    }
}
