using System.Buffers.Text;

namespace ActorEcho.Load.Verification;

/// <summary>
/// The text of one chat line: <c>SEQ TIMESTAMP FILLER</c>, fixed width (10 + 1 + 19 digits, a
/// space and at least one filler byte so nothing trailing can be trimmed), padded to the payload size. Latency comes from the timestamp
/// (this process's <see cref="System.Diagnostics.Stopwatch"/>), so no per-line state is shared.
/// </summary>
internal static class ChatLine
{
    private const int HeaderLength = 31;

    /// <summary>Length of the text (without <c>\n</c>) for a payload size that includes the <c>\n</c>.</summary>
    public static int TextLength(int payload) => Math.Max(HeaderLength + 1, payload - 1);

    /// <summary>Writes text and <c>\n</c>; returns the bytes written (<see cref="TextLength"/> + 1).</summary>
    public static int Write(long seq, long timestamp, int payload, Span<byte> destination)
    {
        var length = TextLength(payload);
        Utf8Formatter.TryFormat(seq, destination, out _, new System.Buffers.StandardFormat('D', 10));
        destination[10] = (byte)' ';
        Utf8Formatter.TryFormat(timestamp, destination[11..], out _, new System.Buffers.StandardFormat('D', 19));
        destination[30] = (byte)' ';
        for (var i = HeaderLength; i < length; i++)
        {
            destination[i] = Filler(i);
        }

        destination[length] = (byte)'\n';
        return length + 1;
    }

    /// <summary>Reads seq and timestamp back; false when the text is not exactly what <see cref="Write"/> makes.</summary>
    public static bool TryParse(ReadOnlySpan<byte> text, int payload, out long seq, out long timestamp)
    {
        seq = 0;
        timestamp = 0;
        if (text.Length != TextLength(payload) || text[10] != ' ' || text[30] != ' ')
        {
            return false;
        }

        if (!Utf8Parser.TryParse(text[..10], out seq, out var n1) || n1 != 10 ||
            !Utf8Parser.TryParse(text[11..30], out timestamp, out var n2) || n2 != 19)
        {
            return false;
        }

        for (var i = HeaderLength; i < text.Length; i++)
        {
            if (text[i] != Filler(i))
            {
                return false;
            }
        }

        return true;
    }

    private static byte Filler(int i) => (byte)('a' + (i % 26));
}
