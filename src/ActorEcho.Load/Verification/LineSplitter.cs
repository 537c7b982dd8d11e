namespace ActorEcho.Load.Verification;

/// <summary>
/// Cuts a received byte stream into lines at <c>\n</c> (dropping a trailing <c>\r</c>) without
/// copying lines that arrive whole; only a line split across receives is staged in a buffer.
/// </summary>
internal sealed class LineSplitter
{
    private readonly byte[] _partial;
    private int _length;
    private bool _overflowed;

    public LineSplitter(int maxLineLength) => _partial = new byte[maxLineLength];

    /// <summary>
    /// Takes the next line from <paramref name="data"/> (advancing it). Returns
    /// <see cref="LineStatus.NeedMore"/> when the rest is a partial line (kept for the next call)
    /// and <see cref="LineStatus.TooLong"/> when a line exceeds the maximum length. A returned
    /// line is valid only until the next call.
    /// </summary>
    public LineStatus Next(ref ReadOnlySpan<byte> data, out ReadOnlySpan<byte> line)
    {
        line = default;
        var nl = data.IndexOf((byte)'\n');
        if (nl < 0)
        {
            if (!Append(data))
            {
                data = default;
                return LineStatus.TooLong;
            }

            data = default;
            return LineStatus.NeedMore;
        }

        if (_length == 0 && !_overflowed)
        {
            line = data[..nl];
        }
        else
        {
            if (!Append(data[..nl]))
            {
                data = data[(nl + 1)..];
                _length = 0;
                _overflowed = false;
                return LineStatus.TooLong;
            }

            line = _partial.AsSpan(0, _length);
            _length = 0;
        }

        data = data[(nl + 1)..];
        if (!line.IsEmpty && line[^1] == '\r')
        {
            line = line[..^1];
        }

        if (line.Length > _partial.Length)
        {
            return LineStatus.TooLong;
        }

        return LineStatus.Line;
    }

    private bool Append(ReadOnlySpan<byte> bytes)
    {
        if (_overflowed || _length + bytes.Length > _partial.Length)
        {
            _overflowed = true;
            return false;
        }

        bytes.CopyTo(_partial.AsSpan(_length));
        _length += bytes.Length;
        return true;
    }
}
