using System.Globalization;
using System.Text;

namespace ActorEcho.Server.Protocol;

/// <summary>
/// Builds every line the server sends on a TCP session, as UTF-8 bytes ending in <c>\n</c>.
/// Constant lines are cached and returned without allocating; the others are encoded straight into
/// one exactly sized array. The returned memory must not be modified: cached lines are shared.
/// </summary>
public static class ServerReplies
{
    /// <summary>The <c>/help</c> reply text (without the line ending).</summary>
    public const string HelpText = "HELP /time /nick NAME /join [ROOM] /leave /say TEXT /msg NICK TEXT /who [ROOM] /rooms /stats /help /quit";

    private static readonly ReadOnlyMemory<byte> HelpLine = Encode(HelpText);
    private static readonly ReadOnlyMemory<byte> ByeLine = Encode("BYE");
    private static readonly ReadOnlyMemory<byte> SessionResetLine = Encode("NOTICE session state was reset after an internal error");
    private static readonly ReadOnlyMemory<byte> ShuttingDownLine = Encode("NOTICE server shutting down");
    private static readonly ReadOnlyMemory<byte> SessionStoppedLine = Encode("ERR " + ProtocolErrors.SessionStopped);
    private static readonly ReadOnlyMemory<byte> InvalidUtf8Line = Encode("ERR " + ProtocolErrors.InvalidUtf8);
    private static readonly ReadOnlyMemory<byte> NotInRoomLine = Encode("ERR " + ProtocolErrors.NotInRoom);
    private static readonly ReadOnlyMemory<byte> NickRegistryUnavailableLine = Encode("ERR " + ProtocolErrors.NickRegistryUnavailable);

    /// <summary><c>HELP ...</c>, the reply to <c>/help</c>.</summary>
    public static ReadOnlyMemory<byte> Help => HelpLine;

    /// <summary><c>BYE</c>, the reply to <c>/quit</c> just before the server closes the connection.</summary>
    public static ReadOnlyMemory<byte> Bye => ByeLine;

    /// <summary><c>ERR invalid UTF-8 in line; send UTF-8 text</c>.</summary>
    public static ReadOnlyMemory<byte> InvalidUtf8 => InvalidUtf8Line;

    /// <summary><c>ERR not in a room; /join ROOM first</c>, for <c>/leave</c> and <c>/say</c> outside a room.</summary>
    public static ReadOnlyMemory<byte> NotInRoom => NotInRoomLine;

    /// <summary><c>ERR nick registry unavailable; try again</c> (cluster mode only).</summary>
    public static ReadOnlyMemory<byte> NickRegistryUnavailable => NickRegistryUnavailableLine;

    /// <summary><c>NOTICE session state was reset after an internal error</c>, after a supervisor restart.</summary>
    public static ReadOnlyMemory<byte> SessionReset => SessionResetLine;

    /// <summary><c>NOTICE server shutting down</c>, just before the server closes every session.</summary>
    public static ReadOnlyMemory<byte> ShuttingDown => ShuttingDownLine;

    /// <summary><c>ERR session stopped after repeated internal errors</c>, the last line before close.</summary>
    public static ReadOnlyMemory<byte> SessionStopped => SessionStoppedLine;

    /// <summary><c>ERR MESSAGE</c>.</summary>
    /// <param name="message">The error text, e.g. from <see cref="ProtocolErrors"/> or <see cref="CommandParser"/>.</param>
    /// <returns>The encoded line.</returns>
    public static ReadOnlyMemory<byte> Error(string message) => Line("ERR ", message);

    /// <summary><c>NOTICE MESSAGE</c>.</summary>
    /// <param name="message">The notice text.</param>
    /// <returns>The encoded line.</returns>
    public static ReadOnlyMemory<byte> Notice(string message) => Line("NOTICE ", message);

    /// <summary>The reply to <c>/time</c>: the UTC time such as <c>2026-11-21T10:15:30.123Z</c>.</summary>
    /// <param name="now">The current instant (any offset; it is converted to UTC).</param>
    /// <returns>The encoded line.</returns>
    public static ReadOnlyMemory<byte> Time(DateTimeOffset now) => Line(ProtocolTime.FormatIso8601(now));

    /// <summary><c>OK nick NAME</c>, the reply to a successful <c>/nick</c>.</summary>
    /// <param name="nick">The new nick.</param>
    /// <returns>The encoded line.</returns>
    public static ReadOnlyMemory<byte> NickChanged(string nick) => Line("OK nick ", nick);

    /// <summary><c>OK joined ROOM (N members)</c>, the reply to a successful <c>/join</c>.</summary>
    /// <param name="room">The room joined.</param>
    /// <param name="members">Members after joining, the joiner included.</param>
    /// <returns>The encoded line.</returns>
    public static ReadOnlyMemory<byte> Joined(string room, int members) =>
        Line("OK joined ", room, " (", Invariant(members), " members)");

