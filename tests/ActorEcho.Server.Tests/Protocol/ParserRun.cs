using System.Text;
using ActorEcho.Server.Protocol;

namespace ActorEcho.Server.Tests.Protocol;

/// <summary>
/// Drives a <see cref="SessionInputParser"/> the way a session does: feeds chunks, drains events,
/// and flips the room flag on <c>/join</c> and <c>/leave</c> commands. Events are rendered as
/// short strings so tests compare whole sequences.
/// </summary>
internal static class ParserRun
{
    public static List<string> Events(SessionInputParser parser, params string[] chunks) =>
        Events(parser, false, chunks.Select(Encoding.UTF8.GetBytes).ToArray());

    public static List<string> Events(SessionInputParser parser, bool inRoom, params byte[][] chunks)
    {
        var events = new List<string>();
        foreach (var chunk in chunks)
        {
            var position = 0;

            // Bounded: every event consumes at least one byte of the chunk.
            for (var guard = 0; guard <= chunk.Length; guard++)
            {
                if (!parser.TryRead(chunk, ref position, inRoom, out var input))
                {
                    break;
                }

                events.Add(Render(chunk, input));
                if (input.Kind == SessionInputKind.Command)
                {
                    var word = input.Line!.Split(' ')[0];
                    if (word.Equals("/join", StringComparison.OrdinalIgnoreCase))
                    {
                        inRoom = true;
                    }
                    else if (word.Equals("/leave", StringComparison.OrdinalIgnoreCase))
                    {
                        inRoom = false;
                    }
                }
            }
        }

        return events;
    }

    /// <summary>Merges adjacent echo events: how echo bytes are grouped depends on chunking, their order does not.</summary>
    public static List<string> Normalized(IEnumerable<string> events)
    {
        var result = new List<string>();
        foreach (var e in events)
        {
            if (e.StartsWith("echo:", StringComparison.Ordinal) && result.Count > 0 && result[^1].StartsWith("echo:", StringComparison.Ordinal))
            {
                result[^1] += e["echo:".Length..];
            }
            else
            {
                result.Add(e);
            }
        }

        return result;
    }

    /// <summary>An event as text; an echo event shows its bytes, read from the chunk it came from.</summary>
    public static string Render(ReadOnlySpan<byte> chunk, SessionInput input) => input.Kind switch
    {
        SessionInputKind.Echo => "echo:" + Escape(chunk[input.Echo]),
        SessionInputKind.Command => "cmd:" + input.Line,
        SessionInputKind.RoomLine => "room:" + input.Line,
        SessionInputKind.LineTooLong => "err:" + input.ErrorMessage,
        SessionInputKind.InvalidUtf8 => "err:" + input.ErrorMessage,
        _ => throw new InvalidOperationException($"unexpected kind {input.Kind}"),
    };

    // Echo bytes may be any binary; render them reversibly and readably.
    private static string Escape(ReadOnlySpan<byte> bytes)
    {
        var builder = new StringBuilder();
        foreach (var b in bytes)
        {
            _ = b switch
            {
                (byte)'\n' => builder.Append("\\n"),
                (byte)'\r' => builder.Append("\\r"),
                (byte)'\\' => builder.Append("\\\\"),
                >= 0x20 and < 0x7f => builder.Append((char)b),
                _ => builder.Append("\\x").Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture)),
            };
        }

        return builder.ToString();
    }
}
