namespace ActorEcho.Server.Protocol;

/// <summary>What a <see cref="SessionInput"/> from <see cref="SessionInputParser"/> carries.</summary>
public enum SessionInputKind
{
    /// <summary>Bytes to send straight back (<see cref="SessionInput.Echo"/>): plain text outside a room.</summary>
    Echo,

    /// <summary>A complete command line (<see cref="SessionInput.Line"/>), starting with <c>/</c>; parse it with <see cref="CommandParser"/>.</summary>
    Command,

    /// <summary>A complete, non-empty plain line typed in a room (<see cref="SessionInput.Line"/>), to be sent to the other members.</summary>
    RoomLine,

    /// <summary>
    /// A command or room line exceeded the maximum length; reply with <see cref="SessionInput.ErrorMessage"/>.
    /// The parser discards the rest of that line up to its <c>\n</c> by itself.
    /// </summary>
    LineTooLong,

    /// <summary>A command or room line was not valid UTF-8 and was dropped; reply with <see cref="SessionInput.ErrorMessage"/>.</summary>
    InvalidUtf8,
}