    /// <summary><c>OK left ROOM</c>, the reply to a successful <c>/leave</c>.</summary>
    /// <param name="room">The room left.</param>
    /// <returns>The encoded line.</returns>
    public static ReadOnlyMemory<byte> Left(string room) => Line("OK left ", room);

    /// <summary><c>[ROOM] NICK: TEXT</c>, a chat line delivered to the other members of a room.</summary>
    /// <param name="room">The room.</param>
    /// <param name="nick">The sender's nick.</param>
    /// <param name="text">The text as sent.</param>
    /// <returns>The encoded line (build it once and send the same memory to every member).</returns>
    public static ReadOnlyMemory<byte> RoomLine(string room, string nick, string text) =>
        Line("[", room, "] ", nick, ": ", text);

    /// <summary><c>[ROOM] * NICK joined</c>, seen by the other members when someone joins.</summary>
    /// <param name="room">The room.</param>
    /// <param name="nick">The joiner's nick.</param>
    /// <returns>The encoded line.</returns>
    public static ReadOnlyMemory<byte> MemberJoined(string room, string nick) => Line("[", room, "] * ", nick, " joined");

    /// <summary><c>[ROOM] * NICK left</c>, seen by the remaining members when someone leaves or disconnects.</summary>
    /// <param name="room">The room.</param>
    /// <param name="nick">The leaver's nick.</param>
    /// <returns>The encoded line.</returns>
    public static ReadOnlyMemory<byte> MemberLeft(string room, string nick) => Line("[", room, "] * ", nick, " left");

    /// <summary><c>[ROOM] * OLD is now known as NEW</c>, seen by the room when a member changes nick.</summary>
    /// <param name="room">The room.</param>
    /// <param name="oldNick">The nick before the change.</param>
    /// <param name="newNick">The nick after the change.</param>
    /// <returns>The encoded line.</returns>
    public static ReadOnlyMemory<byte> MemberRenamed(string room, string oldNick, string newNick) =>
        Line("[", room, "] * ", oldNick, " is now known as ", newNick);

    /// <summary><c>[ROOM] * TEXT</c>, any other system line for a room.</summary>
    /// <param name="room">The room.</param>
    /// <param name="text">The text after the <c>* </c>.</param>
    /// <returns>The encoded line.</returns>
    public static ReadOnlyMemory<byte> RoomSystem(string room, string text) => Line("[", room, "] * ", text);

    /// <summary><c>[PM] FROM: TEXT</c>, a private message delivered by <c>/msg</c>.</summary>
    /// <param name="from">The sender's nick.</param>
    /// <param name="text">The text as sent.</param>
    /// <returns>The encoded line.</returns>
    public static ReadOnlyMemory<byte> PrivateMessage(string from, string text) => Line("[PM] ", from, ": ", text);

    /// <summary><c>ERR line too long (max N bytes); line discarded</c>.</summary>
    /// <param name="maxLineLength">The configured limit in bytes.</param>
    /// <returns>The encoded line.</returns>
    public static ReadOnlyMemory<byte> LineTooLong(int maxLineLength) => Error(ProtocolErrors.LineTooLong(maxLineLength));

    /// <summary><c>ERR rate limit: max N chat lines per second</c>.</summary>
    /// <param name="linesPerSecond">The configured sustained rate.</param>
    /// <returns>The encoded line.</returns>
    public static ReadOnlyMemory<byte> RateLimited(double linesPerSecond) => Error(ProtocolErrors.RateLimited(linesPerSecond));

    /// <summary><c>ERR unknown command '/foo'; try /help</c>.</summary>
    /// <param name="word">The command word as typed.</param>
    /// <returns>The encoded line.</returns>
    public static ReadOnlyMemory<byte> UnknownCommand(string word) => Error(ProtocolErrors.UnknownCommand(word));

    /// <summary><c>ERR no such nick 'X'</c>, when <c>/msg</c> names nobody.</summary>
    /// <param name="nick">The nick as typed.</param>
    /// <returns>The encoded line.</returns>
    public static ReadOnlyMemory<byte> NoSuchNick(string nick) => Error(ProtocolErrors.NoSuchNick(nick));

    /// <summary><c>ERR nick 'X' is already in use; choose another NAME</c>.</summary>
    /// <param name="nick">The nick as typed.</param>
    /// <returns>The encoded line.</returns>
    public static ReadOnlyMemory<byte> NickInUse(string nick) => Error(ProtocolErrors.NickInUse(nick));

