namespace ActorEcho.Hocon.Parsing;

internal enum TokenKind
{
    End,
    Newline,
    Whitespace,
    Comma,
    Colon,
    Equals,
    PlusEquals,
    OpenBrace,
    CloseBrace,
    OpenBracket,
    CloseBracket,
    QuotedString,
    UnquotedText,
    Number,
    True,
    False,
    Null,
    Substitution,
}
