using System.Runtime.CompilerServices;
using ActorEcho.Hocon.Values;

namespace ActorEcho.Hocon.Parsing;

/// <summary>
/// Recursive-descent HOCON parser producing an unresolved tree: duplicate keys are merged as they
/// are read, includes are parsed and merged in place, substitutions stay as nodes for the
/// resolver. Split by concern: objects and fields here, values and arrays in
/// <c>Parser.Values.cs</c>, include statements in <c>Parser.Includes.cs</c>.
/// </summary>
internal sealed partial class Parser
{
    /// <summary>Deeper nesting is refused so a hostile document cannot exhaust the stack.</summary>
    public const int MaxDepth = 256;

    private readonly SourceText _source;
    private readonly Lexer _lexer;
    private readonly string[] _prefix;
    private readonly IReadOnlyList<string> _includeChain;

    // One shared array per single-word key: the lexer already shares the key string, and key
    // arrays are never mutated, so 2,000 sections with a "port" field need one ["port"].
    private readonly Dictionary<string, string[]> _singleKeys = new(StringComparer.Ordinal);

    // Builders of finished braced objects, reused: a document allocates one per nesting level, not one per object.
    private readonly Stack<ObjectBuilder> _builderPool = new();
    private readonly Stack<List<HoconValue>> _listPool = new();
    private Token _token;
    private int _depth;

    private Parser(SourceText source, string[] prefix, IReadOnlyList<string> includeChain)
    {
        _source = source;
        _lexer = new Lexer(source);
        _prefix = prefix;
        _includeChain = includeChain;
    }

    /// <summary>Parses a whole document whose root must be an object (braces optional).</summary>
    public static HoconObject ParseDocument(SourceText source) => ParseDocument(source, [], []);

    private static HoconObject ParseDocument(SourceText source, string[] prefix, IReadOnlyList<string> includeChain)
    {
        var parser = new Parser(source, prefix, includeChain);
        try
        {
            return parser.ParseRoot();
        }
        catch (InsufficientExecutionStackException ex)
        {
            throw new HoconException("the document is nested too deeply to parse", source, parser._token.Start, ex);
        }
    }

    private HoconObject ParseRoot()
    {
        Advance();
        SkipWhitespaceAndNewlines();
        var builder = new ObjectBuilder(_source, _token.Start);
        if (_token.Kind == TokenKind.OpenBracket)
        {
            throw Error(_token.Start, "the root of a configuration document must be an object, not an array");
        }

        if (_token.Kind == TokenKind.OpenBrace)
        {
            var open = _token.Start;
            Advance();
            ParseObjectBody(builder, _prefix, open, braced: true);
            SkipWhitespaceAndNewlines();
            if (_token.Kind != TokenKind.End)
            {
                throw Error(_token.Start, $"expected the end of the document after the root object's '}}', got {_token.Describe()}");
            }
        }
        else
        {
            ParseObjectBody(builder, _prefix, 0, braced: false);
        }

        return builder.Build();
    }

    /// <summary>Parses fields up to the closing brace (consumed) or, for the braceless root, the end of input.</summary>
    private void ParseObjectBody(ObjectBuilder builder, string[] objectPath, int openOffset, bool braced)
    {
        while (true)
        {
            SkipWhitespaceAndNewlines();
            switch (_token.Kind)
            {
                case TokenKind.End:
                    if (braced)
                    {
                        var (line, column) = _source.GetLineAndColumn(openOffset);
                        throw Error(_token.Start, $"expected '}}' to close the object opened at {line}:{column}, got end of input");
                    }

                    return;
                case TokenKind.CloseBrace:
                    if (!braced)
                    {
                        throw Error(_token.Start, "unbalanced '}': no object is open here");
                    }

                    Advance();
                    return;
                case TokenKind.Comma:
                    throw Error(_token.Start, "unexpected ','; expected a key");
                case TokenKind.UnquotedText when _token.Value == "include":
                    ParseInclude(builder, objectPath);
                    break;
                default:
                    ParseField(builder, objectPath);
                    break;
            }

            SkipWhitespace();
            switch (_token.Kind)
            {
                case TokenKind.Comma:
                    Advance();
                    break;
                case TokenKind.Newline:
                    SkipSeparatorAfterNewline();
                    break;
                case TokenKind.End:
                case TokenKind.CloseBrace:
                    break;
                default:
                    throw Error(_token.Start, $"expected ',' or a newline after a field, got {_token.Describe()}");
            }
        }
    }

    private void ParseField(ObjectBuilder builder, string[] objectPath)
    {
        var keyStart = _token.Start;
        var key = ParseKey();
        if (_depth + key.Length > MaxDepth)
        {
            throw Error(keyStart, $"the key '{HoconPath.Render(key[..Math.Min(3, key.Length)])}' nests objects more than {MaxDepth} levels deep");
        }

        SkipWhitespace();
        HoconValue value;
        switch (_token.Kind)
        {
            case TokenKind.Colon:
            case TokenKind.Equals:
                Advance();
                SkipWhitespaceAndNewlines();
                value = ParseValue(objectPath, key);
                break;
            case TokenKind.PlusEquals:
                var plusAt = _token.Start;
                Advance();
                SkipWhitespaceAndNewlines();
                var element = ParseValue(objectPath, key);

                // The spec defines `a += b` as `a = ${?a} [b]`.
                var fieldPath = Concat(objectPath, key);
                var self = new HoconSubstitution(fieldPath, fieldPath, optional: true, _source, plusAt);
                var array = new HoconArray([element], _source, element.Offset);
                value = new HoconConcatenation([self, array], _source, plusAt);
                break;
            case TokenKind.OpenBrace:
                // `key { ... }` takes exactly one object; concatenation needs an explicit '=' or ':'.
                value = ParseBracedObject(Concat(objectPath, key));
                break;
            default:
                throw Error(_token.Start, $"expected ':', '=' or '{{' after the key '{HoconPath.Render(key)}', got {_token.Describe()}");
        }

        builder.MergePath(key, 0, value, _source, keyStart);
    }

