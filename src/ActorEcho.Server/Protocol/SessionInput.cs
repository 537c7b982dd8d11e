namespace ActorEcho.Server.Protocol;

/// <summary>
/// One event from <see cref="SessionInputParser.TryRead(ReadOnlySpan{byte}, ref int, bool, out SessionInput)"/>: bytes to echo,
/// a complete line, or an error to report. A small value type, so reading events allocates nothing.
/// </summary>
public readonly record struct SessionInput
{
    private SessionInput(SessionInputKind kind, Range echo, string? line, string? errorMessage)
    {
        Kind = kind;
        Echo = echo;
        Line = line;
        ErrorMessage = errorMessage;
    }

    /// <summary>What this event carries.</summary>
    public SessionInputKind Kind { get; }

    /// <summary>
    /// For <see cref="SessionInputKind.Echo"/>: where the bytes to send back are in the chunk passed to
    /// <see cref="SessionInputParser.TryRead(ReadOnlySpan{byte}, ref int, bool, out SessionInput)"/>
    /// (<c>chunk[input.Echo]</c>): the parser copies nothing, the caller slices its own buffer. An
    /// empty range for other kinds.
    /// </summary>
    public Range Echo { get; }

    /// <summary>
    /// For <see cref="SessionInputKind.Command"/> and <see cref="SessionInputKind.RoomLine"/>: the line
    /// decoded from UTF-8, without its <c>\n</c> or a <c>\r</c> before it. <see langword="null"/> otherwise.
    /// </summary>
    public string? Line { get; }

    /// <summary>
    /// For <see cref="SessionInputKind.LineTooLong"/> and <see cref="SessionInputKind.InvalidUtf8"/>: the
    /// error text without the <c>ERR </c> prefix, ready for <see cref="ServerReplies.Error(string)"/>.
    /// <see langword="null"/> otherwise.
    /// </summary>
    public string? ErrorMessage { get; }

    internal static SessionInput ForEcho(int start, int length) => new(SessionInputKind.Echo, start..(start + length), null, null);

    internal static SessionInput ForCommand(string line) => new(SessionInputKind.Command, default, line, null);

    internal static SessionInput ForRoomLine(string line) => new(SessionInputKind.RoomLine, default, line, null);

    internal static SessionInput ForError(SessionInputKind kind, string message) => new(kind, default, null, message);
}
