using System.Diagnostics.CodeAnalysis;

namespace ActorEcho.Server.Protocol;

/// <summary>
/// Turns a command line (as delivered by <see cref="SessionInputParser"/>: starts with <c>/</c>,
/// no line ending) into a <see cref="SessionCommand"/>. The command word is case-insensitive;
/// arguments are separated by spaces or tabs. Bad input is reported as an error value, never thrown.
/// </summary>
public static class CommandParser
{
    /// <summary>Parses one command line.</summary>
    /// <param name="line">The command line, e.g. <c>/msg bob hi there</c>.</param>
    /// <param name="allowCrash">
    /// Whether <c>/crash</c> is recognised (<c>actorecho.demo.allow-crash</c>); when not, it is an unknown command.
    /// </param>
    /// <param name="command">The parsed command on success.</param>
    /// <param name="error">
    /// On failure, the error message without the <c>ERR </c> prefix (see <see cref="ProtocolErrors"/>
    /// and <see cref="NameRules"/> for the texts); send it with <see cref="ServerReplies.Error(string)"/>.
    /// </param>
    /// <returns><see langword="true"/> when the line is a well-formed command.</returns>
    public static bool TryParse(
        string line,
        bool allowCrash,
        [NotNullWhen(true)] out SessionCommand? command,
        [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(line);
        var span = line.AsSpan();
        var wordEnd = span.IndexOfAny(' ', '\t');
        var word = wordEnd < 0 ? span : span[..wordEnd];
        var rest = wordEnd < 0 ? [] : span[wordEnd..].TrimStart(Separators);

        command = null;
        error = null;
        switch (Lookup(word, allowCrash))
        {
            case Word.Time:
                return NoArguments(SessionCommand.Time.Instance, "/time", rest, out command, out error);
            case Word.Leave:
                return NoArguments(SessionCommand.Leave.Instance, "/leave", rest, out command, out error);
            case Word.Who:
                return ParseWho(rest, out command, out error);
            case Word.Rooms:
                return NoArguments(SessionCommand.Rooms.Instance, "/rooms", rest, out command, out error);
            case Word.Stats:
                return NoArguments(SessionCommand.Stats.Instance, "/stats", rest, out command, out error);
            case Word.Help:
                return NoArguments(SessionCommand.Help.Instance, "/help", rest, out command, out error);
            case Word.Quit:
                return NoArguments(SessionCommand.Quit.Instance, "/quit", rest, out command, out error);
            case Word.Crash:
                return NoArguments(SessionCommand.Crash.Instance, "/crash", rest, out command, out error);
            case Word.Nick:
                return ParseNick(rest, out command, out error);
            case Word.Join:
                return ParseJoin(rest, out command, out error);
            case Word.Say:
                return ParseSay(rest, out command, out error);
            case Word.Msg:
                return ParseMsg(rest, out command, out error);
            default:
                error = ProtocolErrors.UnknownCommand(word.ToString());
                return false;
        }
    }

    private static ReadOnlySpan<char> Separators => [' ', '\t'];

    private enum Word
    {
        Unknown,
        Time,
        Nick,
        Join,
        Leave,
        Say,
        Msg,
        Who,
        Rooms,
        Stats,
        Help,
        Quit,
        Crash,
    }

    private static Word Lookup(ReadOnlySpan<char> word, bool allowCrash)
    {
        if (word.Length < 2 || word[0] != '/')
        {
            return Word.Unknown;
        }

        var name = word[1..];
        return name switch
        {
            _ when name.Equals("time", StringComparison.OrdinalIgnoreCase) => Word.Time,
            _ when name.Equals("nick", StringComparison.OrdinalIgnoreCase) => Word.Nick,
            _ when name.Equals("join", StringComparison.OrdinalIgnoreCase) => Word.Join,
            _ when name.Equals("leave", StringComparison.OrdinalIgnoreCase) => Word.Leave,
            _ when name.Equals("say", StringComparison.OrdinalIgnoreCase) => Word.Say,
            _ when name.Equals("msg", StringComparison.OrdinalIgnoreCase) => Word.Msg,
            _ when name.Equals("who", StringComparison.OrdinalIgnoreCase) => Word.Who,
            _ when name.Equals("rooms", StringComparison.OrdinalIgnoreCase) => Word.Rooms,
            _ when name.Equals("stats", StringComparison.OrdinalIgnoreCase) => Word.Stats,
            _ when name.Equals("help", StringComparison.OrdinalIgnoreCase) => Word.Help,
            _ when name.Equals("quit", StringComparison.OrdinalIgnoreCase) => Word.Quit,
            _ when allowCrash && name.Equals("crash", StringComparison.OrdinalIgnoreCase) => Word.Crash,
            _ => Word.Unknown,
        };
    }

    private static bool NoArguments(
        SessionCommand instance,
        string usage,
        ReadOnlySpan<char> rest,
        [NotNullWhen(true)] out SessionCommand? command,
        [NotNullWhen(false)] out string? error)
    {
        if (!rest.TrimEnd(Separators).IsEmpty)
        {
            command = null;
            error = ProtocolErrors.Usage(usage);
            return false;
        }

        command = instance;
        error = null;
        return true;
    }

    private static bool ParseNick(
        ReadOnlySpan<char> rest,
        [NotNullWhen(true)] out SessionCommand? command,
        [NotNullWhen(false)] out string? error)
    {
        command = null;
        var name = rest.TrimEnd(Separators);
        if (name.IsEmpty || name.ContainsAny(Separators))
        {
            error = ProtocolErrors.Usage("/nick NAME");
            return false;
        }

        var nick = name.ToString();
        if (!NameRules.IsValidNick(nick, out error))
        {
            return false;
        }

        command = new SessionCommand.Nick(nick);
        return true;
    }

    private static bool ParseWho(
        ReadOnlySpan<char> rest,
        [NotNullWhen(true)] out SessionCommand? command,
        [NotNullWhen(false)] out string? error)
    {
        command = null;
        if (!TryParseOptionalRoom(rest, "/who [ROOM]", out var room, out error))
        {
            return false;
        }

        command = room is null ? SessionCommand.Who.Instance : new SessionCommand.Who(room);
        return true;
    }

    private static bool ParseJoin(
        ReadOnlySpan<char> rest,
        [NotNullWhen(true)] out SessionCommand? command,
        [NotNullWhen(false)] out string? error)
    {
        command = null;
        if (!TryParseOptionalRoom(rest, "/join [ROOM]", out var room, out error))
        {
            return false;
        }

        command = new SessionCommand.Join(room ?? NameRules.DefaultRoom);
        return true;
    }

    /// <summary>
    /// The one optional argument of <c>/join</c> and <c>/who</c>: nothing (<paramref name="room"/> is
    /// null), or one valid room name; anything else is an error (<paramref name="usage"/> for more
    /// than one word).
    /// </summary>
    private static bool TryParseOptionalRoom(
        ReadOnlySpan<char> rest,
        string usage,
        out string? room,
        [NotNullWhen(false)] out string? error)
    {
        room = null;
        var name = rest.TrimEnd(Separators);
        if (name.IsEmpty)
        {
            error = null;
            return true;
        }

        if (name.ContainsAny(Separators))
        {
            error = ProtocolErrors.Usage(usage);
            return false;
        }

        var candidate = name.ToString();
        if (!NameRules.IsValidRoom(candidate, out error))
        {
            return false;
        }

        room = candidate;
        return true;
    }

    private static bool ParseSay(
        ReadOnlySpan<char> rest,
        [NotNullWhen(true)] out SessionCommand? command,
        [NotNullWhen(false)] out string? error)
    {
        // The text is kept as typed (inner and trailing spaces included), like a plain room line.
        if (rest.TrimEnd(Separators).IsEmpty)
        {
            command = null;
            error = ProtocolErrors.NothingToSay;
            return false;
        }

        command = new SessionCommand.Say(rest.ToString());
        error = null;
        return true;
    }

    private static bool ParseMsg(
        ReadOnlySpan<char> rest,
        [NotNullWhen(true)] out SessionCommand? command,
        [NotNullWhen(false)] out string? error)
    {
        var nickEnd = rest.IndexOfAny(Separators);
        var text = nickEnd < 0 ? [] : rest[nickEnd..].TrimStart(Separators);
        if (nickEnd <= 0 || text.TrimEnd(Separators).IsEmpty)
        {
            command = null;
            error = ProtocolErrors.Usage("/msg NICK TEXT");
            return false;
        }

        command = new SessionCommand.Msg(rest[..nickEnd].ToString(), text.ToString());
        error = null;
        return true;
    }
}