    private string[] ParseKey()
    {
        var start = _token.Start;
        try
        {
            return ParseKeyTokens();
        }
        catch (FormatException ex)
        {
            throw Error(start, "invalid key: " + ex.Message);
        }
    }

    private string[] ParseKeyTokens()
    {

        // Fast path: a key written as one unquoted word directly followed by its separator.
        if (_token.Kind is TokenKind.UnquotedText or TokenKind.Number or TokenKind.True or TokenKind.False or TokenKind.Null)
        {
            var text = _token.Value!;
            Advance();
            if (_token.Kind is TokenKind.Colon or TokenKind.Equals or TokenKind.OpenBrace or TokenKind.PlusEquals
                || (_token.Kind == TokenKind.Whitespace && IsSeparatorAfterWhitespace()))
            {
                return text.Contains('.', StringComparison.Ordinal) ? PathBuilder.SplitUnquoted(text) : SingleKey(text);
            }

            var slow = new PathBuilder();
            slow.AddUnquoted(text);
            return ParseKeyRest(slow);
        }

        if (_token.Kind == TokenKind.QuotedString)
        {
            // JSON-style "key": one element, never split.
            var text = _token.Value!;
            Advance();
            if (_token.Kind is TokenKind.Colon or TokenKind.Equals or TokenKind.OpenBrace or TokenKind.PlusEquals
                || (_token.Kind == TokenKind.Whitespace && IsSeparatorAfterWhitespace()))
            {
                return SingleKey(text);
            }

            var slow = new PathBuilder();
            slow.AddQuoted(text);
            return ParseKeyRest(slow);
        }

        return ParseKeyRest(new PathBuilder());
    }

    private string[] ParseKeyRest(PathBuilder path)
    {
        while (true)
        {
            switch (_token.Kind)
            {
                case TokenKind.UnquotedText:
                case TokenKind.Number:
                case TokenKind.True:
                case TokenKind.False:
                case TokenKind.Null:
                    path.AddUnquoted(_token.Value!);
                    break;
                case TokenKind.QuotedString:
                    path.AddQuoted(_token.Value!);
                    break;
                case TokenKind.Whitespace:
                    path.AddWhitespace(_lexer.Slice(_token));
                    break;
                case TokenKind.Colon:
                case TokenKind.Equals:
                case TokenKind.PlusEquals:
                case TokenKind.OpenBrace:
                    return path.Build();
                case TokenKind.Substitution:
                    throw Error(_token.Start, "substitutions are not allowed in keys");
                case TokenKind.Newline:
                    // The separator may sit on the next line, as the reference implementation allows;
                    // nothing else may, so a key never continues across lines.
                    var newline = _token;
                    SkipWhitespaceAndNewlines();
                    if (_token.Kind is TokenKind.Colon or TokenKind.Equals or TokenKind.PlusEquals or TokenKind.OpenBrace)
                    {
                        return path.Build();
                    }

                    throw Error(newline.Start, $"expected a key followed by ':', '=' or '{{', got newline");
                default:
                    throw Error(_token.Start, $"expected a key followed by ':', '=' or '{{', got {_token.Describe()}");
            }

            Advance();
        }
    }

    /// <summary>With the current token being whitespace, peeks whether a separator follows so the fast key path applies.</summary>
    private bool IsSeparatorAfterWhitespace()
    {
        var text = _source.Text;
        var p = _token.End;
        return p < text.Length && text[p] is ':' or '=' or '{' || (p + 1 < text.Length && text[p] == '+' && text[p + 1] == '=');
    }

    private string[] SingleKey(string key)
    {
        if (_singleKeys.TryGetValue(key, out var cached))
        {
            return cached;
        }

        string[] array = [key];
        if (_singleKeys.Count < 8192)
        {
            _singleKeys[key] = array;
        }

        return array;
    }

    private static string[] Concat(string[] a, string[] b)
    {
        if (a.Length == 0)
        {
            return b;
        }

        var result = new string[a.Length + b.Length];
        a.CopyTo(result, 0);
        b.CopyTo(result, a.Length);
        return result;
    }

    private void Advance() => _token = _lexer.Next();

    private void SkipWhitespace()
    {
        while (_token.Kind == TokenKind.Whitespace)
        {
            Advance();
        }
    }

    private void SkipWhitespaceAndNewlines()
    {
        while (_token.Kind is TokenKind.Whitespace or TokenKind.Newline)
        {
            Advance();
        }
    }

    /// <summary>After a newline, one comma may still separate the values (<c>a = 1\n, b = 2</c>).</summary>
    private void SkipSeparatorAfterNewline()
    {
        SkipWhitespaceAndNewlines();
        if (_token.Kind == TokenKind.Comma)
        {
            Advance();
        }
    }

    private void Enter(int offset)
    {
        if (++_depth > MaxDepth)
        {
            throw Error(offset, $"objects and arrays are nested more than {MaxDepth} levels deep");
        }

        RuntimeHelpers.EnsureSufficientExecutionStack();
    }

    private HoconException Error(int offset, string message) => new(message, _source, offset);
}