    /// <summary><c>ERR server full (max N connections); try again later</c>, then the server closes the connection.</summary>
    /// <param name="maxConnections">The configured connection limit.</param>
    /// <returns>The encoded line.</returns>
    public static ReadOnlyMemory<byte> ServerFull(int maxConnections) => Error(ProtocolErrors.ServerFull(maxConnections));

    /// <summary><c>NOTICE idle timeout after Ns; closing</c>, then the server closes the connection.</summary>
    /// <param name="idleTimeout">The configured idle timeout.</param>
    /// <returns>The encoded line.</returns>
    public static ReadOnlyMemory<byte> IdleTimeout(TimeSpan idleTimeout) =>
        Line("NOTICE idle timeout after ", idleTimeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture), "s; closing");

    /// <summary><c>NOTICE dropped N messages; you are reading too slowly</c> (slow-reader policy drop-oldest).</summary>
    /// <param name="count">How many outgoing messages were dropped.</param>
    /// <returns>The encoded line.</returns>
    public static ReadOnlyMemory<byte> Dropped(long count) =>
        Line("NOTICE dropped ", Invariant(count), " messages; you are reading too slowly");

    /// <summary>
    /// <c>WHO ROOM N: nick1 nick2 ...</c> inside a room, or <c>WHO * N: ...</c> (every session) outside one.
    /// Nicks are sorted case-insensitively, so the line does not depend on join order.
    /// </summary>
    /// <param name="room">The room, or <see langword="null"/> for the server-wide list.</param>
    /// <param name="nicks">The nicks, in any order.</param>
    /// <returns>The encoded line.</returns>
    public static ReadOnlyMemory<byte> Who(string? room, IEnumerable<string> nicks)
    {
        ArgumentNullException.ThrowIfNull(nicks);
        var sorted = nicks.ToArray();
        Array.Sort(sorted, NameOrder);
        var builder = new StringBuilder("WHO ").Append(room ?? "*").Append(' ').Append(Invariant(sorted.Length)).Append(':');
        foreach (var nick in sorted)
        {
            builder.Append(' ').Append(nick);
        }

        return Line(builder.ToString());
    }

    /// <summary><c>ROOMS N: lobby(3) dev(1)</c>, rooms sorted by name; <c>ROOMS 0:</c> when there are none.</summary>
    /// <param name="rooms">Room names with their member counts, in any order.</param>
    /// <returns>The encoded line.</returns>
    public static ReadOnlyMemory<byte> Rooms(IEnumerable<KeyValuePair<string, int>> rooms)
    {
        ArgumentNullException.ThrowIfNull(rooms);
        var sorted = rooms.ToArray();
        Array.Sort(sorted, (a, b) => NameOrder(a.Key, b.Key));
        var builder = new StringBuilder("ROOMS ").Append(Invariant(sorted.Length)).Append(':');
        foreach (var (room, members) in sorted)
        {
            builder.Append(' ').Append(room).Append('(').Append(Invariant(members)).Append(')');
        }

        return Line(builder.ToString());
    }

    /// <summary>
    /// <c>STATS connections=12 sessions=12 messages_in=345 messages_out=346 restarts=0 drops=0 rooms=2</c>,
    /// the reply to <c>/stats</c>; in cluster mode <c>nodes=N</c> follows.
    /// </summary>
    /// <param name="stats">The counters.</param>
    /// <returns>The encoded line.</returns>
    public static ReadOnlyMemory<byte> Stats(ServerStats stats) =>
        Line(string.Create(
            CultureInfo.InvariantCulture,
            $"STATS connections={stats.Connections} sessions={stats.Sessions} messages_in={stats.MessagesIn} messages_out={stats.MessagesOut} restarts={stats.Restarts} drops={stats.Drops} rooms={stats.Rooms}{(stats.Nodes is { } nodes ? $" nodes={nodes}" : "")}"));

    // Case-insensitive first so "alice" and "Bob" sort as people expect; ordinal breaks ties so the
    // order is total and the line is deterministic.
    private static int NameOrder(string? a, string? b)
    {
        var order = string.Compare(a, b, StringComparison.OrdinalIgnoreCase);
        return order != 0 ? order : string.CompareOrdinal(a, b);
    }

    private static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static ReadOnlyMemory<byte> Encode(string text) => Line(text);

    // One exactly sized array per line: count first, then encode each part in place.
    private static byte[] Line(params ReadOnlySpan<string> parts)
    {
        var length = 1;
        foreach (var part in parts)
        {
            length += Encoding.UTF8.GetByteCount(part);
        }

        var bytes = new byte[length];
        var written = 0;
        foreach (var part in parts)
        {
            written += Encoding.UTF8.GetBytes(part, bytes.AsSpan(written));
        }

        bytes[written] = (byte)'\n';
        return bytes;
    }
}
