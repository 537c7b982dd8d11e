using System.Text;
using System.Text.Unicode;

namespace ActorEcho.Server.Protocol;

/// <summary>
/// The line state machine of a TCP session: cuts the received byte stream into echo bytes,
/// command lines and room lines, as the protocol describes. One instance per connection; not
/// thread-safe (it belongs to the session actor).
/// </summary>
/// <remarks>
/// <para>
/// Usage: for each received chunk, call <see cref="TryRead(ReadOnlySpan{byte}, ref int, bool, out SessionInput)"/>
/// with the chunk and a position starting at 0 until it returns <see langword="false"/>, handling
/// each event before reading the next. The caller passes whether the session is in a room on every
/// call because a command can change that mid-chunk: in <c>/join\nhello\n</c>, <c>hello</c> is a
/// room line only because <c>/join</c> ran first. The caller may stop between events (a session
/// waiting for a hub answer does) and go on later with the same chunk and position.
/// </para>
/// <para>
/// Ownership: the parser never keeps the chunk. It takes a span, so a session can parse the bytes
/// Akka.IO received where they are (<c>ByteString.ToReadOnlySpan()</c>, no copy), and an echo event
/// is a range of the chunk (<see cref="SessionInput.Echo"/>) that the caller slices from its own
/// buffer. Partial command and room lines are copied into the parser's line buffer, and complete
/// ones are decoded to strings, so they outlive the chunk.
/// </para>
/// <para>
/// A line's kind is decided by its first byte and the room flag at that moment: <c>/</c> makes a
/// command; otherwise it is a room line in a room and an echo line outside one. Echo lines stream
/// (no length limit, nothing buffered) and consecutive ones within a chunk come out as one event
/// (one write) while the session stays outside a room. Command and room
/// lines are buffered up to <see cref="MaxLineLength"/> bytes (not counting <c>\r\n</c>/<c>\n</c>);
/// a longer one yields one <see cref="SessionInputKind.LineTooLong"/> and is discarded up to its
/// <c>\n</c>. Empty room lines (a bare <c>\n</c> or <c>\r\n</c>) are skipped.
/// </para>
/// </remarks>
public sealed class SessionInputParser
{
    /// <summary>The default maximum length of a command or room line: 4096 bytes.</summary>
    public const int DefaultMaxLineLength = 4096;

    // Small first: most sessions only ever buffer short commands.
    private const int InitialBufferSize = 256;

    // One byte of slack over the limit: a trailing '\r' is not counted, and while a line is still
    // arriving we cannot tell whether its last byte is that '\r'.
    private readonly int _bufferLimit;
    private State _state;
    private bool _bufferingCommand;
    private byte[] _buffer = [];
    private int _buffered;

    /// <summary>Creates a parser at the start of a stream.</summary>
    /// <param name="maxLineLength">Longest command or room line in bytes, at least 1 and below <see cref="Array.MaxLength"/> (default 4096).</param>
    public SessionInputParser(int maxLineLength = DefaultMaxLineLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLineLength, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(maxLineLength, Array.MaxLength);
        MaxLineLength = maxLineLength;
        _bufferLimit = maxLineLength + 1;
    }

    private enum State
    {
        LineStart,
        Echoing,
        Buffering,
        Discarding,
    }

    /// <summary>Longest command or room line accepted, in bytes, excluding the line ending.</summary>
    public int MaxLineLength { get; }

    /// <summary>Whether the next byte starts a new line (true at the start of the stream and after each <c>\n</c>).</summary>
    public bool IsAtLineStart => _state == State.LineStart;

    /// <summary>Reads the next event from <paramref name="chunk"/>, starting at <paramref name="position"/>.</summary>
    /// <param name="chunk">The received chunk; the same one on every call until it is used up.</param>
    /// <param name="position">Where the unread bytes of <paramref name="chunk"/> start; moved past every byte this call consumed.</param>
    /// <param name="inRoom">Whether the session is in a chat room now (decides what a new plain line is).</param>
    /// <param name="input">The event, when one is available.</param>
    /// <returns><see langword="false"/> when the chunk is used up (<paramref name="position"/> is its length); go on with the next one.</returns>
    public bool TryRead(ReadOnlySpan<byte> chunk, ref int position, bool inRoom, out SessionInput input)
    {
        while (position < chunk.Length)
        {
            var rest = chunk[position..];
            switch (_state)
            {
                case State.LineStart:
                    if (rest[0] == (byte)'/' || inRoom)
                    {
                        _state = State.Buffering;
                        _bufferingCommand = rest[0] == (byte)'/';
                    }
                    else
                    {
                        _state = State.Echoing;
                    }

                    break;

                case State.Echoing:
                    input = ReadEcho(rest, ref position, inRoom);
                    return true;

                case State.Buffering:
                    if (TryReadBuffered(rest, ref position, out input))
                    {
                        return true;
                    }

                    break;

                default:
                    Discard(rest, ref position);
                    break;
            }
        }

        input = default;
        return false;
    }

