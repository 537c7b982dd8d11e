namespace ActorEcho.Hocon.Parsing;

/// <summary>
/// One lexical token. <see cref="Value"/> is the decoded text of strings, unquoted text and numbers;
/// a substitution carries its path and whether it is optional.
/// </summary>
internal readonly record struct Token(TokenKind Kind, int Start, int End, string? Value = null, string[]? Path = null, bool Optional = false)
{
    public string Describe() => Kind switch
    {
        TokenKind.End => "end of input",
        TokenKind.Newline => "newline",
        TokenKind.Whitespace => "whitespace",
        TokenKind.Comma => "','",
        TokenKind.Colon => "':'",
        TokenKind.Equals => "'='",
        TokenKind.PlusEquals => "'+='",
        TokenKind.OpenBrace => "'{'",
        TokenKind.CloseBrace => "'}'",
        TokenKind.OpenBracket => "'['",
        TokenKind.CloseBracket => "']'",
        TokenKind.QuotedString => $"quoted string \"{Value}\"",
        TokenKind.Substitution => "substitution",
        TokenKind.Number => $"number {Value}",
        _ => $"'{Value}'",
    };
}
