using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace ActorEcho.Server.Protocol;

/// <summary>
/// The rules nicks and room names follow: 1 to <see cref="MaxLength"/> characters of
/// <c>[A-Za-z0-9_-]</c>, starting with a letter. Both are compared case-insensitively
/// (<see cref="Comparer"/>), so <c>Bob</c> and <c>bob</c> are the same nick and the same room.
/// </summary>
public static class NameRules
{
    /// <summary>The longest nick or room name allowed, in characters (32).</summary>
    public const int MaxLength = 32;

    /// <summary>The room <c>/join</c> enters when no room is named.</summary>
    public const string DefaultRoom = "lobby";

    private const string Rule = "use 1-32 letters, digits, '_' or '-', starting with a letter";

    /// <summary>
    /// How nicks and room names are compared for uniqueness and lookup: ordinal, ignoring case.
    /// Names are ASCII-only, so this is exact and culture-independent.
    /// </summary>
    public static StringComparer Comparer => StringComparer.OrdinalIgnoreCase;

    /// <summary>The nick a session has before its first <c>/nick</c>: <c>guest-N</c>.</summary>
    /// <param name="sessionNumber">The server-wide session number.</param>
    /// <returns>The default nick, which itself satisfies the nick rules.</returns>
    public static string DefaultNick(long sessionNumber) =>
        string.Create(CultureInfo.InvariantCulture, $"guest-{sessionNumber}");

    /// <summary>Checks a nick against the rules.</summary>
    /// <param name="nick">The nick as typed.</param>
    /// <param name="error">When invalid: the error message (without <c>ERR </c>) naming the problem and the rule.</param>
    /// <returns><see langword="true"/> when the nick is well-formed (uniqueness is the server's check).</returns>
    public static bool IsValidNick(string nick, [NotNullWhen(false)] out string? error) => IsValid("nick", nick, out error);

    /// <summary>Checks a room name against the rules.</summary>
    /// <param name="room">The room name as typed.</param>
    /// <param name="error">When invalid: the error message (without <c>ERR </c>) naming the problem and the rule.</param>
    /// <returns><see langword="true"/> when the room name is well-formed.</returns>
    public static bool IsValidRoom(string room, [NotNullWhen(false)] out string? error) => IsValid("room name", room, out error);

    private static bool IsValid(string what, string name, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Length == 0)
        {
            error = $"empty {what}; {Rule}";
            return false;
        }

        if (name.Length > MaxLength)
        {
            error = string.Create(
                CultureInfo.InvariantCulture,
                $"{what} '{ProtocolErrors.Quote(name)}' is too long ({name.Length} characters, max {MaxLength}); {Rule}");
            return false;
        }

        if (!char.IsAsciiLetter(name[0]))
        {
            error = $"{what} '{ProtocolErrors.Quote(name)}' must start with a letter; {Rule}";
            return false;
        }

        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '_' && c != '-')
            {
                var shown = !char.IsAscii(c) ? "a non-ASCII character" : char.IsControl(c) ? "a control character" : $"'{c}'";
                error = $"{what} '{ProtocolErrors.Quote(name)}' contains {shown}; {Rule}";
                return false;
            }
        }

        error = null;
        return true;
    }
}