    /// <summary>Forgets any partial line and starts over as at the start of a stream (e.g. after the session's state was reset).</summary>
    public void Reset()
    {
        _state = State.LineStart;
        _buffered = 0;
    }

    private SessionInput ReadEcho(ReadOnlySpan<byte> rest, ref int position, bool inRoom)
    {
        // Outside a room, everything up to the next line that starts with '/' echoes as one slice:
        // one write instead of one per line. If the session entered a room while this line was
        // arriving, only the rest of this line echoes.
        var end = inRoom ? rest.IndexOf((byte)'\n') : IndexOfCommandStart(rest);
        int length;
        if (end >= 0)
        {
            length = end + 1;
            _state = State.LineStart;
        }
        else
        {
            length = rest.Length;
            _state = rest[^1] == (byte)'\n' ? State.LineStart : State.Echoing;
        }

        var start = position;
        position += length;
        return SessionInput.ForEcho(start, length);
    }

    /// <summary>Where "\n/" starts in <paramref name="rest"/> (the index of its '\n'), or -1.</summary>
    /// <remarks>
    /// Scans for the '/' alone and checks the byte before it: '/' is rare in echoed data, and a
    /// single-byte search is the fastest vectorised scan there is (a two-byte search for "\n/" cost
    /// 7% of the server's CPU in a 4 KiB echo run, more than copying the same bytes). <paramref name="rest"/> never
    /// starts a line here (the parser is mid-line when echoing), so a '/' at index 0 is not a command.
    /// </remarks>
    private static int IndexOfCommandStart(ReadOnlySpan<byte> rest)
    {
        var from = 1;
        while (from < rest.Length)
        {
            var slash = rest[from..].IndexOf((byte)'/');
            if (slash < 0)
            {
                return -1;
            }

            var at = from + slash;
            if (rest[at - 1] == (byte)'\n')
            {
                return at - 1;
            }

            from = at + 1;
        }

        return -1;
    }

    private bool TryReadBuffered(ReadOnlySpan<byte> rest, ref int position, out SessionInput input)
    {
        var newline = rest.IndexOf((byte)'\n');
        if (newline < 0)
        {
            position += rest.Length;

            if (_buffered + rest.Length > _bufferLimit)
            {
                _buffered = 0;
                _state = State.Discarding;
                input = LineTooLong();
                return true;
            }

            Append(rest);
            input = default;
            return false;
        }

        position += newline + 1;
        _state = State.LineStart;
        var line = rest[..newline];
        if (_buffered > 0)
        {
            if (_buffered + line.Length > _bufferLimit)
            {
                _buffered = 0;
                input = LineTooLong();
                return true;
            }

            Append(line);
            line = _buffer.AsSpan(0, _buffered);
            _buffered = 0;
        }

        if (!line.IsEmpty && line[^1] == (byte)'\r')
        {
            line = line[..^1];
        }

        if (line.Length > MaxLineLength)
        {
            input = LineTooLong();
            return true;
        }

        if (!Utf8.IsValid(line))
        {
            input = SessionInput.ForError(SessionInputKind.InvalidUtf8, ProtocolErrors.InvalidUtf8);
            return true;
        }

        if (_bufferingCommand)
        {
            input = SessionInput.ForCommand(Encoding.UTF8.GetString(line));
            return true;
        }

        if (line.IsEmpty)
        {
            input = default;
            return false;
        }

        input = SessionInput.ForRoomLine(Encoding.UTF8.GetString(line));
        return true;
    }

    // Built when a line is too long rather than kept per parser: one parser per connection, and
    // most connections never send one.
    private SessionInput LineTooLong() => SessionInput.ForError(SessionInputKind.LineTooLong, ProtocolErrors.LineTooLong(MaxLineLength));

    private void Discard(ReadOnlySpan<byte> rest, ref int position)
    {
        var newline = rest.IndexOf((byte)'\n');
        if (newline < 0)
        {
            position += rest.Length;
        }
        else
        {
            position += newline + 1;
            _state = State.LineStart;
        }
    }

    private void Append(ReadOnlySpan<byte> bytes)
    {
        var needed = _buffered + bytes.Length;
        if (needed > _buffer.Length)
        {
            var size = Math.Min(_bufferLimit, Math.Max(needed, Math.Max(InitialBufferSize, _buffer.Length * 2)));
            Array.Resize(ref _buffer, size);
        }

        bytes.CopyTo(_buffer.AsSpan(_buffered));
        _buffered = needed;
    }
}
