using System.Globalization;
using System.Text;

namespace ActorEcho.Server.Protocol;

/// <summary>
/// The text of every error the session protocol reports, without the <c>ERR </c> prefix
/// (<see cref="ServerReplies.Error(string)"/> adds it). Each message says what was wrong and what
/// would be right, so a person typing into telnet can recover without reading the docs.
/// </summary>
public static class ProtocolErrors
{
    // User input is quoted back in messages; cap it so a 4 KiB junk line does not come back whole.
    private const int MaxQuotedLength = 40;

    /// <summary>Sent for a command line that does not start with a known command word.</summary>
    /// <param name="word">The command word as typed, including the leading <c>/</c>.</param>
    public static string UnknownCommand(string word) => $"unknown command '{Quote(word)}'; try /help";

    /// <summary>Sent when a command or room line exceeds the configured maximum length.</summary>
    /// <param name="maxLineLength">The configured limit in bytes.</param>
    public static string LineTooLong(int maxLineLength) =>
        string.Create(CultureInfo.InvariantCulture, $"line too long (max {maxLineLength} bytes); line discarded");

    /// <summary>Sent when a command or room line is not valid UTF-8.</summary>
    public static string InvalidUtf8 => "invalid UTF-8 in line; send UTF-8 text";

    /// <summary>Sent when a chat line is dropped by the per-session rate limit.</summary>
    /// <param name="linesPerSecond">The configured sustained rate.</param>
    public static string RateLimited(double linesPerSecond) =>
        string.Create(CultureInfo.InvariantCulture, $"rate limit: max {linesPerSecond:0.###} chat lines per second");

    /// <summary>Sent for <c>/leave</c> or <c>/say</c> outside a room.</summary>
    public static string NotInRoom => "not in a room; /join ROOM first";

    /// <summary>
    /// Cluster mode: <c>/nick</c> or <c>/msg</c> needed the cluster's nick registry (a cluster
    /// singleton) and it did not answer in time, e.g. while it moves to another node after its node died.
    /// </summary>
    public static string NickRegistryUnavailable => "nick registry unavailable; try again";

    /// <summary>Sent for <c>/say</c> without text.</summary>
    public static string NothingToSay => "nothing to say; usage: /say TEXT";

    /// <summary>Sent when <c>/msg</c> names a nick no session uses.</summary>
    /// <param name="nick">The nick as typed.</param>
    public static string NoSuchNick(string nick) => $"no such nick '{Quote(nick)}'";

    /// <summary>Sent when <c>/nick</c> asks for a nick another session already uses (case-insensitively).</summary>
    /// <param name="nick">The nick as typed.</param>
    public static string NickInUse(string nick) => $"nick '{Quote(nick)}' is already in use; choose another NAME";

    /// <summary>Sent when a command is given arguments it does not take, or lacks ones it needs.</summary>
    /// <param name="usage">The correct form, e.g. <c>/msg NICK TEXT</c>.</param>
    public static string Usage(string usage) => $"wrong arguments; usage: {usage}";

    /// <summary>The last line before the server closes a session whose actor failed too often.</summary>
    public static string SessionStopped => "session stopped after repeated internal errors";

    /// <summary>Sent to a connection over the limit, just before it is closed.</summary>
    /// <param name="maxConnections">The configured connection limit.</param>
    public static string ServerFull(int maxConnections) =>
        string.Create(CultureInfo.InvariantCulture, $"server full (max {maxConnections} connections); try again later");

    /// <summary>
    /// Makes user input safe to quote in a one-line reply: control characters become <c>?</c>
    /// (so a stray <c>\r</c> cannot garble a terminal) and long input is cut with <c>...</c>.
    /// </summary>
    /// <param name="value">The text as received.</param>
    /// <returns>The text to put between quotes.</returns>
    public static string Quote(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var length = Math.Min(value.Length, MaxQuotedLength);
        if (length < value.Length && char.IsHighSurrogate(value[length - 1]))
        {
            // Never cut a surrogate pair in half: the reply would not be valid UTF-16 any more.
            length--;
        }

        var span = value.AsSpan(0, length);
        var clean = true;
        foreach (var c in span)
        {
            if (char.IsControl(c))
            {
                clean = false;
                break;
            }
        }

        if (clean && length == value.Length)
        {
            return value;
        }

        var builder = new StringBuilder(length + 3);
        foreach (var c in span)
        {
            builder.Append(char.IsControl(c) ? '?' : c);
        }

        if (length < value.Length)
        {
            builder.Append("...");
        }

        return builder.ToString();
    }
}
