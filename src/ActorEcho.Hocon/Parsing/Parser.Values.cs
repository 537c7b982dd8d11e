using System.Text;
using ActorEcho.Hocon.Values;

namespace ActorEcho.Hocon.Parsing;

internal sealed partial class Parser
{
    /// <summary>
    /// Parses a value, which may be a concatenation of several parts written on one line. Stops
    /// (without consuming) at a newline, ',', '}', ']' or the end of input. The value's absolute
    /// path is <paramref name="parent"/> + <paramref name="key"/>, joined only if an object or
    /// array needs it, since most values are scalars.
    /// </summary>
    private HoconValue ParseValue(string[] parent, string[]? key)
    {
        var start = _token.Start;
        HoconValue? first = null;
        List<HoconValue>? parts = null;
        Token? pendingWhitespace = null;
        while (true)
        {
            switch (_token.Kind)
            {
                case TokenKind.Whitespace:
                    if (first is not null)
                    {
                        pendingWhitespace = _token;
                    }

                    Advance();
                    continue;
                case TokenKind.Newline:
                case TokenKind.Comma:
                case TokenKind.CloseBrace:
                case TokenKind.CloseBracket:
                case TokenKind.End:
                    if (first is null)
                    {
                        throw Error(_token.Start, $"expected a value, got {_token.Describe()}");
                    }

                    if (parts is null)
                    {
                        return first;
                    }

                    var joined = Concatenate(parts, start);
                    ReturnList(parts);
                    return joined;
                case TokenKind.Colon:
                case TokenKind.Equals:
                case TokenKind.PlusEquals:
                    throw Error(_token.Start, $"unexpected {_token.Describe()} in a value; put text containing it in quotes");
            }

            var part = ParsePart(parent, key);
            if (first is null)
            {
                first = part;
            }
            else
            {
                if (parts is null)
                {
                    parts = RentList();
                    parts.Add(first);
                }

                if (pendingWhitespace is { } ws)
                {
                    parts.Add(new HoconScalar(ValueKind.String, _lexer.Slice(ws), _source, ws.Start, isWhitespace: true));
                }

                parts.Add(part);
            }

            pendingWhitespace = null;
        }
    }

    private HoconValue ParsePart(string[] parent, string[]? key)
    {
        var token = _token;
        switch (token.Kind)
        {
            case TokenKind.QuotedString:
            case TokenKind.UnquotedText:
                Advance();
                return new HoconScalar(ValueKind.String, token.Value!, _source, token.Start);
            case TokenKind.Number:
                Advance();
                return new HoconScalar(ValueKind.Number, token.Value!, _source, token.Start);
            case TokenKind.True:
            case TokenKind.False:
                Advance();
                return new HoconScalar(ValueKind.Boolean, token.Value!, _source, token.Start);
            case TokenKind.Null:
                Advance();
                return HoconScalar.Null(_source, token.Start);
            case TokenKind.Substitution:
                Advance();
                var target = _prefix.Length == 0 ? token.Path! : [.. _prefix, .. token.Path!];
                return new HoconSubstitution(target, token.Path!, token.Optional, _source, token.Start);
            case TokenKind.OpenBrace:
                return ParseBracedObject(key is null ? parent : Concat(parent, key));
            case TokenKind.OpenBracket:
                return ParseArray(key is null ? parent : Concat(parent, key));
            default:
                throw Error(token.Start, $"expected a value, got {token.Describe()}");
        }
    }

    private HoconObject ParseBracedObject(string[] path)
    {
        var open = _token.Start;
        Enter(open);
        Advance();
        var builder = _builderPool.Count > 0 ? _builderPool.Pop() : new ObjectBuilder(_source, open);
        builder.Reset(_source, open);
        ParseObjectBody(builder, path, open, braced: true);
        _depth--;
        var result = builder.Build();
        _builderPool.Push(builder);
        return result;
    }

    private HoconArray ParseArray(string[] path)
    {
        var open = _token.Start;
        Enter(open);
        Advance();
        var items = RentList();
        while (true)
        {
            SkipWhitespaceAndNewlines();
            if (_token.Kind == TokenKind.CloseBracket)
            {
                Advance();
                break;
            }

            if (_token.Kind == TokenKind.End)
            {
                throw UnclosedArray(open);
            }

            if (_token.Kind == TokenKind.Comma)
            {
                throw Error(_token.Start, "unexpected ','; expected an array element or ']'");
            }

            items.Add(ParseValue(path, null));
            SkipWhitespace();
            switch (_token.Kind)
            {
                case TokenKind.Comma:
                    Advance();
                    continue;
                case TokenKind.Newline:
                    SkipSeparatorAfterNewline();
                    continue;
                case TokenKind.CloseBracket:
                    Advance();
                    break;
                case TokenKind.End:
                    throw UnclosedArray(open);
                default:
                    throw Error(_token.Start, $"expected ',' or ']' after an array element, got {_token.Describe()}");
            }

            break;
        }

        _depth--;
        var array = new HoconArray([.. items], _source, open);
        ReturnList(items);
        return array;
    }

    private List<HoconValue> RentList() => _listPool.Count > 0 ? _listPool.Pop() : new List<HoconValue>();

    private void ReturnList(List<HoconValue> list)
    {
        list.Clear();
        _listPool.Push(list);
    }

    private HoconException UnclosedArray(int open)
    {
        var (line, column) = _source.GetLineAndColumn(open);
        return Error(_token.Start, $"expected ']' to close the array opened at {line}:{column}, got end of input");
    }

    /// <summary>
    /// Joins plain scalars (<c>foo bar 10</c>) into one string now; anything involving
    /// substitutions, objects or arrays is left for the resolver.
    /// </summary>
    private HoconValue Concatenate(List<HoconValue> parts, int start)
    {
        HoconValue? firstScalar = null;
        HoconValue? firstCollection = null;
        var collectionKinds = 0;
        foreach (var part in parts)
        {
            switch (part)
            {
                case HoconScalar { IsWhitespace: false }:
                    firstScalar ??= part;
                    break;
                case HoconObject:
                    firstCollection ??= part;
                    collectionKinds |= 1;
                    break;
                case HoconArray:
                    firstCollection ??= part;
                    collectionKinds |= 2;
                    break;
            }
        }

        // Literals that can never join are an error now, even if a later definition would hide them.
        if (collectionKinds == 3 || (firstCollection is not null && firstScalar is not null))
        {
            var culprit = firstScalar ?? firstCollection!;
            throw Error(culprit.Offset, "cannot concatenate " + (collectionKinds == 3 ? "an object with an array" : $"{(firstCollection is HoconObject ? "an object" : "an array")} with '{((HoconScalar?)firstScalar)?.Text}'") + "; only strings, only arrays or only objects can be joined");
        }

        if (firstCollection is not null || parts.Exists(p => p is not HoconScalar))
        {
            return new HoconConcatenation([.. parts], _source, start);
        }

        var sb = new StringBuilder();
        foreach (var part in parts)
        {
            sb.Append(((HoconScalar)part).Text);
        }

        return new HoconScalar(ValueKind.String, sb.ToString(), _source, start);
    }
}
